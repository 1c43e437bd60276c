import type { Core } from '../../../src-main/core/createCore';
import type { TestCore } from '../../support/testCore';

export const ADMIN = 'w-admin';
export const OPERATOR = 'w-operator';

/** What the Referente dei Pagamenti does first (PART A's UI): censimento on the Nodo and the Nodo API key. */
export async function registerOnNodo(core: Core, options: { apiKey?: boolean } = {}): Promise<void> {
  const ec = core.ecProfile.get()!;
  await core.nodo.registerEc({
    fiscalCode: ec.fiscalCode,
    name: ec.name,
    address: 'Piazza del Municipio 1',
    city: 'Roma',
    province: 'RM',
    postalCode: '00184',
    connection: 'direct',
  });
  if (options.apiKey !== false) await core.nodo.issueApiKeys(ec.fiscalCode, 'nodauth');
}

export const stationForm = {
  connection: { protocol: 'https', host: 'pagopa.comune-di-test.it', port: 443, path: '/sportello/nodo/v2' },
  primitiveVersion: 2,
  password: 'Stazione-Segreta-2026',
  timeouts: { verifyMs: 15_000, getPaymentMs: 15_000, sendReceiptMs: 15_000 },
  flagStandIn: false,
  segregationCode: '01',
  broadcast: false,
} as const;

/** Calls a channel and returns its data, failing the test with main's error otherwise. */
export async function call<T = unknown>(t: TestCore, windowId: string, channel: string, input?: unknown): Promise<T> {
  const result = await t.invoke(windowId, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.fieldErrors ?? {})}`);
  return result.data as T;
}
