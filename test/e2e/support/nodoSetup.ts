import { MockNodo } from '../../../src-main/nodo/mockNodo';

/**
 * Stands in for the Referente dei Pagamenti's first two onboarding steps (censimento on the Nodo
 * and the Nodo API key), whose screens are another part of the onboarding: it writes them straight
 * into the mock Nodo's own database (nodo.db) before the web host starts, as the Nodo would hold
 * them after those steps. Sportello's own data (sportello.db) is untouched: the host seeds the demo EC.
 */
export async function registerDemoEcOnNodo(dataDir: string): Promise<void> {
  const nodo = new MockNodo({ dataDir });
  try {
    await nodo.registerEc({
      fiscalCode: '80012345676',
      name: 'Comune di Test',
      address: 'Piazza del Municipio 1',
      city: 'Roma',
      province: 'RM',
      postalCode: '00184',
      connection: 'direct',
    });
    await nodo.issueApiKeys('80012345676', 'nodauth');
  } finally {
    await nodo.close();
  }
}
