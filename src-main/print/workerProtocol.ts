import type { BatchProgress, BatchResult } from './batch';
import type { NoticeDocument } from './documents';

/** Messages between the main thread and printWorker.ts. */
export interface WorkerStart {
  outDir: string;
  baseName: string;
  maxPagesPerFile?: number;
  padToEven?: boolean;
  dateIso?: string;
}

export type ToWorker = { type: 'docs'; docs: NoticeDocument[] } | { type: 'end' } | { type: 'cancel' };

export type FromWorker =
  | { type: 'need' }
  | { type: 'progress'; progress: BatchProgress }
  | { type: 'done'; result: BatchResult }
  | { type: 'error'; message: string };
