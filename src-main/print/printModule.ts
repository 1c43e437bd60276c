import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../src-shared/errors';
import type { PositionFilter, PositionRow, PrintedDocumentFileData, PrintedFileData, PrintJobStatusData } from '../../src-shared/ipc/schemas/print';
import type { Db } from '../db/openDatabase';
import type { Clock } from '../platform/clock';
import type { PositionsModule } from '../positions';
import type { DebtPosition } from '../positions/types';
import { EcProfileRepository } from '../repositories/ecProfileRepository';
import { NoticeSettingsRepository } from '../repositories/noticeSettingsRepository';
import type { AuditService } from '../services/auditService';
import { NoticeSettingsService } from '../services/noticeSettingsService';
import { planSubject } from './documents';
import { DocumentStore, type StoredDocumentKind } from './documentStore';
import { PrintJobs, type PrintJobStatus } from './printJobs';
import { PrintService, type PrintedFile } from './printService';

/** The data folder's subfolder for everything printed (batch jobs, single documents): hosts may touch nothing else. */
export const PRINT_FOLDER = 'stampe';

export interface PrintModuleDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  positions: PositionsModule;
  /** where batch jobs write their files (one folder per job) */
  outputDir: string;
  /** pushes a job's progress to the window that started it */
  onProgress(windowId: string, status: PrintJobStatusData): void;
}

export function toFileData(file: PrintedFile): PrintedFileData {
  return { fileName: file.fileName, mediaType: 'application/pdf', dataBase64: Buffer.from(file.bytes).toString('base64') };
}

export function toPositionRow(p: DebtPosition): PositionRow {
  const main = p.options.find((o) => o.kind !== 'instalment') ?? p.options[0];
  return {
    id: p.id,
    iupd: p.iupd,
    status: p.status,
    debtorName: p.debtor.fullName,
    debtorFiscalCode: p.debtor.fiscalCode,
    description: main ? (main.kind === 'single' ? main.description : planSubject(main.description)) : '',
    totalAmount: p.totalAmount,
    minDueDate: p.minDueDate,
    options: p.options.length,
    hasReceipt: p.options.some((o) => o.status !== 'unpaid'),
  };
}

/** Notice settings, single prints and batch jobs, wired over the core's database. */
export class PrintModule {
  readonly settings: NoticeSettingsService;
  readonly service: PrintService;
  readonly jobs = new PrintJobs();
  /** single notices and receipts, kept as files for the host's save / open / print */
  readonly documents: DocumentStore;
  private readonly folders = new Map<string, string>();

  constructor(private readonly deps: PrintModuleDeps) {
    const ecProfile = new EcProfileRepository(deps.db);
    this.settings = new NoticeSettingsService(deps.db, new NoticeSettingsRepository(deps.db), ecProfile, deps.audit, deps.clock);
    this.service = new PrintService({
      positions: deps.positions.positions,
      receipts: deps.positions.repositories.receipts,
      ecProfile,
      noticeSettings: () => this.settings.current(),
      clock: deps.clock,
    });
    this.documents = new DocumentStore(path.join(deps.outputDir, 'documenti'));
  }

  /** A notice or receipt for the window that asked: the bytes to download and the id to deliver it by. */
  async printDocument(windowId: string, kind: StoredDocumentKind, positionId: number, receiptId?: string): Promise<PrintedDocumentFileData> {
    const file = kind === 'notice' ? await this.service.noticePdf(positionId) : await this.service.receiptPdf(positionId, receiptId);
    const stored = this.documents.put(windowId, kind, positionId, file);
    return { ...toFileData(file), documentId: stored.id };
  }

  private toData(s: PrintJobStatus): PrintJobStatusData {
    return {
      jobId: s.jobId,
      state: s.state,
      total: s.total,
      read: s.read,
      notices: s.notices,
      pages: s.pages,
      files: s.outputs.map((o) => ({ name: path.basename(o.path), notices: o.notices, pages: o.pages, bytes: o.bytes })),
      skipped: s.skipped,
      folder: this.folders.get(s.jobId) ?? '',
      message: s.message,
    };
  }

  startBatch(windowId: string, selection: { positionIds?: number[] | undefined; filter?: PositionFilter | undefined }): PrintJobStatusData {
    if (this.jobs.running().length > 0) throw new AppError('PRINT_JOB_RUNNING');
    const stamp = this.deps.clock.now().toISOString().slice(0, 19).replace(/[:T]/g, '-');
    const folder = path.join(this.deps.outputDir, `avvisi-${stamp}`);
    const source = this.service.noticeBuilds(selection.positionIds ? { positionIds: selection.positionIds } : { filter: selection.filter ?? {} });
    let jobId = '';
    const started = this.jobs.start(
      source,
      { outDir: folder, baseName: 'avvisi', total: selection.positionIds?.length ?? null, date: this.deps.clock.now() },
      (s) => {
        if (jobId) this.deps.onProgress(windowId, this.toData(s));
      },
    );
    jobId = started.jobId;
    this.folders.set(jobId, folder);
    return this.toData(started);
  }

  status(jobId: string): PrintJobStatusData {
    const s = this.jobs.get(jobId);
    if (!s) throw new AppError('PRINT_JOB_NOT_FOUND');
    return this.toData(s);
  }

  cancel(jobId: string): PrintJobStatusData {
    if (!this.jobs.get(jobId)) throw new AppError('PRINT_JOB_NOT_FOUND');
    this.jobs.cancel(jobId);
    return this.status(jobId);
  }

  /** One finished file of a job, for the web host's download. */
  batchFile(jobId: string, index: number): PrintedFileData {
    const output = this.batchFilePath(jobId, index);
    if (!output) throw new AppError('PRINT_JOB_NOT_FOUND');
    return toFileData({ fileName: output.fileName, bytes: fs.readFileSync(output.path) });
  }

  /** Where a job wrote one of its files, or null when there is no such job or file. */
  batchFilePath(jobId: string, index: number): { path: string; fileName: string } | null {
    const output = this.jobs.get(jobId)?.outputs[index];
    return output ? { path: output.path, fileName: path.basename(output.path) } : null;
  }

  close(): Promise<void> {
    return this.jobs.close();
  }
}
