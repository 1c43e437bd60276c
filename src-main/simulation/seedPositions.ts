import { generateNoticeNumber, iuvFromNoticeNumber } from '../../src-shared/domain/noticeNumber';
import { statusOnPublish } from '../../src-shared/domain/positionStatus';
import { AppError } from '../../src-shared/errors';
import type { Core } from '../core/createCore';
import { scenarioNotice, type ScenarioName } from '../nodo/scenarios';
import { nowIso, today } from '../platform/clock';
import { SeededRandom } from '../platform/random';
import { validatePosition, type ValidPosition, type ValidationContext } from '../positions/positionValidation';
import type { PositionInput } from '../positions/types';
import { IbanRepository, type IbanRecord } from '../repositories/ibanRepository';
import { ecAccounts, ensureSimulationCatalogue, simulationActor } from './catalogue';
import { generatePositionInput, type GeneratorContext } from './positionGenerator';
import { mix, syntheticDebtor } from './syntheticData';

export interface SeedProgress {
  done: number;
  total: number;
  elapsedMs: number;
}

export interface SeedOptions {
  count: number;
  /** same seed, same database state: same positions */
  seed?: number;
  /** positions per transaction (default 5,000) */
  batchSize?: number;
  onProgress?: (progress: SeedProgress) => void;
}

export interface SeedResult {
  created: number;
  options: number;
  firstId: number | null;
  lastId: number | null;
  elapsedMs: number;
  positionsPerSecond: number;
}

export const DEFAULT_SEED = 20261122;
const DEFAULT_BATCH = 5_000;
/** page cache while seeding, in KiB (negative: SQLite's unit for a size rather than a page count) */
const SEED_CACHE_KIB = -262_144;
const MAX_NOTICE_BASE = 9_999_999_999_999;
/** debtors in the pool per position: most people owe the EC more than one thing */
const POSITIONS_PER_DEBTOR = 2.5;

/**
 * The EC's IBAN list as validation reads it, with each answer kept for one batch: every transfer asks
 * whether its IBAN is live, and a batch asks about the same two or three IBANs thousands of times.
 */
class BatchIbanLookup extends IbanRepository {
  private readonly known = new Map<string, IbanRecord | null>();

  override findLiveByCode(iban: string): IbanRecord | null {
    let record = this.known.get(iban);
    if (record === undefined) {
      record = super.findLiveByCode(iban);
      this.known.set(iban, record);
    }
    return record;
  }

  forget(): void {
    this.known.clear();
  }
}

/**
 * Validated positions, inserted in bulk. The fast path keeps every rule that PositionService.create +
 * publish apply (same validatePosition, same notice numbering, status from statusOnPublish) but skips
 * what makes a single creation slow at a million rows: one transaction and one audit entry per
 * position, and re-reading each position after writing it. Instead each batch is one transaction with
 * cached statements and one audit entry "seed: N posizioni" by the system actor, naming the id range:
 * the audit log still says who created which positions and when.
 */
class BulkPositionWriter {
  private readonly ec: { fiscalCode: string; name: string; segregationCode: string };
  private readonly ctx: ValidationContext;
  private readonly ibans: BatchIbanLookup;

  constructor(private readonly core: Core) {
    const ec = core.ecProfile.get();
    if (!ec) throw new AppError('SETUP_REQUIRED');
    this.ec = ec;
    const serviceIds = new Set(core.positions.catalogue.list().map((s) => s.id));
    this.ctx = {
      ecFiscalCode: ec.fiscalCode,
      ecName: ec.name,
      today: today(core.clock),
      ibans: (this.ibans = new BatchIbanLookup(core.db)),
      catalogueServiceExists: (id) => serviceIds.has(id),
    };
  }

  get today(): string {
    return this.ctx.today;
  }

  /** Call before validating each batch: IBAN answers are reused within a batch only. */
  startBatch(): void {
    this.ibans.forget();
  }

  validate(input: PositionInput): ValidPosition {
    const result = validatePosition(input, this.ctx, null);
    if (!result.ok) throw new AppError('IPC_INVALID_INPUT', { fieldErrors: result.fieldErrors });
    return result.value;
  }

  /**
   * Inserts one validated position, published. `notices` gives fixed notice numbers (scenario
   * notices); otherwise they come from the EC's sequence, as PositionService numbers them. Must run
   * inside the caller's transaction. Returns the position id and its notice numbers.
   */
  insert(valid: ValidPosition, at: string, notices?: readonly string[]): { id: number; notices: string[] } {
    const repo = this.core.positions.repositories.positions;
    const numbers = valid.options.map((_, i) => notices?.[i] ?? this.nextNotice());
    const first = iuvFromNoticeNumber(numbers[0]!)!;
    // the IUPD PositionService gives a position created without one
    const iupd = valid.iupd ?? `${this.ec.fiscalCode}-${first}`;
    const status = statusOnPublish(valid.validityDate, this.ctx.today);
    const options = valid.options.map((o, i) => ({ ...o, noticeNumber: numbers[i]!, iuv: iuvFromNoticeNumber(numbers[i]!)! }));
    const id = repo.insertWithOptions({ ...valid, iupd, status, origin: 'ec', publishedAt: at }, options, at);
    return { id, notices: numbers };
  }

  private nextNotice(): string {
    const base = this.core.positions.repositories.positions.nextNoticeBase(this.ec.segregationCode);
    if (base > MAX_NOTICE_BASE) throw new AppError('NOTICE_NUMBERS_EXHAUSTED');
    return generateNoticeNumber(this.ec.segregationCode, String(base).padStart(13, '0'));
  }

  get segregationCode(): string {
    return this.ec.segregationCode;
  }
}

/** The catalogue first (the writer's validation must know its services), then the writer. */
function prepare(core: Core): { writer: BulkPositionWriter; gen: GeneratorContext } {
  if (!core.ecProfile.get()) throw new AppError('SETUP_REQUIRED');
  const accounts = ecAccounts(core);
  const services = ensureSimulationCatalogue(core, accounts);
  const writer = new BulkPositionWriter(core);
  return { writer, gen: { today: writer.today, accounts, services } };
}

/**
 * `count` synthetic debt positions, payable at once (VALID), for the EC of the data dir. Deterministic
 * from the seed given the same starting database (notice numbers continue the EC's sequence). Debtors
 * come from a pool of about count / 2.5 people and companies, so lookups by debtor find several.
 */
export function seedPositions(core: Core, options: SeedOptions): SeedResult {
  const { count } = options;
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError('Il numero di posizioni deve essere un intero non negativo.');
  const started = performance.now();
  const { writer, gen } = prepare(core);
  // a million positions make indexes of hundreds of MB, inserted in random order (debtors, dates): a
  // larger page cache for the duration of the run saves re-reading their pages; restored afterwards
  const cacheBefore = core.db.pragma('cache_size', { simple: true }) as number;
  core.db.pragma(`cache_size = ${SEED_CACHE_KIB}`);
  try {
    const { firstId, lastId, optionCount } = insertBatches(core, writer, gen, options, started);
    // a bulk load leaves its pages in the WAL: fold them into the database now, and shrink the WAL
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    const elapsedMs = performance.now() - started;
    return { created: count, options: optionCount, firstId, lastId, elapsedMs, positionsPerSecond: elapsedMs > 0 ? (count / elapsedMs) * 1000 : 0 };
  } finally {
    core.db.pragma(`cache_size = ${cacheBefore}`);
  }
}

function insertBatches(
  core: Core,
  writer: BulkPositionWriter,
  gen: GeneratorContext,
  options: SeedOptions,
  started: number,
): { firstId: number | null; lastId: number | null; optionCount: number } {
  const { count } = options;
  const seed = options.seed ?? DEFAULT_SEED;
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH);
  const rng = SeededRandom.fromSeed(seed);
  const debtorPool = Math.max(1, Math.round(count / POSITIONS_PER_DEBTOR));
  // the pool's seed is part of the run's seed, so two runs with different seeds share no debtors
  const debtorSeed = mix(seed, 0x5eed);
  let created = 0;
  let optionCount = 0;
  let firstId: number | null = null;
  let lastId: number | null = null;
  const report = (): void => options.onProgress?.({ done: created, total: count, elapsedMs: performance.now() - started });
  report();
  while (created < count) {
    const n = Math.min(batchSize, count - created);
    // generate and validate outside the write lock; only the inserts hold it
    const batch: ValidPosition[] = [];
    writer.startBatch();
    for (let i = 0; i < n; i++) {
      const debtor = syntheticDebtor(debtorSeed, rng.int(0, debtorPool - 1));
      batch.push(writer.validate(generatePositionInput(rng, debtor, gen)));
    }
    const at = nowIso(core.clock);
    const ids = core.db.transaction(() => {
      let first = 0;
      let last = 0;
      for (const valid of batch) {
        const { id } = writer.insert(valid, at);
        if (first === 0) first = id;
        last = id;
      }
      core.services.audit.record(simulationActor, 'position.seeded', 'debtPosition', null, {
        summary: `seed: ${batch.length} posizioni`,
        count: batch.length,
        firstId: first,
        lastId: last,
        seed,
      });
      return { first, last };
    })();
    firstId ??= ids.first;
    lastId = ids.last;
    created += n;
    optionCount += batch.reduce((sum, p) => sum + p.options.length, 0);
    report();
  }
  return { firstId, lastId, optionCount };
}

export interface ScenarioSeed {
  scenario: ScenarioName;
  /** the T digit: how many times the fault fires (for latency: seconds) */
  times: number;
}

/**
 * One payable position per requested scenario, each with a notice number that makes the mock Nodo
 * misbehave on purpose (see nodo/SCENARIOS.md). Serials already taken are skipped, so it can run
 * again on the same data. Returns the notice numbers in the order asked.
 */
export function seedScenarioPositions(core: Core, scenarios: readonly ScenarioSeed[], seed = DEFAULT_SEED): string[] {
  const { writer, gen } = prepare(core);
  const rng = SeededRandom.fromSeed(mix(seed, 0x5ce7));
  const repo = core.positions.repositories.positions;
  const at = nowIso(core.clock);
  return core.db.transaction(() => {
    const out: string[] = [];
    for (const s of scenarios) {
      let serial = 1;
      let notice = scenarioNotice(writer.segregationCode, s.scenario, s.times, serial);
      while (repo.findOptionByNoticeNumber(notice)) notice = scenarioNotice(writer.segregationCode, s.scenario, s.times, ++serial);
      const debtor = syntheticDebtor(mix(seed, 0xdeb7), out.length);
      // a single payment: the scenario belongs to one notice
      let input = generatePositionInput(rng, debtor, gen);
      while (input.options.length !== 1) input = generatePositionInput(rng, debtor, gen);
      const { id } = writer.insert(writer.validate(input), at, [notice]);
      core.services.audit.record(simulationActor, 'position.seeded', 'debtPosition', id, {
        summary: `seed: 1 posizione con scenario ${s.scenario}`,
        count: 1,
        noticeNumber: notice,
        scenario: s.scenario,
      });
      out.push(notice);
    }
    return out;
  })();
}
