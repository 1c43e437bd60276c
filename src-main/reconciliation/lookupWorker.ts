/**
 * Worker-thread entry of reconciliation's reads (lineLookupSource.ts), on a connection of its own:
 * the lookups of a flow's next lines and the status snapshots of the positions its last lines may
 * have completed run on the second core while the import writes; after the import committed, its
 * write-ahead log is copied into the database here. Nothing here changes the database's data.
 *
 * While the import runs it holds the write lock: no one else can commit, so every read here sees
 * the database as the import found it. What the import itself wrote so far is invisible here, and
 * only one thing of it matters to a snapshot: the transfers it reported. The import sends them
 * chunk by chunk; they go into a temporary table, and the snapshots read the options through
 * `payment_option_so_far`, which is `payment_option_now` (the schema's own text, migration 0009)
 * over the reported transfers plus those.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { insertMany } from '../db/insertMany';
import { statusSnapshotRows } from '../positions/positionRepository';
import { lookupRows } from './lineLookup';
import type { CheckpointDone, LookupAnswer, LookupRequest, LookupWorkerStart, LookupWorkerState } from './lookupProtocol';

const control = parentPort;
if (!control) throw new Error('lookupWorker deve essere avviato come worker thread.');
const start = workerData as LookupWorkerStart;
const posted = new Int32Array(start.posted);

function answer(a: LookupAnswer): void {
  start.answers.postMessage(a);
  Atomics.add(posted, 0, 1);
  Atomics.notify(posted, 0);
}

/** The options view over the transfers reported so far, made from the schema's own view. */
function createSoFarViews(db: Database.Database): void {
  const view = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_schema WHERE type = 'view' AND name = 'payment_option_now'").get();
  const head = /^CREATE VIEW "?payment_option_now"? AS/;
  const uses = view?.sql.match(/\bFROM reported_transfer\b/g)?.length ?? 0;
  if (!view || !head.test(view.sql) || uses === 0) throw new Error('payment_option_now non ha la forma attesa');
  db.exec(`
    CREATE TEMP TABLE import_reported (receipt_row INTEGER NOT NULL, transfer_index INTEGER NOT NULL, PRIMARY KEY (receipt_row, transfer_index)) WITHOUT ROWID;
    CREATE TEMP VIEW reported_so_far AS
      SELECT receipt_row, transfer_index FROM main.reported_transfer UNION ALL SELECT receipt_row, transfer_index FROM temp.import_reported;
  `);
  db.exec(view.sql.replace(head, 'CREATE TEMP VIEW payment_option_so_far AS').replace(/\bFROM reported_transfer\b/g, 'FROM reported_so_far'));
}

let db: Database.Database;
try {
  db = new Database(start.dbFile, { fileMustExist: true });
  // a checkpoint syncs the database file as every commit does
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -16384');
  db.pragma('mmap_size = 1073741824');
  createSoFarViews(db);
  control.postMessage({ type: 'ready' } satisfies LookupWorkerState);
} catch (error) {
  control.postMessage({ type: 'failed', error: String(error) } satisfies LookupWorkerState);
  process.exit(1);
}

let flow = 0;
let lookups: { id: number; chunks: ReadonlyArray<{ argument: string; count: number }>; next: number } | null = null;
const snapshotQueue: Array<Extract<LookupRequest, { type: 'reported' }>> = [];
let pumping = false;

/** A new flow: the transfers another flow reported here are forgotten. */
function beginFlow(id: number): void {
  if (id === flow) return;
  flow = id;
  db.exec('DELETE FROM temp.import_reported');
}

/**
 * One piece of work per turn, snapshots first (the import waits for them to mark positions), then
 * the next chunk's lookups: a turn of the event loop between pieces lets new requests in.
 */
function pump(): void {
  pumping = false;
  const reported = snapshotQueue.shift();
  if (reported) {
    try {
      beginFlow(reported.id);
      insertMany(db, 'INSERT OR IGNORE', 'temp.import_reported (receipt_row, transfer_index)', '(?, ?)', reported.pairs);
      answer({ id: reported.id, kind: 'snapshots', chunk: reported.chunk, rows: statusSnapshotRows(db, reported.positionIds, 'payment_option_so_far') });
    } catch (error) {
      answer({ id: reported.id, kind: 'snapshots', chunk: reported.chunk, error: String(error) });
    }
  } else if (lookups && lookups.next < lookups.chunks.length) {
    const chunk = lookups.next++;
    const { argument, count } = lookups.chunks[chunk]!;
    try {
      answer({ id: lookups.id, kind: 'lookup', chunk, rows: lookupRows(db, argument, count) });
    } catch (error) {
      answer({ id: lookups.id, kind: 'lookup', chunk, error: String(error) });
      lookups = null;
    }
  } else {
    return;
  }
  schedule();
}

function schedule(): void {
  if (pumping) return;
  pumping = true;
  setImmediate(pump);
}

control.on('message', (request: LookupRequest) => {
  if (request.type === 'checkpoint') {
    const started = performance.now();
    let ms: number | null = null;
    try {
      // PASSIVE: never waits for, nor blocks, the import's thread; what is left the next commit copies
      db.pragma('wal_checkpoint(PASSIVE)');
      ms = performance.now() - started;
    } catch {
      // the next commit on the import's connection checkpoints as usual
    }
    control.postMessage({ type: 'checkpointed', id: request.id, ms } satisfies CheckpointDone);
    return;
  }
  if (request.type === 'lookup') {
    // a flow the import gave up on (it failed midway) is dropped with whatever it still asked for
    snapshotQueue.length = 0;
    beginFlow(request.id);
    lookups = { id: request.id, chunks: request.chunks, next: 0 };
  } else if (request.id === flow) {
    snapshotQueue.push(request);
  }
  schedule();
});
