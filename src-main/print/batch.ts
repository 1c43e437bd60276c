import fs from 'node:fs';
import path from 'node:path';
import type { NoticeDocument } from './documents';
import { loadFontBytes, type FontBytes } from './fonts';
import { noticePageCount, renderNotice } from './noticeLayout';
import { PdfFile } from './pdfWriter';

/**
 * Batch printing as a plain function: notices from an (async) iterable into PDF files of at most
 * `maxPagesPerFile` pages, each written and dropped before the next starts, so memory stays flat
 * however long the batch. The worker thread (printWorker.ts) wraps it; tests call it directly too.
 */

export interface BatchOptions {
  outDir: string;
  /** files are named <baseName>-001.pdf, -002.pdf, ... */
  baseName: string;
  /** bounds each file (and the memory a file takes while it is built); 500 when omitted */
  maxPagesPerFile?: number;
  /** blank page after a notice with an odd page count, so duplex printing keeps debtors apart; true when omitted */
  padToEven?: boolean;
  date?: Date;
  fonts?: FontBytes;
}

export interface BatchFile {
  path: string;
  notices: number;
  pages: number;
  bytes: number;
}

export interface BatchProgress {
  notices: number;
  pages: number;
  files: number;
}

export interface BatchResult extends BatchProgress {
  cancelled: boolean;
  outputs: BatchFile[];
}

export interface BatchHooks {
  onProgress?: (progress: BatchProgress) => void;
  /** checked between notices */
  isCancelled?: () => boolean;
  /** progress is reported at most this often (ms); 200 when omitted */
  progressIntervalMs?: number;
}

export const DEFAULT_MAX_PAGES_PER_FILE = 500;

export async function renderBatch(
  source: Iterable<NoticeDocument> | AsyncIterable<NoticeDocument>,
  options: BatchOptions,
  hooks: BatchHooks = {},
): Promise<BatchResult> {
  const fonts = options.fonts ?? loadFontBytes();
  const maxPages = Math.max(2, options.maxPagesPerFile ?? DEFAULT_MAX_PAGES_PER_FILE);
  const padToEven = options.padToEven ?? true;
  const interval = hooks.progressIntervalMs ?? 200;
  fs.mkdirSync(options.outDir, { recursive: true });

  const outputs: BatchFile[] = [];
  let file: PdfFile | null = null;
  let fileNotices = 0;
  let notices = 0;
  let pages = 0;
  let cancelled = false;
  let lastReport = 0;
  const progress = (): BatchProgress => ({ notices, pages, files: outputs.length });

  const flush = async (): Promise<void> => {
    if (!file || file.pageCount === 0) return;
    const bytes = await file.save();
    const name = `${options.baseName}-${String(outputs.length + 1).padStart(3, '0')}.pdf`;
    const target = path.join(options.outDir, name);
    // written under a temporary name first: a file with its final name is always complete
    fs.writeFileSync(`${target}.part`, bytes);
    fs.renameSync(`${target}.part`, target);
    outputs.push({ path: target, notices: fileNotices, pages: file.pageCount, bytes: bytes.length });
    file = null;
    fileNotices = 0;
  };

  for await (const doc of source) {
    if (hooks.isCancelled?.()) {
      cancelled = true;
      break;
    }
    // a notice never straddles two files
    if (file && file.pageCount > 0 && file.pageCount + estimatePages(doc, padToEven) > maxPages) await flush();
    file ??= await PdfFile.create(fonts, {
      title: `Avvisi di pagamento - ${options.baseName} (${outputs.length + 1})`,
      ...(options.date ? { date: options.date } : {}),
    });
    pages += await renderNotice(file, doc, { padToEven });
    fileNotices++;
    notices++;
    const now = Date.now();
    if (hooks.onProgress && now - lastReport >= interval) {
      lastReport = now;
      hooks.onProgress(progress());
    }
  }
  if (!cancelled) await flush();
  hooks.onProgress?.(progress());
  return { ...progress(), cancelled, outputs };
}

function estimatePages(doc: NoticeDocument, padToEven: boolean): number {
  const n = noticePageCount(doc);
  return padToEven && n % 2 === 1 ? n + 1 : n;
}
