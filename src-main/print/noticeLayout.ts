/**
 * The pagoPA payment notice (avviso di pagamento, guideline 3.4) on A4: header, EC, debtor, amount
 * and due date, where to pay, then the payment data (bank and other channels: QR code, notice code,
 * CBILL; postal bollettino: Data Matrix). Instalment plans carry one payment block per instalment,
 * the rata unica first when it is offered. All measures in millimetres from the top-left corner.
 */
import { formatEuro } from '../../src-shared/domain/amount';
import { formatItalianDate } from '../../src-shared/domain/date';
import { formatNoticeNumber } from '../../src-shared/domain/noticeNumber';
import { dataMatrix, QR_MODULES, qrMatrix } from './barcodes';
import type { NoticeDocument, NoticePayment } from './documents';
import { Draw, type TraceBox } from './draw';
import { A4, rgb, type PdfFile } from './pdfWriter';

const INK = rgb('#17324D');
const GREY = rgb('#5C6F82');
const ACCENT = rgb('#0066CC');
const RULE = rgb('#C5CED8');
const BANK_BAR = rgb('#E8F0FA');
const POSTAL_BAR = rgb('#FFF4CC');

const LEFT = 10;
const RIGHT = A4.width - 10;
const WIDTH = RIGHT - LEFT;
const COL_W = 92;
const COL2 = RIGHT - COL_W;

/** QR code printed 25 x 25 mm (guideline). */
export const QR_SIZE_MM = 25;
export const DATAMATRIX_SIZE_MM = 22;
const BLOCK_H = 58;
const FIRST_PAGE_PAYMENTS_TOP = 146;
const CONTINUATION_TOP = 30;

export const AMOUNT_NOTE =
  'L’importo è aggiornato automaticamente dal sistema e potrebbe subire variazioni per eventuali sgravi, note di credito, indennità di mora, sanzioni o interessi, ecc. Un operatore, il sito o l’app che userai ti potrebbero quindi chiedere una cifra diversa da quella qui indicata.';

export interface NoticeRenderOptions {
  /** records every fitted text box (for tests) */
  trace?: TraceBox[];
  /** adds a blank page when the notice has an odd number of pages, so duplex batches never mix debtors */
  padToEven?: boolean;
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
  const due = `entro il ${formatItalianDate(p.dueDate)}`;
  if (p.kind === 'rataUnica') return `RATA UNICA ${due}`;
  if (p.kind === 'instalment') return `RATA ${p.instalmentNumber ?? ''} di ${instalmentCount} ${due}`;
  return due;
}

function label(d: Draw, text: string, x: number, baseline: number): void {
  d.text(text, x, baseline, 'regular', 7, GREY);
}

function drawHeader(d: Draw, doc: NoticeDocument, logo: { name: string; width: number; height: number } | null): void {
  d.text('AVVISO DI PAGAMENTO', LEFT, 14, 'semibold', 9, ACCENT);
  const subjectW = logo ? 140 : WIDTH;
  d.box(doc.subject, LEFT, 16, subjectW, 18, { weight: 'bold', size: 16, minSize: 10, color: INK, lineHeight: 1.15 }, 'subject');
  if (logo) {
    const boxW = 40;
    const boxH = 22;
    const scale = Math.min(boxW / logo.width, boxH / logo.height);
    const w = logo.width * scale;
    const h = logo.height * scale;
    d.page.image(logo.name, RIGHT - w, 10 + (boxH - h) / 2, w, h);
  }
  d.page.line(LEFT, 36, RIGHT, 36, RULE, 0.75);
}

function drawParties(d: Draw, doc: NoticeDocument): void {
  // EC
  d.text('ENTE CREDITORE', LEFT, 43, 'semibold', 8, ACCENT);
  label(d, 'Cod. Fiscale', LEFT, 48);
  d.text(doc.ec.fiscalCode, LEFT + 15, 48, 'semibold', 9, INK);
  // the boxes stack: each starts below what the one above used, within the module's 27 mm
  let y = 50 + d.box(doc.ec.name, LEFT, 50, COL_W, 9, { weight: 'bold', size: 11, minSize: 8, maxLines: 2, color: INK }, 'ecName') + 0.8;
  if (doc.ec.sector) y += d.box(doc.ec.sector, LEFT, y, COL_W, 4.5, { size: 9, minSize: 7, maxLines: 1, color: INK }, 'ecSector') + 0.8;
  if (doc.ec.info) d.box(doc.ec.info, LEFT, y, COL_W, 77 - y, { size: 8, minSize: 6, color: GREY }, 'ecInfo');
  // debtor
  d.text('DESTINATARIO AVVISO', COL2, 43, 'semibold', 8, ACCENT);
  label(d, 'Cod. Fiscale', COL2, 48);
  d.text(doc.debtor.fiscalCode, COL2 + 15, 48, 'semibold', 9, INK);
  y = 50 + d.box(doc.debtor.fullName, COL2, 50, COL_W, 9, { weight: 'bold', size: 11, minSize: 8, maxLines: 2, color: INK }, 'debtorName') + 0.8;
  if (doc.debtor.addressLines.length > 0) {
    d.box(doc.debtor.addressLines.join(' - '), COL2, y, COL_W, 77 - y, { size: 9, minSize: 7, color: INK }, 'debtorAddress');
  }
  d.page.line(LEFT, 78, RIGHT, 78, RULE, 0.75);
}

function planText(doc: NoticeDocument): { amount: number; due: string; text: string } {
  const first = doc.instalments[0];
  const n = doc.instalments.length;
  const instalmentsTotal = doc.instalments.reduce((s, p) => s + p.amountCents, 0);
  if (doc.layout === 'single' && doc.main) {
    return { amount: doc.main.amountCents, due: formatItalianDate(doc.main.dueDate), text: 'Puoi pagare in un’unica soluzione.' };
  }
  const firstDue = first ? formatItalianDate(first.dueDate) : '';
  const rate = n === 1 ? '1 rata' : `${n} rate`;
  if (doc.main) {
    return {
      amount: doc.main.amountCents,
      due: formatItalianDate(doc.main.dueDate),
      text: `Puoi pagare con un’unica rata oppure in ${rate} (la prima entro il ${firstDue}): trovi le rate nelle pagine seguenti.`,
    };
  }
  const paid = doc.instalmentCount - n;
  const already = paid > 0 ? ` Le altre ${paid === 1 ? 'rata risulta pagata' : `${paid} rate risultano pagate`}.` : '';
  return {
    amount: instalmentsTotal,
    due: firstDue,
    text: `Puoi pagare in ${rate}, la prima entro il ${firstDue}: trovi le rate nelle pagine seguenti.${already}`,
  };
}

function drawAmountAndWhere(d: Draw, doc: NoticeDocument): void {
  const plan = planText(doc);
  d.text('QUANTO E QUANDO PAGARE?', LEFT, 86, 'bold', 10, ACCENT);
  d.box(`${formatEuro(plan.amount).replace(' €', '')} Euro`, LEFT, 89, COL_W, 9, { weight: 'bold', size: 20, minSize: 12, maxLines: 1, color: INK }, 'amount');
  const duePrefix = doc.main ? 'entro il ' : 'prima rata entro il ';
  d.box(`${duePrefix}${plan.due}`, LEFT, 99, COL_W, 5, { weight: 'semibold', size: 11, minSize: 8, maxLines: 1, color: INK }, 'dueDate');
  d.box(plan.text, LEFT, 105, COL_W, 9, { size: 9, minSize: 7, color: INK }, 'planText');
  d.box(AMOUNT_NOTE, LEFT, 115, COL_W, 19, { size: 7, minSize: 6, color: GREY }, 'amountNote');

  d.text('DOVE PAGARE?', COL2, 86, 'bold', 10, ACCENT);
  d.box('Lista dei canali di pagamento su www.pagopa.gov.it', COL2, 88, COL_W, 4, { size: 7.5, minSize: 6, maxLines: 1, color: GREY });
  d.text('PAGA SUL SITO O CON LE APP', COL2, 96.5, 'semibold', 8.5, INK);
  d.box(doc.whereToPay.online, COL2, 98.5, COL_W, 13, { size: 8, minSize: 6.5, color: INK }, 'whereOnline');
  d.text('PAGA SUL TERRITORIO', COL2, 115.5, 'semibold', 8.5, INK);
  d.box(doc.whereToPay.physical, COL2, 117.5, COL_W, 13, { size: 8, minSize: 6.5, color: INK }, 'wherePhysical');
  d.page.line(LEFT, 136, RIGHT, 136, RULE, 0.75);
}

function drawAmountField(d: Draw, p: NoticePayment, x: number, top: number, name: string): void {
  label(d, 'Euro', x, top + 2);
  d.box(formatEuro(p.amountCents).replace(' €', ''), x, top + 3, 54, 7, { weight: 'bold', size: 16, minSize: 10, maxLines: 1, color: INK }, name);
}

function drawBankBlock(d: Draw, doc: NoticeDocument, p: NoticePayment, top: number, n: number): void {
  d.page.fillRect(LEFT, top, WIDTH, 7, BANK_BAR);
  d.text('BANCHE E ALTRI CANALI', LEFT + 3, top + 4.9, 'bold', 10, INK);
  d.textRight(dueLabel(p, doc.instalmentCount), RIGHT - 3, top + 4.9, 'semibold', 9, INK);
  d.page.modules(qrMatrix(p.qrPayload), LEFT + 3, top + 11, QR_SIZE_MM / QR_MODULES);

  const mx = 43;
  const mw = 95;
  d.box(
    'Qui accanto trovi il codice QR e il codice interbancario CBILL per pagare attraverso il circuito bancario e gli altri canali di pagamento abilitati.',
    mx, top + 10, mw, 8, { size: 7.5, minSize: 6, color: GREY },
  );
  label(d, 'Destinatario', mx, top + 21);
  d.box(doc.debtor.fullName, mx, top + 22, mw, 4.5, { weight: 'semibold', size: 9, minSize: 6.5, maxLines: 1, color: INK }, `bank${n}.debtor`);
  label(d, 'Ente Creditore', mx, top + 30);
  d.box(doc.ec.name, mx, top + 31, mw, 4.5, { weight: 'semibold', size: 9, minSize: 6.5, maxLines: 1, color: INK }, `bank${n}.ec`);
  label(d, 'Oggetto del pagamento', mx, top + 39);
  d.box(p.description, mx, top + 40, mw, 12, { size: 8.5, minSize: 6.5, color: INK }, `bank${n}.description`);

  const rx = 143;
  const rw = RIGHT - rx;
  label(d, 'Codice CBILL', rx, top + 12);
  d.box(doc.ec.cbill || '-', rx, top + 13, rw, 5, { weight: 'semibold', size: 10, maxLines: 1, color: INK }, `bank${n}.cbill`);
  label(d, 'Codice Avviso', rx, top + 21);
  d.box(formatNoticeNumber(p.noticeNumber), rx, top + 22, rw, 5, { weight: 'semibold', size: 10.5, minSize: 8, maxLines: 1, color: INK }, `bank${n}.notice`);
  label(d, 'Cod. Fiscale Ente Creditore', rx, top + 30);
  d.box(doc.ec.fiscalCode, rx, top + 31, rw, 5, { weight: 'semibold', size: 10, maxLines: 1, color: INK }, `bank${n}.ecFiscalCode`);
  drawAmountField(d, p, rx, top + 39, `bank${n}.amount`);
  d.page.line(LEFT, top + BLOCK_H - 0.5, RIGHT, top + BLOCK_H - 0.5, RULE, 0.5, [3, 2]);
}

function drawPostalBlock(d: Draw, doc: NoticeDocument, p: NoticePayment, top: number, n: number): void {
  const postal = p.postal;
  if (!postal) return;
  d.page.fillRect(LEFT, top, WIDTH, 7, POSTAL_BAR);
  d.text('BOLLETTINO POSTALE PA', LEFT + 3, top + 4.9, 'bold', 10, INK);
  const due = dueLabel(p, doc.instalmentCount);
  d.textRight(due, RIGHT - 3, top + 4.9, 'semibold', 9, INK);
  d.textRight('Poste Italiane', RIGHT - 6 - d.widthOf(due, 'semibold', 9), top + 4.9, 'bold', 9, INK);
  const dm = dataMatrix(postal.dataMatrixPayload);
  d.page.modules(dm, LEFT + 3, top + 11, DATAMATRIX_SIZE_MM / dm.cols);

  const mx = 43;
  const mw = 95;
  label(d, 'sul C/C n.', mx, top + 12);
  d.box(postal.account, mx, top + 13, mw, 6, { weight: 'bold', size: 12, maxLines: 1, color: INK }, `postal${n}.account`);
  label(d, 'Intestato a', mx, top + 23);
  d.box(doc.ec.name, mx, top + 24, mw, 4.5, { weight: 'semibold', size: 9, minSize: 6.5, maxLines: 1, color: INK }, `postal${n}.ec`);
  label(d, 'Destinatario', mx, top + 31);
  d.box(doc.debtor.fullName, mx, top + 32, mw, 4.5, { weight: 'semibold', size: 9, minSize: 6.5, maxLines: 1, color: INK }, `postal${n}.debtor`);
  label(d, 'Oggetto del pagamento', mx, top + 39);
  d.box(p.description, mx, top + 40, mw, 8, { size: 8, minSize: 6, color: INK }, `postal${n}.description`);
  d.box(
    `Bollettino postale pagabile in tutti gli Uffici Postali e sui canali fisici o digitali abilitati di Poste Italiane e dell’Ente Creditore. ${postal.authorisation}`,
    LEFT + 3, top + 49.5, 125, 7, { size: 6.5, minSize: 5.5, color: GREY }, `postal${n}.authorisation`,
  );

  const rx = 143;
  const rw = RIGHT - rx;
  label(d, 'Codice Avviso', rx, top + 12);
  d.box(formatNoticeNumber(p.noticeNumber), rx, top + 13, rw, 5, { weight: 'semibold', size: 10.5, minSize: 8, maxLines: 1, color: INK }, `postal${n}.notice`);
  label(d, 'Tipo', rx, top + 21);
  d.text('P1', rx, top + 25.5, 'semibold', 10, INK);
  label(d, 'Tipo documento', rx + 20, top + 21);
  d.text('896', rx + 20, top + 25.5, 'semibold', 10, INK);
  label(d, 'Cod. Fiscale Ente Creditore', rx, top + 30);
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
  d.text('PIANO DI RATEIZZAZIONE', LEFT, top + 4, 'bold', 10, ACCENT);
  const cols = [LEFT + 2, LEFT + 25, LEFT + 60, RIGHT - 2];
  let y = top + 8;
  d.page.fillRect(LEFT, y, WIDTH, 6, BANK_BAR);
  d.text('Rata', cols[0]!, y + 4.2, 'semibold', 8, INK);
  d.text('Scadenza', cols[1]!, y + 4.2, 'semibold', 8, INK);
  d.text('Codice avviso', cols[2]!, y + 4.2, 'semibold', 8, INK);
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

function drawContinuationHeader(d: Draw, doc: NoticeDocument): void {
  d.text('AVVISO DI PAGAMENTO', LEFT, 14, 'semibold', 8, ACCENT);
  d.box(doc.subject, LEFT + 34, 10.8, 120, 5, { weight: 'bold', size: 10, minSize: 7, maxLines: 1, color: INK });
  label(d, 'Destinatario', LEFT, 20);
  d.box(`${doc.debtor.fullName} - ${doc.debtor.fiscalCode}`, LEFT + 15, 17.2, 80, 4, { weight: 'semibold', size: 8, minSize: 6, maxLines: 1, color: INK });
  label(d, 'Ente Creditore', COL2, 20);
  d.box(doc.ec.name, COL2 + 18, 17.2, COL_W - 18, 4, { weight: 'semibold', size: 8, minSize: 6, maxLines: 1, color: INK });
  d.page.line(LEFT, 24, RIGHT, 24, RULE, 0.75);
}

function drawFooter(d: Draw, doc: NoticeDocument, pageNo: number, pages: number): void {
  d.text(`Posizione ${doc.iupd}`, LEFT, 291, 'regular', 6.5, GREY);
  d.textRight(`Pagina ${pageNo} di ${pages}`, RIGHT, 291, 'regular', 6.5, GREY);
}

/** Draws one notice into the file (one or more pages). Returns the number of pages added. */
export async function renderNotice(file: PdfFile, doc: NoticeDocument, options: NoticeRenderOptions = {}): Promise<number> {
  const trace = options.trace ?? null;
  const logo = doc.ec.logo ? await file.image(doc.ec.logo.key, doc.ec.logo.bytes) : null;
  const pages = noticePageCount(doc);
  const first = new Draw(file.newPage(), file.fonts, 1, trace);
  drawHeader(first, doc, logo);
  drawParties(first, doc);
  drawAmountAndWhere(first, doc);
  first.box('Utilizza la porzione di avviso relativa al canale di pagamento che preferisci.', LEFT, 139, WIDTH, 4.5, { weight: 'semibold', size: 8.5, maxLines: 1, color: INK });
  if (doc.main) drawPayment(first, doc, doc.main, FIRST_PAGE_PAYMENTS_TOP, 0);
  else drawPlanTable(first, doc, FIRST_PAGE_PAYMENTS_TOP, 285);
  drawFooter(first, doc, 1, pages);
  file.addPage(first.page);

  const perPage = instalmentsPerPage(doc);
  const step = perPage === 2 ? 2 * BLOCK_H + 10 : BLOCK_H + 26;
  for (let i = 0, pageNo = 2; i < doc.instalments.length; i += perPage, pageNo++) {
    const d = new Draw(file.newPage(), file.fonts, pageNo, trace);
    drawContinuationHeader(d, doc);
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
