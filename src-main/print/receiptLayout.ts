/** The receipt (quietanza) of a pagoPA payment, from the stored receipt (ctReceiptV2), on A4. */
import { formatEuro } from '../../src-shared/domain/amount';
import { formatItalianDate, formatItalianDateTime } from '../../src-shared/domain/date';
import { formatNoticeNumber } from '../../src-shared/domain/noticeNumber';
import type { ReceiptDocument } from './documents';
import { Draw, type TraceBox } from './draw';
import { A4, rgb, type PdfFile } from './pdfWriter';

const INK = rgb('#17324D');
const GREY = rgb('#5C6F82');
const ACCENT = rgb('#0066CC');
const RULE = rgb('#C5CED8');
const BAR = rgb('#E8F0FA');
const OK_GREEN = rgb('#1A7F37');

const LEFT = 15;
const RIGHT = A4.width - 15;
const WIDTH = RIGHT - LEFT;

export interface ReceiptRenderOptions {
  trace?: TraceBox[];
  /** when the receipt was printed (footer) */
  printedAt?: Date;
}

function section(d: Draw, title: string, top: number): number {
  d.page.fillRect(LEFT, top, WIDTH, 6.5, BAR);
  d.text(title, LEFT + 2.5, top + 4.6, 'bold', 9.5, INK);
  return top + 9;
}

export function renderReceipt(file: PdfFile, r: ReceiptDocument, options: ReceiptRenderOptions = {}): number {
  const d = new Draw(file.newPage(), file.fonts, 1, options.trace ?? null);
  d.text('RICEVUTA DI PAGAMENTO (QUIETANZA)', LEFT, 17, 'semibold', 9, ACCENT);
  const title = r.outcome === 'OK' ? 'Pagamento pagoPA eseguito' : 'Pagamento pagoPA non eseguito';
  d.text(title, LEFT, 25, 'bold', 17, r.outcome === 'OK' ? OK_GREEN : INK);
  d.box(r.ec.name, RIGHT - 80, 13, 80, 10, { weight: 'bold', size: 11, minSize: 8, maxLines: 2, align: 'right', color: INK }, 'ecName');
  d.textRight(`Cod. Fiscale ${r.ec.fiscalCode}`, RIGHT, 26, 'regular', 8, GREY);
  d.page.line(LEFT, 30, RIGHT, 30, RULE, 0.75);

  // parties
  const colW = (WIDTH - 8) / 2;
  const col2 = LEFT + colW + 8;
  let y = section(d, 'Ente Creditore, debitore e pagatore', 34);
  const party = (x: number, heading: string, name: string, cf: string, key: string): void => {
    d.text(heading, x, y + 2.5, 'regular', 7, GREY);
    d.box(name, x, y + 3.5, colW, 9, { weight: 'semibold', size: 10, minSize: 7, maxLines: 2, color: INK }, key);
    d.text(`Cod. Fiscale ${cf}`, x, y + 15.5, 'regular', 8.5, INK);
  };
  party(LEFT, 'Debitore', r.debtor.fullName, r.debtor.fiscalCode, 'debtorName');
  if (r.payer) party(col2, 'Pagatore', r.payer.fullName, r.payer.fiscalCode, 'payerName');
  else {
    d.text('Pagatore', col2, y + 2.5, 'regular', 7, GREY);
    d.text('lo stesso debitore', col2, y + 7.5, 'semibold', 10, INK);
  }
  y += 19;
  if (r.ec.officeName) {
    d.text('Ufficio', LEFT, y + 2.5, 'regular', 7, GREY);
    d.box(r.ec.officeName, LEFT, y + 3.5, WIDTH, 4.5, { size: 9, minSize: 7, maxLines: 1, color: INK }, 'office');
    y += 9;
  }

  // payment
  y = section(d, 'Dati del pagamento', y + 2);
  const rowLabelW = 48;
  const row = (name: string, value: string, key: string, opts: { weight?: 'regular' | 'semibold' | 'bold'; lines?: number; size?: number } = {}): void => {
    const lines = opts.lines ?? 1;
    const h = lines * 4.6;
    d.text(name, LEFT + 2.5, y + 3.4, 'regular', 8.5, GREY);
    const used = d.box(value, LEFT + rowLabelW, y + 0.3, WIDTH - rowLabelW - 2.5, h, { weight: opts.weight ?? 'semibold', size: opts.size ?? 9.5, minSize: 6.5, maxLines: lines, color: INK }, key);
    y += Math.max(4.6, used) + 1.4;
    d.page.line(LEFT, y - 0.7, RIGHT, y - 0.7, RULE, 0.3);
  };
  row('Codice avviso', formatNoticeNumber(r.noticeNumber), 'notice');
  row('Codice IUV', r.iuv, 'iuv');
  row('Oggetto del pagamento', r.description, 'description', { lines: 3, weight: 'regular' });
  row('Importo', formatEuro(r.amountCents), 'amount');
  row('Commissione', formatEuro(r.feeCents), 'fee');
  row('Totale pagato', formatEuro(r.totalCents), 'total', { weight: 'bold', size: 11 });
  row('Data e ora del pagamento', formatItalianDateTime(r.paymentDateTime, ' '), 'dateTime');
  row('Data applicativa', formatItalianDate(r.applicationDate), 'applicationDate');
  row('Data di accredito', formatItalianDate(r.transferDate), 'transferDate');
  row('Metodo di pagamento', r.paymentMethod, 'method');
  row('Prestatore (PSP)', `${r.psp.name} - ${r.psp.id}${r.psp.fiscalCode ? ` - Cod. Fiscale ${r.psp.fiscalCode}` : ''}`, 'psp');
  row('Canale', `${r.channel.id}${r.channel.description ? ` - ${r.channel.description}` : ''}`, 'channel');
  row('Identificativo ricevuta', r.receiptId, 'receiptId');
  if (r.standIn) row('Nota', 'Pagamento eseguito in modalità stand-in dal Nodo dei Pagamenti.', 'standIn', { weight: 'regular' });

  // transfers
  y = section(d, 'Trasferimenti', y + 3);
  const cols = { n: LEFT + 2.5, ec: LEFT + 9, iban: LEFT + 33, remittance: LEFT + 96, amountRight: RIGHT - 2.5 };
  d.text('#', cols.n, y + 2.5, 'semibold', 7.5, GREY);
  d.text('Ente', cols.ec, y + 2.5, 'semibold', 7.5, GREY);
  d.text('IBAN', cols.iban, y + 2.5, 'semibold', 7.5, GREY);
  d.text('Causale', cols.remittance, y + 2.5, 'semibold', 7.5, GREY);
  d.textRight('Importo', cols.amountRight, y + 2.5, 'semibold', 7.5, GREY);
  y += 4.5;
  for (const t of r.transfers) {
    d.text(String(t.index), cols.n, y + 3.3, 'regular', 8, INK);
    d.text(t.ecFiscalCode, cols.ec, y + 3.3, 'regular', 8, INK);
    d.box(t.iban, cols.iban, y, cols.remittance - cols.iban - 2, 4.5, { size: 8, minSize: 6, maxLines: 1, color: INK }, `transfer${t.index}.iban`);
    d.box(t.remittance, cols.remittance, y, cols.amountRight - cols.remittance - 24, 9, { size: 7.5, minSize: 6, maxLines: 2, color: INK }, `transfer${t.index}.remittance`);
    d.textRight(formatEuro(t.amountCents), cols.amountRight, y + 3.3, 'semibold', 8, INK);
    y += 10;
    d.page.line(LEFT, y - 0.7, RIGHT, y - 0.7, RULE, 0.3);
  }

  const printed = options.printedAt ? ` il ${formatItalianDateTime(options.printedAt.toISOString(), ' ')}` : '';
  d.box(
    `Ricevuta stampata${printed} dalla ricevuta telematica inviata all’Ente Creditore dal Nodo dei Pagamenti pagoPA. Conserva questo documento come prova del pagamento.`,
    LEFT, 280, WIDTH, 8, { size: 7, minSize: 6, color: GREY },
  );
  file.addPage(d.page);
  return 1;
}
