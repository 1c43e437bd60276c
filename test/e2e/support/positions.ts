import { createCore } from '../../../src-main/core/createCore';
import { silentLogger } from '../../../src-main/platform/logger';
import { systemActor } from '../../../src-main/services/actor';
import { onboardForSimulation, simulatePayments } from '../../../src-main/simulation';

const DEBTOR = { type: 'F' as const, fiscalCode: 'RCCMNL83S18D969H', fullName: 'Emanuele Rocca', city: 'Roma', province: 'RM', postalCode: '00100' };

/** Published debt positions written straight into the host's data dir (between a stop and a start): their notice numbers. */
export async function seedPositions(dataDir: string, amounts: readonly number[] = [12_345, 6_789]): Promise<string[]> {
  const core = await createCore({ dataDir, demo: true }, { logger: silentLogger });
  try {
    const positions = core.positions.positions;
    const notices: string[] = [];
    for (const amount of amounts) {
      const created = positions.create(systemActor, {
        debtor: DEBTOR,
        options: [{ kind: 'single', amount, dueDate: '2099-12-31', description: 'TARI 2026 - saldo', transfers: [{ id: 1, amount, iban: 'IT60X0542811101000000123456', remittance: 'TARI 2026', taxonomy: '9/0101108TS/' }] }],
      });
      notices.push(positions.publish(systemActor, created.id).options[0]!.noticeNumber);
    }
    return notices;
  } finally {
    await core.close();
  }
}

/**
 * A notice for `debtor`, paid through the mock Nodo as a PSP would (the EC onboarded for the
 * simulation first: station, IBANs on the Nodo), written into the host's data dir between a stop
 * and a start: its notice number.
 */
export async function seedPaidPosition(dataDir: string, debtor: { fiscalCode: string; fullName: string }, amount = 4_560): Promise<string> {
  const core = await createCore({ dataDir, demo: true }, { logger: silentLogger });
  try {
    await onboardForSimulation(core);
    const positions = core.positions.positions;
    const created = positions.create(systemActor, {
      debtor: { ...DEBTOR, ...debtor },
      options: [{ kind: 'single', amount, dueDate: '2099-12-31', description: 'Mensa scolastica - novembre', transfers: [{ id: 1, amount, iban: 'IT60X0542811101000000123456', remittance: 'Mensa scolastica', taxonomy: '9/0101108TS/' }] }],
    });
    const notice = positions.publish(systemActor, created.id).options[0]!.noticeNumber;
    const result = await simulatePayments(core, { count: 1, notices: [notice] });
    if (result.ok !== 1) throw new Error(`pagamento simulato non riuscito: ${JSON.stringify(result.faults)}`);
    return notice;
  } finally {
    await core.close();
  }
}
