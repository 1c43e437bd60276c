import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addDaysIso } from '../src-shared/domain/date';
import { createCore } from '../src-main/core/createCore';
import { DATABASE_FILE_NAME } from '../src-main/db/openDatabase';
import { today } from '../src-main/platform/clock';
import { silentLogger } from '../src-main/platform/logger';
import { SeededRandom } from '../src-main/platform/random';
import type { PositionListInput } from '../src-main/positions/types';
import { seedPositions } from '../src-main/simulation';
import { summarise } from './stats';
import { formatInt, measureSync, note, rowOf, type BenchSection, type BenchTarget } from './section';

export const DEFAULT_BENCH_POSITIONS = 1_000_000;
const LOOKUPS = 5_000;
const PAGES = 1_000;
const LOOKUP_P99_TARGET_US = 1_000;
const PAGE_P95_TARGET_US = 20_000;

interface Keys {
  noticeNumber: string;
  iuv: string;
  iupd: string;
  debtorFiscalCode: string;
}

/**
 * A million positions seeded through the simulation's fast path, then the lookups and list pages the
 * back office and the kiosk make, through PositionService (the code path the IPC handlers use):
 * random existing keys and random starting points in the keyset order.
 */
export async function benchPositions(count = DEFAULT_BENCH_POSITIONS): Promise<BenchSection> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-bench-positions-'));
  const core = await createCore({ dataDir, demo: true }, { logger: silentLogger });
  try {
    note(`positions: seeding ${formatInt(count)}…`);
    let lastNote = 0;
    const seeded = seedPositions(core, {
      count,
      seed: 1,
      onProgress: (p) => {
        if (p.done - lastNote >= 100_000 || p.done === p.total) {
          lastNote = p.done;
          note(`  ${formatInt(p.done)} / ${formatInt(p.total)} (${(p.elapsedMs / 1000).toFixed(0)} s)`);
        }
      },
    });
    const file = path.join(dataDir, DATABASE_FILE_NAME);
    const dbBytes = fs.statSync(file).size + (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);

    const service = core.positions.positions;
    const repo = core.positions.repositories.positions;
    const rng = SeededRandom.fromSeed(7);
    // keys of random existing positions, read through the repository before timing anything
    const keys: Keys[] = [];
    const firstId = seeded.firstId ?? 1;
    const lastId = seeded.lastId ?? 1;
    while (keys.length < LOOKUPS) {
      const position = repo.findById(rng.int(firstId, lastId));
      if (!position) continue;
      const option = rng.pick(repo.options(position.id));
      keys.push({ noticeNumber: option.noticeNumber, iuv: option.iuv, iupd: position.iupd, debtorFiscalCode: position.debtor.fiscalCode });
    }
    const check = (found: unknown): void => {
      if (!found || (Array.isArray(found) && found.length === 0)) throw new Error('bench: an existing key was not found');
    };
    note('positions: lookups…');
    const rows = [
      rowOf('find by notice number', summarise(measureSync(LOOKUPS, 500, (i) => check(service.findByNoticeNumber(keys[i % LOOKUPS]!.noticeNumber))))),
      rowOf('find by IUV', summarise(measureSync(LOOKUPS, 500, (i) => check(service.findByIuv(keys[i % LOOKUPS]!.iuv))))),
      rowOf('find by debtor fiscal code', summarise(measureSync(LOOKUPS, 500, (i) => check(service.findByDebtorFiscalCode(keys[i % LOOKUPS]!.debtorFiscalCode))))),
      rowOf('find by IUPD', summarise(measureSync(LOOKUPS, 500, (i) => check(service.findByIupd(keys[i % LOOKUPS]!.iupd))))),
    ];

    note('positions: list pages…');
    const day = today(core.clock);
    const services = core.positions.catalogue.list().map((s) => s.id);
    // each sample pair: a first page from a random due date (a random keyset position), then the next one
    const pagePairs = (filterAt: (from: string) => PositionListInput): bigint[] => {
      const samples: bigint[] = [];
      const timed = (input: PositionListInput) => {
        const start = process.hrtime.bigint();
        const page = service.list(input);
        samples.push(process.hrtime.bigint() - start);
        return page;
      };
      for (let i = 0; i < PAGES; i++) {
        const filter = { ...filterAt(addDaysIso(day, rng.int(0, 364))), limit: 100 };
        const first = timed(filter);
        if (first.nextCursor) timed({ ...filter, cursor: first.nextCursor });
      }
      return samples;
    };
    const pages = [
      rowOf(
        'page of 100: status + due-date range (30 days)',
        summarise(pagePairs((from) => ({ status: 'VALID', dueDateFrom: from, dueDateTo: addDaysIso(from, 30) }))),
      ),
      rowOf('page of 100: status + service', summarise(pagePairs((from) => ({ status: 'VALID', catalogueServiceId: rng.pick(services), dueDateFrom: from })))),
      rowOf(
        'page of 100: debtor',
        summarise(measureSync(PAGES, 100, (i) => check(service.list({ debtorFiscalCode: keys[i % LOOKUPS]!.debtorFiscalCode, limit: 100 }).items))),
      ),
    ];

    const targets: BenchTarget[] = [
      ...rows.map((r) => ({ name: `${r.name}: p99 < 1 ms`, met: r.p99Us < LOOKUP_P99_TARGET_US, measured: `${r.p99Us.toFixed(0)} µs` })),
      ...pages.map((r) => ({ name: `${r.name}: p95 < 20 ms`, met: r.p95Us < PAGE_P95_TARGET_US, measured: `${(r.p95Us / 1000).toFixed(2)} ms` })),
    ];
    return {
      title: `Debt positions at ${formatInt(count)} (PositionService)`,
      facts: [
        ['positions seeded', `${formatInt(seeded.created)} (${formatInt(seeded.options)} payment options)`],
        ['seeding time', `${(seeded.elapsedMs / 1000).toFixed(1)} s (${formatInt(seeded.positionsPerSecond)} positions/s, batches of 5,000, validated)`],
        ['database size', `${(dbBytes / 2 ** 20).toFixed(0)} MiB`],
      ],
      rows: [...rows, ...pages],
      targets,
    };
  } finally {
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
