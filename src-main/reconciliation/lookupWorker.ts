/**
 * Worker-thread entry of the flow-line lookups (lineFactsReader.ts): a read-only connection of its
 * own, so the lookups of a flow's next lines run on the second core while the import writes.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { lookupRows } from './lineLookup';
import type { LookupAnswer, LookupRequest, LookupWorkerStart, LookupWorkerState } from './lookupProtocol';

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
  db = new Database(start.dbFile, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -16384');
  db.pragma('mmap_size = 1073741824');
  control.postMessage({ type: 'ready' } satisfies LookupWorkerState);
} catch (error) {
  control.postMessage({ type: 'failed', error: String(error) } satisfies LookupWorkerState);
  process.exit(1);
}

control.on('message', (request: LookupRequest) => {
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
