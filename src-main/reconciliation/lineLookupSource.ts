import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { workerEntry, type WorkerEntry } from '../platform/workerEntry';
import { lookupArgument, toLineLookup, type LineLookup, type LookupLine, type LookupRow } from './lineLookup';
import type { Db } from '../db/openDatabase';
import type { CheckpointDone, LookupAnswer, LookupRequest, LookupWorkerStart, LookupWorkerState } from './lookupProtocol';

/** The lookups of a flow's chunks of lines, asked for in order, each answered in line order. */
export interface LineLookupSource {
  open(chunks: ReadonlyArray<readonly LookupLine[]>): (chunk: number) => LineLookup[];
  /**
   * Runs `commit` (the import's transaction) on `db`; with a worker, the copy of its write-ahead log
   * into the database file (the checkpoint SQLite would run inside the commit) happens afterwards,
   * on the worker's thread, and `lastCheckpoint` tells how long it took.
   */
  committing<T>(db: Db, commit: () => T): T;
  /** resolves once lookups may run on the worker thread (false: they run on the import's thread) */
  whenReady(): Promise<boolean>;
  /** the milliseconds of the last checkpoint handed to the worker, once it is done (null: none, or it failed) */
  lastCheckpoint(): Promise<number | null>;
  close(): Promise<void>;
}

type Inline = (lines: readonly LookupLine[]) => LineLookup[];

/** Every lookup on the import's own connection, inside its transaction. */
export function inlineLookups(inline: Inline): LineLookupSource {
  return {
    open: (chunks) => (chunk) => inline(chunks[chunk]!),
    committing: (_db, commit) => commit(),
    whenReady: () => Promise.resolve(false),
    lastCheckpoint: () => Promise.resolve(null),
    close: () => Promise.resolve(),
  };
}

/** an answer slower than this is not waited for: that chunk and the rest are looked up inline */
const ANSWER_TIMEOUT_MS = 10_000;

export function lookupWorkerEntry(): WorkerEntry {
  return workerEntry('lookupWorker', 'reconciliation');
}

/**
 * The lookups of a flow run on a worker thread with its own read-only connection, a few chunks
 * ahead of the import, which meanwhile matches, stores and marks the chunks already answered: on
 * two cores the reads no longer wait for the writes. They read the same data the import would.
 * The worker reads in one read transaction begun after the import took the write lock, so it sees
 * the database as the import found it; what the import itself writes (its lines, the transfers it
 * reports, the positions it marks) the lookups never read, except a transfer reported twice in one
 * flow, which is the same line twice and is caught as a duplicate before its facts matter.
 * A worker that fails or stalls costs nothing but the speed: its chunks are looked up inline.
 */
export class ThreadedLookups implements LineLookupSource {
  private worker: Worker | null = null;
  private answers: MessagePort | null = null;
  private posted = new Int32Array(new SharedArrayBuffer(4));
  private ready: Promise<boolean> = Promise.resolve(false);
  private isReady = false;
  private closed = false;
  private nextId = 1;
  private checkpoint: Promise<number | null> = Promise.resolve(null);
  private checkpointDone: ((ms: number | null) => void) | null = null;

  constructor(
    private readonly dbFile: string,
    private readonly inline: Inline,
    private readonly entry: () => WorkerEntry = lookupWorkerEntry,
    private readonly answerTimeoutMs = ANSWER_TIMEOUT_MS,
  ) {
    this.start();
  }

  whenReady(): Promise<boolean> {
    return this.ready;
  }

  open(chunks: ReadonlyArray<readonly LookupLine[]>): (chunk: number) => LineLookup[] {
    const worker = this.worker;
    if (!this.isReady || !worker) return (chunk) => this.inline(chunks[chunk]!);
    const request: LookupRequest = { type: 'lookup', id: this.nextId++, chunks: chunks.map((lines) => ({ argument: lookupArgument(lines), count: lines.length })) };
    worker.postMessage(request);
    let failed = false;
    return (chunk) => {
      if (!failed) {
        const rows = this.receive(request.id, chunk);
        if (rows) return rows.map(toLineLookup);
        failed = true;
        this.restart();
      }
      return this.inline(chunks[chunk]!);
    };
  }

  committing<T>(db: Db, commit: () => T): T {
    const worker = this.worker;
    if (!this.isReady || !worker) return commit();
    const threshold = db.pragma('wal_autocheckpoint', { simple: true }) as number;
    db.pragma('wal_autocheckpoint = 0');
    try {
      return commit();
    } finally {
      db.pragma(`wal_autocheckpoint = ${threshold}`);
      this.checkpointDone?.(null);
      this.checkpoint = new Promise((resolve) => (this.checkpointDone = resolve));
      worker.postMessage({ type: 'checkpoint', id: this.nextId++ } satisfies LookupRequest);
    }
  }

  lastCheckpoint(): Promise<number | null> {
    return this.checkpoint;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.stop();
  }

  private start(): void {
    const { port1, port2 } = new MessageChannel();
    port1.unref();
    const entry = this.entry();
    const start: LookupWorkerStart = { dbFile: this.dbFile, answers: port2, posted: this.posted.buffer as SharedArrayBuffer };
    const worker = new Worker(entry.file, { workerData: start, transferList: [port2], execArgv: entry.execArgv });
    worker.unref();
    this.worker = worker;
    this.answers = port1;
    this.isReady = false;
    this.ready = new Promise<boolean>((resolve) => {
      worker.once('message', (state: LookupWorkerState) => {
        this.isReady = state.type === 'ready' && this.worker === worker;
        resolve(this.isReady);
        worker.on('message', (done: CheckpointDone) => {
          this.checkpointDone?.(done.ms);
          this.checkpointDone = null;
        });
      });
      const gone = (): void => {
        this.checkpointDone?.(null);
        this.checkpointDone = null;
        if (this.worker === worker) {
          this.worker = null;
          this.isReady = false;
        }
        resolve(false);
      };
      worker.once('error', gone);
      worker.once('exit', gone);
    });
  }

  private restart(): void {
    void this.stop().then(() => {
      if (!this.closed) this.start();
    });
  }

  private async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.isReady = false;
    this.answers?.close();
    this.answers = null;
    if (worker) await worker.terminate();
  }

  /** The answer for `chunk` of request `id`, waiting for it without leaving the import's thread. */
  private receive(id: number, chunk: number): LookupRow[] | null {
    const port = this.answers;
    if (!port) return null;
    const deadline = Date.now() + this.answerTimeoutMs;
    for (;;) {
      const seen = Atomics.load(this.posted, 0);
      const received = receiveMessageOnPort(port);
      if (received) {
        const answer = received.message as LookupAnswer;
        // an answer to an earlier flow, abandoned after a timeout
        if (answer.id !== id) continue;
        return 'rows' in answer && answer.chunk === chunk ? answer.rows : null;
      }
      const left = deadline - Date.now();
      if (left <= 0) return null;
      Atomics.wait(this.posted, 0, seen, left);
    }
  }
}
