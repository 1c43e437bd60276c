/**
 * The pagoPA payment notice (avviso di pagamento, guideline 3.4) on A4: header, EC, debtor, amount
 * and due date, where to pay, then the payment data (QR code, notice code, CBILL; postal bollettino
 * with its Data Matrix right after). Instalment plans carry one payment block per instalment, the
 * rata unica first when it is offered. All measures in millimetres from the top-left corner; what
 * follows the official specification and what does not is in NOTICE_SPEC.md.
 */
import { formatEuro } from '../../src-shared/domain/amount';
import { formatItalianDate } from '../../src-shared/domain/date';
import { formatNoticeNumber } from '../../src-shared/domain/noticeNumber';
import { dataMatrix, QR_MODULES, qrMatrix } from './barcodes';
import type { NoticeDocument, NoticePayment } from './documents';
import { Draw, type TraceBox } from './draw';
import { instalmentsInfo, NOTICE_TEXT as T, onlineChannelsText, physicalChannelsText } from './noticeTexts';
import { A4, rgb, type PdfFile } from './pdfWriter';

// guideline colours: black for every text, light grey for section backgrounds; labels and the
// Poste authorisation at 70% black (the authorisation must not be full black)
const INK = rgb('#000000');
const GREY = rgb('#4D4D4D');
const RULE = rgb('#B3B3B3');
const SECTION_BG = rgb('#ECECEC');

/** guideline margins: 10 mm on every side */
export const MARGIN_MM = 10;
const LEFT = MARGIN_MM;
const RIGHT = A4.width - MARGIN_MM;
const BOTTOM = A4.height - MARGIN_MM;
const WIDTH = RIGHT - LEFT;
const COL_W = 92;
const COL2 = RIGHT - COL_W;

/** QR code and Data Matrix printed 25 x 25 mm (guideline). */
export const QR_SIZE_MM = 25;
export const DATAMATRIX_SIZE_MM = 25;
/** the EC logo's area, top-right of the header (guideline: 30 x 30 mm) */
export const LOGO_AREA_MM = 30;
const BLOCK_H = 58;
const CONTINUATION_TOP = 30;
const FOOTER_BASELINE = BOTTOM - 1.5;

export interface NoticeRenderOptions {
  /** records every fitted text box (for tests) */
  trace?: TraceBox[];
  /** adds a blank page when the notice has an odd number of pages, so duplex batches never mix debtors */
  padToEven?: boolean;
}

interface PlacedImage {
  name: string;
  width: number;
  height: number;
}

function hasPostal(doc: NoticeDocument): boolean {
  return (doc.main?.postal ?? doc.instalments[0]?.postal ?? null) !== null;
}

/** Instalments per continuation page: 2 with the postal bollettino (each needs two blocks), else 3. */
export function instalmentsPerPage(doc: NoticeDocument): number {
  return hasPostal(doc) ? 2 : 3;
}

export function noticePageCount(doc: NoticeDocument): number {
  if (doc.layout === 'single') return 1;
  return 1 + Math.ceil(doc.instalments.length / instalmentsPerPage(doc));
}

function dueLabel(p: NoticePayment, instalmentCount: number): string {
  const due = `${T.due} ${formatItalianDate(p.dueDate)}`;
  if (p.kind === 'rataUnica') return `${T.rataUnica} ${due}`;
  if (p.kind === 'instalment') return `RATA ${p.instalmentNumber ?? ''} di ${instalmentCount} ${due}`;
  return due;
}

function label(d: Draw, text: string, x: number, baseline: number): void {
  d.text(text, x, baseline, 'regular', 7, GREY);
}

/** The logo fitted into an area, against its top-right corner (guideline: a wide logo leans on it). */
function drawLogo(d: Draw, logo: PlacedImage, right: number, top: number, areaW: number, areaH: number): void {
  const scale = Math.min(areaW / logo.width, areaH / logo.height);
  d.page.image(logo.name, right - logo.width * scale, top, logo.width * scale, logo.height * scale);
}

/** Header of the first page; returns where the next module starts. */
function drawHeader(d: Draw, doc: NoticeDocument, logo: PlacedImage | null): number {
  d.text(T.title, LEFT, 14, 'semibold', 9, INK);
  const subjectW = logo ? WIDTH - LOGO_AREA_MM - 5 : WIDTH;
  d.box(doc.subject, LEFT, 16, subjectW, 18, { weight: 'bold', size: 16, minSize: 10, color: INK, lineHeight: 1.15 }, 'subject');
  if (logo) drawLogo(d, logo, RIGHT, MARGIN_MM, LOGO_AREA_MM, LOGO_AREA_MM);
  const bottom = logo ? MARGIN_MM + LOGO_AREA_MM + 2 : 36;
  d.page.line(LEFT, bottom, RIGHT, bottom, RULE, 0.75);
  return bottom;
}

/** EC and debtor side by side, 42 mm from the rule above; returns the rule below. */
function drawParties(d: Draw, doc: NoticeDocument, top: number): number {
  const limit = top + 41;
  const party = (x: number, title: string, fiscalCode: string, name: string, nameTrace: string): number => {
    d.text(title, x, top + 7, 'bold', 8, INK);
    label(d, T.fiscalCode, x, top + 12);
    d.text(fiscalCode, x + 15, top + 12, 'semibold', 9, INK);
    // the boxes stack: each starts below what the one above used, within the module
    return top + 14 + d.box(name, x, top + 14, COL_W, 9, { weight: 'bold', size: 11, minSize: 8, maxLines: 2, color: INK }, nameTrace) + 0.8;
  };
  let y = party(LEFT, T.ec, doc.ec.fiscalCode, doc.ec.name, 'ecName');
  if (doc.ec.sector) y += d.box(doc.ec.sector, LEFT, y, COL_W, 4.5, { size: 9, minSize: 7, maxLines: 1, color: INK }, 'ecSector') + 0.8;
  if (doc.ec.info) d.box(doc.ec.info, LEFT, y, COL_W, limit - y, { size: 8, minSize: 6, color: GREY }, 'ecInfo');
  y = party(COL2, T.debtor, doc.debtor.fiscalCode, doc.debtor.fullName, 'debtorName');
  if (doc.debtor.addressLines.length > 0) {
    d.box(doc.debtor.addressLines.join(' - '), COL2, y, COL_W, limit - y, { size: 9, minSize: 7, color: INK }, 'debtorAddress');
  }
  d.page.line(LEFT, top + 42, RIGHT, top + 42, RULE, 0.75);
  return top + 42;
}

/** Amount, due date and the instalment text of "Quanto e quando pagare?". */
export function planText(doc: NoticeDocument): { amount: number; due: string; text: string } {
  const first = doc.instalments[0];
  const n = doc.instalments.length;
  if (doc.layout === 'single' && doc.main) {
    return { amount: doc.main.amountCents, due: `${T.due} ${formatItalianDate(doc.main.dueDate)}`, text: '' };
  }
  const firstDue = first ? formatItalianDate(first.dueDate) : '';
  const info = instalmentsInfo(n, doc.main !== null) ?? '';
  if (doc.main) {
    // our sentence after the guideline's: where the instalments are
    return { amount: doc.main.amountCents, due: `${T.due} ${formatItalianDate(doc.main.dueDate)}`, text: `${info} Trovi le rate nelle pagine seguenti.`.trim() };
  }
  const paid = doc.instalmentCount - n;
  const already = paid === 0 ? '' : paid === 1 ? ' Una rata risulta già pagata.' : ` ${paid} rate risultano già pagate.`;
  const detail = doc.layout === 'longPlan' ? ` ${T.manyInstalments}` : ' Trovi le rate nelle pagine seguenti.';
  return {
    amount: doc.instalments.reduce((s, p) => s + p.amountCents, 0),
    due: `prima rata ${T.due} ${firstDue}`,
    text: `${info}${detail}${already}`.trim(),
  };
}

/** "Quanto e quando pagare?" and "Dove pagare?", 58 mm from the rule above; returns the rule below. */
function drawAmountAndWhere(d: Draw, doc: NoticeDocument, top: number): number {
  const plan = planText(doc);
  d.text(T.amountTitle, LEFT, top + 8, 'bold', 10, INK);
  d.box(`${formatEuro(plan.amount).replace(' €', '')} ${T.euro}`, LEFT, top + 11, COL_W, 9, { weight: 'bold', size: 20, minSize: 12, maxLines: 1, color: INK }, 'amount');
  d.box(plan.due, LEFT, top + 21, COL_W, 5, { weight: 'semibold', size: 11, minSize: 8, maxLines: 1, color: INK }, 'dueDate');
  if (plan.text) d.box(plan.text, LEFT, top + 27, COL_W, 9, { size: 9, minSize: 7, color: INK }, 'planText');
  // with no instalment text the note moves up under the due date
  const noteTop = plan.text ? top + 37 : top + 28;
  d.box(T.legal, LEFT, noteTop, COL_W, top + 56 - noteTop, { size: 7, minSize: 6, color: GREY }, 'amountNote');

  d.text(T.whereTitle, COL2, top + 8, 'bold', 10, INK);
  d.text(T.whereLink, COL2 + d.widthOf(`${T.whereTitle} `, 'bold', 10), top + 8, 'regular', 8, INK);
  d.text(T.onlineTitle, COL2, top + 16.5, 'bold', 8.5, INK);
  d.box(onlineChannelsText(doc.channels.online, doc.ec.name), COL2, top + 18, COL_W, 13, { size: 8, minSize: 6.5, color: INK }, 'whereOnline');
  d.text(T.physicalTitle, COL2, top + 33.5, 'bold', 8.5, INK);
  d.box(physicalChannelsText(doc.channels.physical), COL2, top + 35, COL_W, 13, { size: 8, minSize: 6.5, color: INK }, 'wherePhysical');
  d.page.line(LEFT, top + 58, RIGHT, top + 58, RULE, 0.75);
  return top + 58;
}

function drawAmountField(d: Draw, p: NoticePayment, x: number, top: number, name: string): void {
  label(d, T.euro, x, top + 2);
  d.box(formatEuro(p.amountCents).replace(' €', ''), x, top + 3, 54, 7, { weight: 'bold', size: 16, minSize: 10, maxLines: 1, color: INK }, name);
}

function drawBankBlock(d: Draw, doc: NoticeDocument, p: NoticePayment, top: number, n: number): void {
  d.page.fillRect(LEFT, top, WIDTH, 7, SECTION_BG);
  d.text(T.paymentTitle, LEFT + 3, top + 4.9, 'bold', 10, INK);
  d.textRight(dueLabel(p, doc.instalmentCount), RIGHT - 3, top + 4.9, 'bold', 9, INK);
  d.page.modules(qrMatrix(p.qrPayload), LEFT + 3, top + 11, QR_SIZE_MM / QR_MODULES);

  const mx = 43;
  const mw = 95;
  d.box(T.qrHint, mx, top + 10, mw, 8, { size: 8, minSize: 6.5, color: INK });
  label(d, T.recipient, mx, top + 21);
  d.box(doc.debtor.fullName, mx, top + 22, mw, 4.5, { weight: 'semibold', size: 9, minSize: 6.5, maxLines: 1, color: INK }, `bank${n}.debtor`);
  label(d, T.payee, mx, top + 30);
  d.box(doc.ec.name, mx, top + 31, mw, 4.5, { weight: 'semibold', size: 9, minSize: 6.5, maxLines: 1, color: INK }, `bank${n}.ec`);
  label(d, T.subject, mx, top + 39);
  d.box(p.description, mx, top + 40, mw, 12, { size: 8.5, minSize: 6.5, color: INK }, `bank${n}.description`);

  const rx = 143;
  const rw = RIGHT - rx;
  label(d, T.cbill, rx, top + 12);
  d.box(doc.ec.cbill || '-', rx, top + 13, rw, 5, { weight: 'semibold', size: 10, maxLines: 1, color: INK }, `bank${n}.cbill`);
  label(d, T.noticeCode, rx, top + 21);
  d.box(formatNoticeNumber(p.noticeNumber), rx, top + 22, rw, 5, { weight: 'semibold', size: 10.5, minSize: 8, maxLines: 1, color: INK }, `bank${n}.notice`);
  label(d, T.ecFiscalCode, rx, top + 30);
  d.box(doc.ec.fiscalCode, rx, top + 31, rw, 5, { weight: 'semibold', size: 10, maxLines: 1, color: INK }, `bank${n}.ecFiscalCode`);
  drawAmountField(d, p, rx, top + 39, `bank${n}.amount`);
  d.page.line(LEFT, top + BLOCK_H - 0.5, RIGHT, top + BLOCK_H - 0.5, RULE, 0.5, [3, 2]);
}

function drawPostalBlock(d: Draw, doc: NoticeDocument, p: NoticePayment, top: number, n: number): void {
  const postal = p.postal;
  if (!postal) return;
  d.page.fillRect(LEFT, top, WIDTH, 7, SECTION_BG);
  d.text(T.postalTitle, LEFT + 3, top + 4.9, 'bold', 10, INK);
  const due = dueLabel(p, doc.instalmentCount);
  d.textRight(due, RIGHT - 3, top + 4.9, 'bold', 9, INK);
  d.textRight('Poste Italiane', RIGHT - 6 - d.widthOf(due, 'bold', 9), top + 4.9, 'bold', 9, INK);
  const dm = dataMatrix(postal.dataMatrixPayload);
  d.page.modules(dm, LEFT + 3, top + 11, DATAMATRIX_SIZE_MM / dm.cols);

  const mx = 43;
  const mw = 95;
  label(d, 'sul C/C n.', mx, top + 12);
  d.box(postal.account, mx, top + 13, mw, 6, { weight: 'bold', size: 12, maxLines: 1, color: INK }, `postal${n}.account`);
  label(d, 'Intestato a', mx, top + 23);
  d.box(doc.ec.name, mx, top + 24, mw, 4.5, { weight: 'semibold', size: 9, minSize: 6.5, maxLines: 1, color: INK }, `postal${n}.ec`);
  label(d, T.recipient, mx, top + 31);
  d.box(doc.debtor.fullName, mx, top + 32, mw, 4.5, { weight: 'semibold', size: 9, minSize: 6.5, maxLines: 1, color: INK }, `postal${n}.debtor`);
  label(d, T.subject, mx, top + 39);
  d.box(p.description, mx, top + 40, mw, 8, { size: 8, minSize: 6, color: INK }, `postal${n}.description`);
  d.box(
    `Bollettino postale pagabile in tutti gli Uffici Postali e sui canali fisici o digitali abilitati di Poste Italiane e dell’Ente Creditore. ${postal.authorisation}`,
    LEFT + 3, top + 49.5, 125, 7, { size: 6.5, minSize: 5.5, color: GREY }, `postal${n}.authorisation`,
  );

  const rx = 143;
  const rw = RIGHT - rx;
  label(d, T.noticeCode, rx, top + 12);
  d.box(formatNoticeNumber(p.noticeNumber), rx, top + 13, rw, 5, { weight: 'semibold', size: 10.5, minSize: 8, maxLines: 1, color: INK }, `postal${n}.notice`);
  label(d, 'Tipo', rx, top + 21);
  d.text('P1', rx, top + 25.5, 'semibold', 10, INK);
  label(d, 'Tipo documento', rx + 20, top + 21);
  d.text('896', rx + 20, top + 25.5, 'semibold', 10, INK);
  label(d, T.ecFiscalCode, rx, top + 30);
  d.box(doc.ec.fiscalCode, rx, top + 31, rw, 5, { weight: 'semibold', size: 10, maxLines: 1, color: INK }, `postal${n}.ecFiscalCode`);
  drawAmountField(d, p, rx, top + 39, `postal${n}.amount`);
  d.page.line(LEFT, top + BLOCK_H - 0.5, RIGHT, top + BLOCK_H - 0.5, RULE, 0.5, [3, 2]);
}

/** Payment blocks of one payment: bank block, then the postal one when printed. Returns the height used. */
function drawPayment(d: Draw, doc: NoticeDocument, p: NoticePayment, top: number, n: number): number {
  drawBankBlock(d, doc, p, top, n);
  if (!p.postal) return BLOCK_H;
  drawPostalBlock(d, doc, p, top + BLOCK_H + 2, n);
  return 2 * BLOCK_H + 2;
}

/** The list of instalments on the first page, when there is no rata unica block to print there. */
function drawPlanTable(d: Draw, doc: NoticeDocument, top: number, bottom: number): void {
  d.text('PIANO DI RATEIZZAZIONE', LEFT, top + 4, 'bold', 10, INK);
  const cols = [LEFT + 2, LEFT + 25, LEFT + 60, RIGHT - 2];
  let y = top + 8;
  d.page.fillRect(LEFT, y, WIDTH, 6, SECTION_BG);
  d.text('Rata', cols[0]!, y + 4.2, 'semibold', 8, INK);
  d.text('Scadenza', cols[1]!, y + 4.2, 'semibold', 8, INK);
  d.text(T.noticeCode, cols[2]!, y + 4.2, 'semibold', 8, INK);
  d.textRight('Importo', cols[3]!, y + 4.2, 'semibold', 8, INK);
  y += 6;
  const rows = doc.instalments.length;
  const rowH = Math.min(6, (bottom - y) / Math.max(1, rows));
  const size = Math.min(9, rowH * 2.83 * 0.7);
  for (const p of doc.instalments) {
    const base = y + rowH * 0.7;
    d.text(`${p.instalmentNumber ?? ''} di ${doc.instalmentCount}`, cols[0]!, base, 'regular', size, INK);
    d.text(formatItalianDate(p.dueDate), cols[1]!, base, 'regular', size, INK);
    d.text(formatNoticeNumber(p.noticeNumber), cols[2]!, base, 'regular', size, INK);
    d.textRight(formatEuro(p.amountCents), cols[3]!, base, 'semibold', size, INK);
    y += rowH;
    d.page.line(LEFT, y, RIGHT, y, RULE, 0.3);
  }
}

/** The header again on every further page (guideline), compact: title, subject, logo, the two parties. */
function drawContinuationHeader(d: Draw, doc: NoticeDocument, logo: PlacedImage | null): void {
  const logoH = 12;
  d.text(T.title, LEFT, 14, 'semibold', 8, INK);
  d.box(doc.subject, LEFT + 34, 10.8, 120, 5, { weight: 'bold', size: 10, minSize: 7, maxLines: 1, color: INK });
  if (logo) drawLogo(d, logo, RIGHT, MARGIN_MM, LOGO_AREA_MM, logoH);
  label(d, T.recipient, LEFT, 20);
  d.box(`${doc.debtor.fullName} - ${doc.debtor.fiscalCode}`, LEFT + 15, 17.2, 80, 4, { weight: 'semibold', size: 8, minSize: 6, maxLines: 1, color: INK });
  label(d, T.payee, COL2, 20);
  const ecRight = logo ? RIGHT - LOGO_AREA_MM - 2 : RIGHT;
  d.box(doc.ec.name, COL2 + 18, 17.2, ecRight - COL2 - 18, 4, { weight: 'semibold', size: 8, minSize: 6, maxLines: 1, color: INK });
  d.page.line(LEFT, 24, RIGHT, 24, RULE, 0.75);
}

function drawFooter(d: Draw, doc: NoticeDocument, pageNo: number, pages: number): void {
  d.text(`Posizione ${doc.iupd}`, LEFT, FOOTER_BASELINE, 'regular', 6.5, GREY);
  d.textRight(`Pagina ${pageNo} di ${pages}`, RIGHT, FOOTER_BASELINE, 'regular', 6.5, GREY);
}

/** Draws one notice into the file (one or more pages). Returns the number of pages added. */
export async function renderNotice(file: PdfFile, doc: NoticeDocument, options: NoticeRenderOptions = {}): Promise<number> {
  const trace = options.trace ?? null;
  const logo = doc.ec.logo ? await file.image(doc.ec.logo.key, doc.ec.logo.bytes) : null;
  const pages = noticePageCount(doc);
  const first = new Draw(file.newPage(), file.fonts, 1, trace);
  const partiesTop = drawHeader(first, doc, logo);
  const amountTop = drawParties(first, doc, partiesTop);
  const portionTop = drawAmountAndWhere(first, doc, amountTop);
  first.box(doc.layout === 'single' ? T.usePortion : T.usePortionPlan, LEFT, portionTop + 3, WIDTH, 4.5, { weight: 'semibold', size: 8.5, maxLines: 1, color: INK }, 'usePortion');
  const paymentsTop = portionTop + 10;
  if (doc.main) drawPayment(first, doc, doc.main, paymentsTop, 0);
  else drawPlanTable(first, doc, paymentsTop, BOTTOM - 5);
  drawFooter(first, doc, 1, pages);
  file.addPage(first.page);

  const perPage = instalmentsPerPage(doc);
  const step = perPage === 2 ? 2 * BLOCK_H + 10 : BLOCK_H + 26;
  for (let i = 0, pageNo = 2; i < doc.instalments.length; i += perPage, pageNo++) {
    const d = new Draw(file.newPage(), file.fonts, pageNo, trace);
    drawContinuationHeader(d, doc, logo);
    doc.instalments.slice(i, i + perPage).forEach((p, k) => {
      drawPayment(d, doc, p, CONTINUATION_TOP + k * step, i + k + 1);
    });
    drawFooter(d, doc, pageNo, pages);
    file.addPage(d.page);
  }
  let added = pages;
  if (options.padToEven && pages % 2 === 1) {
    file.addPage(file.newPage());
    added++;
  }
  return added;
}
