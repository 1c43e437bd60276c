import { z } from 'zod';
import { POSITION_STATUSES } from '../../domain/positionStatus';
import { id, isoDate } from './common';
import { noticeSettings } from './noticeSettings';

export const noticeSettingsState = z.object({ settings: noticeSettings, version: z.number().int().min(0) });
export const noticeSettingsUpdateInput = noticeSettingsState;
export type NoticeSettingsState = z.infer<typeof noticeSettingsState>;

/** The list's filters, as the positions page sends them (the keyset-paginated list in main). */
export const positionFilter = z.object({
  status: z.enum(POSITION_STATUSES).optional(),
  debtorFiscalCode: z.string().trim().toUpperCase().max(16).optional(),
  dueDateFrom: isoDate.optional(),
  dueDateTo: isoDate.optional(),
});
export type PositionFilter = z.infer<typeof positionFilter>;

export const positionListInput = positionFilter.extend({
  limit: z.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).nullable().optional(),
});

export const positionRow = z.object({
  id,
  iupd: z.string(),
  status: z.enum(POSITION_STATUSES),
  debtorName: z.string(),
  debtorFiscalCode: z.string(),
  description: z.string(),
  totalAmount: z.number().int(),
  minDueDate: z.string(),
  options: z.number().int(),
  /** some option is paid: a receipt can be printed */
  hasReceipt: z.boolean(),
});
export type PositionRow = z.infer<typeof positionRow>;
export const positionListPage = z.object({ items: z.array(positionRow), nextCursor: z.string().nullable() });

/** A document for the renderer to download or show. */
export const printedFile = z.object({
  fileName: z.string(),
  mediaType: z.literal('application/pdf'),
  dataBase64: z.string(),
});
export type PrintedFileData = z.infer<typeof printedFile>;

/** A single notice or receipt: the file, and the id the delivery channels (save, open, print) take. */
export const printedDocumentFile = printedFile.extend({ documentId: z.string() });
export type PrintedDocumentFileData = z.infer<typeof printedDocumentFile>;

export const printNoticeInput = z.object({ positionId: id });
export const printReceiptInput = z.object({ positionId: id, receiptId: z.string().max(35).optional() });

export const batchStartInput = z
  .object({
    positionIds: z.array(id).min(1).max(100_000).optional(),
    filter: positionFilter.optional(),
  })
  .refine((v) => (v.positionIds === undefined) !== (v.filter === undefined), { error: 'Indicare le posizioni scelte oppure un filtro.' });

export const jobIdInput = z.object({ jobId: z.string().min(1).max(64) });

export const skippedPosition = z.object({ positionId: z.number().int(), iupd: z.string(), message: z.string() });
export const batchFile = z.object({ name: z.string(), notices: z.number().int(), pages: z.number().int(), bytes: z.number().int() });

export const printJobState = z.enum(['running', 'done', 'cancelled', 'failed']);
export const printJobStatus = z.object({
  jobId: z.string(),
  state: printJobState,
  total: z.number().int().nullable(),
  read: z.number().int(),
  notices: z.number().int(),
  pages: z.number().int(),
  files: z.array(batchFile),
  skipped: z.array(skippedPosition),
  /** where the files are (Electron: the chosen folder) */
  folder: z.string(),
  message: z.string().nullable(),
});
export type PrintJobStatusData = z.infer<typeof printJobStatus>;

export const batchFileInput = z.object({ jobId: z.string().min(1).max(64), index: z.number().int().min(0) });
