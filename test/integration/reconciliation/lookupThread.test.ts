import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ThreadedReader, type InlineReads } from '../../../src-main/reconciliation/flowReader';
import type { SettlementFlow } from '../../../src-main/reconciliation';
import { onboardForSimulation, payForFlow, seedPositions } from '../../../src-main/simulation';
import { simulationActor } from '../../../src-main/simulation/catalogue';
import { createTestCore, dumpDatabase, tempDir, type TestCore } from '../../support/testCore';

const open: TestCore[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.close();
});

async function core(options: Parameters<typeof createTestCore>[0]): Promise<TestCore> {
  const t = await createTestCore(options);
  open.push(t);
  return t;
}

/**
 * A paid database and a flow of three chunks (2,000 lines each) that meets every kind of line:
 * matched, a duplicate of a line two chunks back, an unknown IUV, a wrong amount.
 */
async function paidDatabase(): Promise<{ dataDir: string; flow: SettlementFlow }> {
  const t = await createTestCore({ demo: true });
  const onboarding = await onboardForSimulation(t.core);
  seedPositions(t.core, { count: 2_600, seed: 7 });
  const { flow } = await payForFlow(t.core, 1_500, onboarding.station.code);
  const paid = flow.lines;
  const lines: SettlementFlow['lines'] = [
    ...paid.slice(0, 1_000),
    ...Array.from({ length: 2_500 }, (_, i) => ({ ...paid[0]!, iuv: `99${String(i).padStart(15, '0')}`, iur: `UNKNOWN${i}` })),
    ...paid.slice(1_000, 1_499),
    { ...paid[1_499]!, amount: paid[1_499]!.amount + 1 },
    paid[3]!,
    paid[999]!,
  ];
  const total = lines.reduce((s, l) => s + l.amount, 0);
  await t.close();
  return { dataDir: t.dataDir, flow: { ...flow, lines, totalPayments: lines.length, totalAmount: total, bankTransfer: { ...flow.bankTransfer!, amount: total } } };
}

function copyOf(dir: string): string {
  const copy = tempDir();
  fs.cpSync(dir, copy, { recursive: true });
  return copy;
}

describe('reconciliation with the lookups on a worker thread', () => {
  it('imports a flow exactly as with the lookups inline: same report, same database', async () => {
    const { dataDir, flow } = await paidDatabase();
    const threaded = await core({ dataDir: copyOf(dataDir), lookupThread: true });
    const inline = await core({ dataDir: copyOf(dataDir) });
    expect(await threaded.core.reconciliation.whenLookupsReady()).toBe(true);
    expect(await inline.core.reconciliation.whenLookupsReady()).toBe(false);

    // first an import that fails midway, with the worker's reads under way: nothing of it stays,
    // and the next import is not confused by what the worker was still doing for it
    const before = dumpDatabase(threaded.core.db);
    threaded.core.db.exec(`CREATE TEMP TRIGGER fail_midway AFTER UPDATE OF status ON debt_position
      WHEN (SELECT count(*) FROM debt_position WHERE status = 'REPORTED') > 300 BEGIN SELECT RAISE(ABORT, 'disco pieno'); END`);
    expect(() => threaded.core.reconciliation.importFlow(simulationActor, flow)).toThrow(/disco pieno/);
    threaded.core.db.exec('DROP TRIGGER fail_midway');
    expect(dumpDatabase(threaded.core.db)).toBe(before);

    const a = threaded.core.reconciliation.importFlow(simulationActor, flow);
    const b = inline.core.reconciliation.importFlow(simulationActor, flow);
    expect(a).toEqual(b);
    expect(a.flow.lineCount).toBe(4_002);
    expect(a.flow.matchedLines).toBe(1_499);
    expect(a.issueCounts).toEqual({ UNKNOWN_IUV: 2_500, AMOUNT_MISMATCH: 1, DUPLICATE_LINE: 2 });
    expect(a.flow.positionsReported).toBeGreaterThan(0);
    expect(dumpDatabase(threaded.core.db)).toEqual(dumpDatabase(inline.core.db));
    // the import's log was copied into the database by the worker, and the import's connection
    // checkpoints by itself again, as before
    expect(await threaded.core.reconciliation.lastCheckpoint()).toEqual(expect.any(Number));
    const [left] = threaded.core.db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number; checkpointed: number }>;
    expect(left!.checkpointed).toBe(left!.log);
    expect(threaded.core.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    // and after an import refused inside its transaction (an older revision than one imported)
    threaded.core.reconciliation.importFlow(simulationActor, { ...flow, revision: 3 });
    expect(() => threaded.core.reconciliation.importFlow(simulationActor, { ...flow, revision: 2 })).toThrow(expect.objectContaining({ code: 'RECON_STALE_REVISION' }));
    expect(threaded.core.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    // and the thread serves the next flow too
    expect(threaded.core.reconciliation.importFlow(simulationActor, flow).alreadyImported).toBe(true);
  });

  it('reads inline when the worker cannot open the database, or stops answering', async () => {
    const inlineCalls: string[] = [];
    const inline: InlineReads = {
      facts: (lines) => {
        inlineCalls.push(`facts ${lines.length}`);
        return lines.map(() => ({ iuvKnown: false, receipt: null, settlement: null }));
      },
      snapshots: (ids) => {
        inlineCalls.push(`snapshots ${ids.join(',')}`);
        return [];
      },
    };
    const chunks = [[{ iuv: '01000000000000001', iur: 'IUR-1', transferIndex: 1 }], [{ iuv: '01000000000000002', iur: 'IUR-2', transferIndex: 1 }]];
    const none = [{ iuvKnown: false, receipt: null, settlement: null }];

    const missing = new ThreadedReader(path.join(tempDir(), 'none.db'), inline);
    expect(await missing.whenReady()).toBe(false);
    expect(missing.open(chunks).facts(0)).toEqual(none);
    await missing.close();

    const stalledEntry = () => ({ file: path.resolve(__dirname, '../../support/workers/stalledLookupWorker.ts'), execArgv: ['--import', 'tsx'] });
    const stalled = new ThreadedReader(path.join(tempDir(), 'any.db'), inline, stalledEntry, 200);
    expect(await stalled.whenReady()).toBe(true);
    const reads = stalled.open(chunks);
    expect(reads.facts(0)).toEqual(none);
    reads.stored(0, [], [7]);
    expect(reads.snapshots(0)).toEqual([]);
    expect(reads.facts(1)).toEqual(none);
    await stalled.close();
    // one wait for the stalled worker, then everything inline, the snapshots included
    expect(inlineCalls).toEqual(['facts 1', 'facts 1', 'snapshots 7', 'facts 1']);
  });
});
