import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { workerEntry, type WorkerEntry } from '../platform/workerEntry';
import type { BatchFile, BatchProgress } from './batch';
import type { NoticeBuild, NoticeDocument } from './documents';
import type { FromWorker, ToWorker, WorkerStart } from './workerProtocol';

export type PrintJobState = 'running' | 'done' | 'cancelled' | 'failed';

export interface SkippedPosition {
  positionId: number;
  iupd: string;
  message: string;
}

export interface PrintJobStatus extends BatchProgress {
  jobId: string;
  state: PrintJobState;
  /** how many positions the selection has, when known up front */
  total: number | null;
  /** positions read so far (printed + skipped) */
  read: number;
  skipped: SkippedPosition[];
  outputs: BatchFile[];
  /** the list of skipped positions, written next to the PDFs */
  skippedReport: string | null;
  message: string | null;
}

export interface PrintJobOptions {
  outDir: string;
  baseName: string;
  total?: number | null;
  maxPagesPerFile?: number;
  padToEven?: boolean;
  date?: Date;
  /** notices per message to the worker; 50 when omitted */
  chunkSize?: number;
}

/** The worker's entry: the bundled printWorker.js beside the build, else the TypeScript source through tsx. */
export function printWorkerEntry(): WorkerEntry {
  return workerEntry('printWorker', 'print');
}

function csvCell(s: string): string {
  return /[";\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

interface RunningJob {
  status: PrintJobStatus;
  worker: Worker;
  cancel(): void;
  done: Promise<PrintJobStatus>;
}

/**
 * Batch print jobs, each in its own worker thread: the main thread only reads positions and builds
 * documents, a chunk at a time when the worker asks, so neither thread blocks nor piles up notices.
 */
export class PrintJobs {
  private readonly jobs = new Map<string, RunningJob>();
  private seq = 0;

  constructor(private readonly entry: () => WorkerEntry = printWorkerEntry) {}

  get(jobId: string): PrintJobStatus | null {
    const job = this.jobs.get(jobId);
    return job ? { ...job.status } : null;
  }

  running(): PrintJobStatus[] {
    return [...this.jobs.values()].filter((j) => j.status.state === 'running').map((j) => ({ ...j.status }));
  }

  /** Asks the worker to stop after the notice it is drawing; the files already written stay. */
  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (!job || job.status.state !== 'running') return false;
    job.cancel();
    return true;
  }

  whenDone(jobId: string): Promise<PrintJobStatus> | null {
    return this.jobs.get(jobId)?.done ?? null;
  }

  start(source: AsyncIterable<NoticeBuild> | Iterable<NoticeBuild>, options: PrintJobOptions, onUpdate: (s: PrintJobStatus) => void = () => {}): PrintJobStatus {
    const jobId = `stampa-${Date.now().toString(36)}-${++this.seq}`;
    const status: PrintJobStatus = {
      jobId,
      state: 'running',
      total: options.total ?? null,
      read: 0,
      notices: 0,
      pages: 0,
      files: 0,
      skipped: [],
      outputs: [],
      skippedReport: null,
      message: null,
    };
    const start: WorkerStart = {
      outDir: options.outDir,
      baseName: options.baseName,
      ...(options.maxPagesPerFile ? { maxPagesPerFile: options.maxPagesPerFile } : {}),
      ...(options.padToEven !== undefined ? { padToEven: options.padToEven } : {}),
      ...(options.date ? { dateIso: options.date.toISOString() } : {}),
    };
    const entry = this.entry();
    const worker = new Worker(entry.file, { workerData: start, execArgv: entry.execArgv });
    const iterator = (Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]()) as
      | AsyncIterator<NoticeBuild>
      | Iterator<NoticeBuild>;
    const chunkSize = options.chunkSize ?? 50;
    const post = (m: ToWorker): void => worker.postMessage(m);
    let cancelRequested = false;
    let settled = false;

    const nextChunk = async (): Promise<NoticeDocument[] | null> => {
      const docs: NoticeDocument[] = [];
      while (docs.length < chunkSize && !cancelRequested) {
        const r = await iterator.next();
        if (r.done) break;
        status.read++;
        if (r.value.ok) docs.push(r.value.document);
        else status.skipped.push({ positionId: r.value.positionId, iupd: r.value.iupd, message: r.value.message });
      }
      return docs.length > 0 ? docs : null;
    };

    const done = new Promise<PrintJobStatus>((resolve) => {
      const finish = (state: PrintJobState, message: string | null): void => {
        if (settled) return;
        settled = true;
        status.state = state;
        status.message = message;
        status.skippedReport = this.writeSkipped(options, status.skipped);
        void worker.terminate();
        void (iterator as AsyncIterator<NoticeBuild>).return?.();
        onUpdate({ ...status });
        resolve({ ...status });
      };
      worker.on('message', (m: FromWorker) => {
        if (m.type === 'need') {
          nextChunk().then(
            (docs) => post(docs ? { type: 'docs', docs } : { type: 'end' }),
            (error: unknown) => {
              post({ type: 'cancel' });
              finish('failed', error instanceof Error ? error.message : String(error));
            },
          );
        } else if (m.type === 'progress') {
          Object.assign(status, m.progress);
          onUpdate({ ...status });
        } else if (m.type === 'done') {
          Object.assign(status, { notices: m.result.notices, pages: m.result.pages, files: m.result.files, outputs: m.result.outputs });
          finish(m.result.cancelled || cancelRequested ? 'cancelled' : 'done', null);
        } else if (m.type === 'error') finish('failed', m.message);
      });
      worker.on('error', (error) => finish('failed', error.message));
      worker.on('exit', (code) => finish(cancelRequested ? 'cancelled' : 'failed', code === 0 ? null : `Il processo di stampa è terminato (codice ${code}).`));
    });

    const job: RunningJob = {
      status,
      worker,
      done,
      cancel: () => {
        cancelRequested = true;
        post({ type: 'cancel' });
        // a worker stuck in one notice is stopped after 10 s
        setTimeout(() => void worker.terminate(), 10_000).unref();
      },
    };
    this.jobs.set(jobId, job);
    onUpdate({ ...status });
    return { ...status };
  }

  private writeSkipped(options: PrintJobOptions, skipped: SkippedPosition[]): string | null {
    if (skipped.length === 0) return null;
    const file = path.join(options.outDir, `${options.baseName}-non-stampabili.csv`);
    const lines = ['posizione;iupd;motivo', ...skipped.map((s) => [String(s.positionId), csvCell(s.iupd), csvCell(s.message)].join(';'))];
    fs.mkdirSync(options.outDir, { recursive: true });
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    return file;
  }

  /** Cancels every running job and waits for them (app shutdown). */
  async close(): Promise<void> {
    const running = [...this.jobs.values()].filter((j) => j.status.state === 'running');
    for (const j of running) j.cancel();
    await Promise.all(running.map((j) => j.done));
  }
}
