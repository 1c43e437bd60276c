import type { FontBytes } from './fonts';
import { loadFontBytes } from './fonts';
import type { NoticeDocument, ReceiptDocument } from './documents';
import { renderNotice, type NoticeRenderOptions } from './noticeLayout';
import { PdfFile } from './pdfWriter';
import { renderReceipt, type ReceiptRenderOptions } from './receiptLayout';

export * from './documents';
export { noticePageCount } from './noticeLayout';

export interface RenderOptions {
  fonts?: FontBytes;
  date?: Date;
}

/** One or more notices in one PDF (fonts and logo embedded once). */
export async function renderNoticesPdf(
  docs: readonly NoticeDocument[],
  options: RenderOptions & NoticeRenderOptions = {},
): Promise<Uint8Array> {
  const first = docs[0];
  const title = docs.length === 1 && first ? `Avviso di pagamento ${first.iupd}` : `Avvisi di pagamento (${docs.length})`;
  const file = await PdfFile.create(options.fonts ?? loadFontBytes(), { title, ...(options.date ? { date: options.date } : {}) });
  for (const doc of docs) await renderNotice(file, doc, options);
  return file.save();
}

export async function renderReceiptPdf(doc: ReceiptDocument, options: RenderOptions & ReceiptRenderOptions = {}): Promise<Uint8Array> {
  const file = await PdfFile.create(options.fonts ?? loadFontBytes(), {
    title: `Ricevuta di pagamento ${doc.receiptId}`,
    ...(options.date ? { date: options.date } : {}),
  });
  renderReceipt(file, doc, options);
  return file.save();
}
