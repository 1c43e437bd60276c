import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { Db } from '../db/openDatabase';
import { workerEntry, type WorkerEntry } from '../platform/workerEntry';
import { toStatusSnapshot, type StatusSnapshot } from '../positions/positionRepository';
import { lookupArgument, toLineLookup, type LineLookup, type LookupLine } from './lineLookup';
import type { CheckpointDone, LookupAnswer, LookupRequest, LookupWorkerStart, LookupWorkerState } from './lookupProtocol';

/** What the import reads while it works through a flow, chunk by chunk, each asked for in order. */
export interface FlowReads {
  /** the lookups of chunk `chunk`'s lines, in line order */
  facts(chunk: number): LineLookup[];
  /** chunk `chunk` is stored: the transfers it reported and the positions it may have completed */
  stored(chunk: number, reported: ReadonlyArray<{ receiptRow: number; transferIndex: number }>, positionIds: readonly number[]): void;
  /** the status snapshots of the positions `stored` named for that chunk, seeing what it reported */
  snapshots(chunk: number): StatusSnapshot[];
}

/** Where the reads of an import run: inline, or on a worker thread (see ThreadedReader). */
export interface FlowReader {
  open(chunks: ReadonlyArray<readonly LookupLine[]>): FlowReads;
  /**
   * Runs `commit` (the import's transaction) on `db`; with a worker, the copy of its write-ahead log
   * into the database file (the checkpoint SQLite would run inside the commit) happens afterwards,
   * on the worker's thread, and `lastCheckpoint` tells how long it took.
   */
  committing<T>(db: Db, commit: () => T): T;
  /** resolves once the reads may run on the worker thread (false: they run on the import's) */
  whenReady(): Promise<boolean>;
  /** the milliseconds of the last checkpoint handed to the worker, once done (null: none, or it failed) */
  lastCheckpoint(): Promise<number | null>;
  close(): Promise<void>;
}

/** The reads on the import's own connection, inside its transaction. */
export interface InlineReads {
  facts(lines: readonly LookupLine[]): LineLookup[];
  snapshots(positionIds: readonly number[]): StatusSnapshot[];
}

function inlineFlowReads(inline: InlineReads, chunks: ReadonlyArray<readonly LookupLine[]>): FlowReads {
  // the positions each chunk named, for its snapshots
  const positions = new Map<number, readonly number[]>();
  return {
    facts: (chunk) => inline.facts(chunks[chunk]!),
    stored: (chunk, _reported, positionIds) => void positions.set(chunk, positionIds),
    snapshots: (chunk) => inline.snapshots(positions.get(chunk) ?? []),
  };
}

export function inlineReader(inline: InlineReads): FlowReader {
  return {
    open: (chunks) => inlineFlowReads(inline, chunks),
    committing: (_db, commit) => commit(),
    whenReady: () => Promise.resolve(false),
    lastCheckpoint: () => Promise.resolve(null),
    close: () => Promise.resolve(),
  };
}

/** an answer slower than this is not waited for: that read and the rest of the flow run inline */
const ANSWER_TIMEOUT_MS = 10_000;

export function lookupWorkerEntry(): WorkerEntry {
  return workerEntry('lookupWorker', 'reconciliation');
}

/**
 * The reads of a flow run on a worker thread with its own connection (lookupWorker.ts), ahead of
 * the import, which meanwhile matches, stores and marks: on two cores the reads no longer wait for
 * the writes. They read what the import would read; the worker's header says why.
 * A worker that fails or stalls costs nothing but the speed: the rest of the flow is read inline.
 */
export class ThreadedReader implements FlowReader {
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
    private readonly inline: InlineReads,
    private readonly entry: () => WorkerEntry = lookupWorkerEntry,
    private readonly answerTimeoutMs = ANSWER_TIMEOUT_MS,
  ) {
    this.start();
  }

  whenReady(): Promise<boolean> {
    return this.ready;
  }

  open(chunks: ReadonlyArray<readonly LookupLine[]>): FlowReads {
    const fallback = inlineFlowReads(this.inline, chunks);
    const worker = this.worker;
    if (!this.isReady || !worker) return fallback;
    const id = this.nextId++;
    worker.postMessage({ type: 'lookup', id, chunks: chunks.map((lines) => ({ argument: lookupArgument(lines), count: lines.length })) } satisfies LookupRequest);
    const early = new Map<string, LookupAnswer>();
    let failed = false;
    const fail = (): void => {
      failed = true;
      this.restart();
    };
    return {
      facts: (chunk) => {
        const answer = failed ? null : this.receive(id, 'lookup', chunk, early);
        if (answer && 'rows' in answer && answer.kind === 'lookup') return answer.rows.map(toLineLookup);
        if (!failed) fail();
        return fallback.facts(chunk);
      },
      stored: (chunk, reported, positionIds) => {
        fallback.stored(chunk, reported, positionIds);
        if (failed || !this.worker) return;
        const pairs = reported.map((r): [number, number] => [r.receiptRow, r.transferIndex]);
        this.worker.postMessage({ type: 'reported', id, chunk, pairs, positionIds: [...positionIds] } satisfies LookupRequest);
      },
      snapshots: (chunk) => {
        const answer = failed ? null : this.receive(id, 'snapshots', chunk, early);
        if (answer && 'rows' in answer && answer.kind === 'snapshots') return answer.rows.map(toStatusSnapshot);
        if (!failed) fail();
        // on this connection, inside the transaction: what this flow reported so far is all there
        return fallback.snapshots(chunk);
      },
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

  /**
   * The answer to `kind` for `chunk` of flow `id`, waited for without leaving the import's thread
   * (null: no answer in time). Answers that come first, for a later read of the flow, wait in `early`.
   */
  private receive(id: number, kind: LookupAnswer['kind'], chunk: number, early: Map<string, LookupAnswer>): LookupAnswer | null {
    const key = `${kind}:${chunk}`;
    const deadline = Date.now() + this.answerTimeoutMs;
    for (;;) {
      const waiting = early.get(key);
      if (waiting) {
        early.delete(key);
        return waiting;
      }
      const port = this.answers;
      if (!port) return null;
      const seen = Atomics.load(this.posted, 0);
      const received = receiveMessageOnPort(port);
      if (received) {
        const answer = received.message as LookupAnswer;
        // answers to an earlier flow, abandoned after a timeout, are dropped
        if (answer.id === id) early.set(`${answer.kind}:${answer.chunk}`, answer);
        continue;
      }
      const left = deadline - Date.now();
      if (left <= 0) return null;
      Atomics.wait(this.posted, 0, seen, left);
    }
  }
}
