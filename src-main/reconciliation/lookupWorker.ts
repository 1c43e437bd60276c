/**
 * Worker-thread entry of the flow-line lookups (lineLookupSource.ts): a connection of its own, so
 * the lookups of a flow's next lines run on the second core while the import writes, and the
 * import's write-ahead log is copied into the database after it committed. The connection writes
 * no data (query_only): a checkpoint is not a data change.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
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

let db: Database.Database;
try {
  db = new Database(start.dbFile, { fileMustExist: true });
  db.pragma('query_only = ON');
  // a checkpoint syncs the database file as every write here does
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -16384');
  db.pragma('mmap_size = 1073741824');
  control.postMessage({ type: 'ready' } satisfies LookupWorkerState);
} catch (error) {
  control.postMessage({ type: 'failed', error: String(error) } satisfies LookupWorkerState);
  process.exit(1);
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
  let chunk = 0;
  try {
    // one snapshot for the whole flow: the one the import's write transaction started from
    db.exec('BEGIN');
    for (; chunk < request.chunks.length; chunk++) {
      const { argument, count } = request.chunks[chunk]!;
      answer({ id: request.id, chunk, rows: lookupRows(db, argument, count) });
    }
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    answer({ id: request.id, chunk, error: String(error) });
  }
});
