import { AppError } from '../../src-shared/errors';
import { defaultNoticeSettings, type NoticeSettings } from '../../src-shared/ipc/schemas/noticeSettings';
import type { PositionService } from '../positions/positionService';
import type { PositionListInput } from '../positions/types';
import type { ReceiptRepository } from '../positions/receiptRepository';
import type { EcProfileRepository } from '../repositories/ecProfileRepository';
import type { Clock } from '../platform/clock';
import { buildNoticeDocument, buildReceiptDocument, logoImage, type NoticeBuild, type ReceiptDocument } from './documents';
import { renderNoticesPdf, renderReceiptPdf } from './index';

export interface PrintedFile {
  fileName: string;
  bytes: Uint8Array;
}

export interface PrintServiceDeps {
  positions: PositionService;
  receipts: ReceiptRepository;
  ecProfile: EcProfileRepository;
  /** the EC's notice settings (logo, CBILL, Poste authorisation...) */
  noticeSettings: () => NoticeSettings;
  clock: Clock;
}

/** Safe in a file name on every platform. */
function fileSafe(s: string): string {
  return s.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60);
}

/** Builds print documents from the stored data and renders them. */
export class PrintService {
  constructor(private readonly deps: PrintServiceDeps) {}

  private ec() {
    const ec = this.deps.ecProfile.get();
    if (!ec) throw new AppError('SETUP_REQUIRED');
    return ec;
  }

  settings(): NoticeSettings {
    return this.deps.noticeSettings() ?? defaultNoticeSettings;
  }

  noticeDocument(positionId: number): NoticeBuild {
    const settings = this.settings();
    return buildNoticeDocument(this.deps.positions.get(positionId), this.ec(), settings, logoImage(settings));
  }

  async noticePdf(positionId: number): Promise<PrintedFile> {
    const built = this.noticeDocument(positionId);
    if (!built.ok) throw new AppError('PRINT_NOT_PRINTABLE', { message: built.message });
    return {
      fileName: `avviso-${fileSafe(built.document.iupd)}.pdf`,
      bytes: await renderNoticesPdf([built.document], { date: this.deps.clock.now() }),
    };
  }

  /**
   * Notice documents for a selection, read a page at a time (keyset pages of 100) so a batch of any
   * size holds one page of positions in memory. Unprintable positions come through as such.
   */
  async *noticeBuilds(selection: { positionIds?: readonly number[]; filter?: PositionListInput }): AsyncGenerator<NoticeBuild> {
    const ec = this.ec();
    const settings = this.settings();
    const logo = logoImage(settings);
    if (selection.positionIds) {
      for (const id of selection.positionIds) yield buildNoticeDocument(this.deps.positions.get(id), ec, settings, logo);
      return;
    }
    let cursor: string | null = null;
    do {
      const page = this.deps.positions.list({ ...selection.filter, limit: 100, cursor });
      for (const position of page.items) yield buildNoticeDocument(position, ec, settings, logo);
      cursor = page.nextCursor;
    } while (cursor);
  }

  /** Receipts of a position's payments (OK outcome), newest first. */
  receiptDocuments(positionId: number): ReceiptDocument[] {
    const ec = this.ec();
    return this.deps.positions
      .receiptsOf(positionId)
      .filter((r) => r.outcome === 'OK')
      .sort((a, b) => (a.paymentDateTime < b.paymentDateTime ? 1 : -1))
      .map((r) => buildReceiptDocument(r, ec));
  }

  /** The receipt of a paid position; receiptId picks one when the position has several (instalments). */
  async receiptPdf(positionId: number, receiptId?: string): Promise<PrintedFile> {
    const docs = this.receiptDocuments(positionId);
    const doc = receiptId ? docs.find((d) => d.receiptId === receiptId) : docs[0];
    if (!doc) throw new AppError('PRINT_NO_RECEIPT');
    const now = this.deps.clock.now();
    return {
      fileName: `ricevuta-${fileSafe(doc.noticeNumber)}.pdf`,
      bytes: await renderReceiptPdf(doc, { date: now, printedAt: now }),
    };
  }
}
