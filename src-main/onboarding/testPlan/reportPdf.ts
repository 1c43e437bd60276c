import { formatItalianDateTime } from '../../../src-shared/domain/date';
import { formatNoticeNumber } from '../../../src-shared/domain/noticeNumber';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { TestRun } from '../../../src-shared/ipc/schemas/testActivities';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const WIDTH = A4[0] - 2 * MARGIN;



/** The standard fonts speak WinAnsi only: anything else (arrows, box drawing) gets a plain stand-in. */
function encodable(font: PDFFont, text: string): string {
  const replaced = text.replace(/→/g, '->').replace(/\t/g, '  ');
  let out = '';
  for (const ch of replaced) {
    try {
      font.encodeText(ch);
      out += ch;
    } catch {
      out += '?';
    }
  }
  return out;
}

/** Lays text out top to bottom, wrapping lines and starting new pages as needed. */
class Writer {
  private page: PDFPage;
  private y = A4[1] - MARGIN;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: { regular: PDFFont; bold: PDFFont; mono: PDFFont },
  ) {
    this.page = doc.addPage(A4);
  }

  text(text: string, options: { size?: number; bold?: boolean; mono?: boolean; color?: [number, number, number]; indent?: number } = {}): void {
    const size = options.size ?? 10;
    const font = options.mono ? this.fonts.mono : options.bold ? this.fonts.bold : this.fonts.regular;
    const indent = options.indent ?? 0;
    const color = options.color ? rgb(...options.color) : rgb(0.1, 0.1, 0.1);
    for (const raw of text.split('\n')) {
      for (const line of this.wrap(encodable(font, raw), font, size, WIDTH - indent)) {
        if (this.y - size < MARGIN) this.newPage();
        this.y -= size * 1.3;
        this.page.drawText(line, { x: MARGIN + indent, y: this.y, size, font, color });
      }
    }
  }

  gap(points: number): void {
    this.y -= points;
    if (this.y < MARGIN) this.newPage();
  }

  rule(): void {
    if (this.y - 8 < MARGIN) this.newPage();
    this.y -= 6;
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: A4[0] - MARGIN, y: this.y }, thickness: 0.5, color: rgb(0.7, 0.7, 0.7) });
    this.y -= 4;
  }

  private newPage(): void {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  private wrap(line: string, font: PDFFont, size: number, width: number): string[] {
    if (line === '') return [''];
    const out: string[] = [];
    let current = '';
    // keep leading spaces (indented JSON), break at spaces, and cut words longer than a line
    for (const word of line.split(/(?<= )/)) {
      const candidate = current + word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        current = candidate;
        continue;
      }
      if (current !== '') out.push(current.trimEnd());
      current = word;
      while (font.widthOfTextAtSize(current, size) > width) {
        let cut = current.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(current.slice(0, cut), size) > width) cut--;
        out.push(current.slice(0, cut));
        current = current.slice(cut);
      }
    }
    if (current !== '') out.push(current.trimEnd());
    return out;
  }
}

const GREEN: [number, number, number] = [0.0, 0.45, 0.2];
const RED: [number, number, number] = [0.75, 0.1, 0.1];

/** The test run as an A4 report: verdict, one block per case, then the messages exchanged. */
export async function renderTestRunReport(run: TestRun, ec: { name: string; fiscalCode: string }): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Rapporto di collaudo n. ${run.id} - ${ec.name}`);
  doc.setAuthor('Sportello');
  doc.setCreator('Sportello');
  doc.setProducer('Sportello (pdf-lib)');
  doc.setCreationDate(new Date(run.finishedAt));
  const w = new Writer(doc, {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    mono: await doc.embedFont(StandardFonts.Courier),
  });

  w.text('Rapporto delle attività di collaudo pagoPA', { size: 16, bold: true });
  w.gap(4);
  w.text(`${ec.name} - codice fiscale ${ec.fiscalCode}`, { size: 11 });
  w.text(`Esecuzione n. ${run.id} del ${formatItalianDateTime(run.startedAt)}, eseguita da ${run.runBy}`);
  w.text(`Stazione ${run.stationCode}, ambiente di ${run.environment}`);
  w.gap(6);
  w.text(
    run.passed
      ? `Esito: SUPERATO - ${run.mandatoryPassed} casi obbligatori su ${run.mandatoryTotal} riusciti (${run.passedCount} su ${run.total} in tutto).`
      : `Esito: NON SUPERATO - ${run.mandatoryPassed} casi obbligatori su ${run.mandatoryTotal} riusciti (${run.passedCount} su ${run.total} in tutto).`,
    { size: 12, bold: true, color: run.passed ? GREEN : RED },
  );
  w.rule();

  run.cases.forEach((c, i) => {
    w.gap(6);
    w.text(`${i + 1}. ${c.title}${c.mandatory ? '' : ' (facoltativo)'}`, { size: 11, bold: true });
    w.text(c.passed ? 'Riuscito' : 'Non riuscito', { bold: true, color: c.passed ? GREEN : RED, indent: 12 });
    if (c.noticeNumber) w.text(`Codice avviso: ${formatNoticeNumber(c.noticeNumber)}`, { indent: 12 });
    w.text(`Atteso: ${c.expected}`, { indent: 12 });
    w.text(`Ottenuto: ${c.obtained}`, { indent: 12 });
  });

  for (const [i, c] of run.cases.entries()) {
    w.rule();
    w.text(`Messaggi del caso ${i + 1}: ${c.title}`, { size: 11, bold: true });
    if (c.exchange.length === 0) w.text('Nessun messaggio.', { indent: 12 });
    for (const step of c.exchange) {
      w.gap(3);
      w.text(
        `${step.seq}. ${step.from} -> ${step.to}: ${step.primitive} (${step.kind === 'request' ? 'richiesta' : 'risposta'})${step.note ? ` - ${step.note}` : ''}`,
        { bold: true, size: 9, indent: 12 },
      );
      w.text(step.body, { mono: true, size: 7, indent: 18 });
    }
  }
  return doc.save();
}
