import { createCore } from '../../../src-main/core/createCore';
import { silentLogger } from '../../../src-main/platform/logger';
import { systemActor } from '../../../src-main/services/actor';

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
