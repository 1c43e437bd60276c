import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildPosteDataMatrixPayload } from '../../../src-shared/domain/posteDataMatrix';
import { buildQrPayload } from '../../../src-shared/domain/qrPayload';
import { formatNoticeNumber } from '../../../src-shared/domain/noticeNumber';
import { PHYSICAL_CHANNEL_MAX, type NoticeSettings } from '../../../src-shared/ipc/schemas/noticeSettings';
import type { DebtPosition, PositionInput } from '../../../src-main/positions/types';
import type { TraceBox } from '../../../src-main/print/draw';
import { renderNoticesPdf, type NoticeDocument } from '../../../src-main/print';
import { LOGO_AREA_MM, MARGIN_MM } from '../../../src-main/print/noticeLayout';
import { NOTICE_TEXT } from '../../../src-main/print/noticeTexts';
import { PrintService } from '../../../src-main/print/printService';
import {
  createPositionsTest,
  EC,
  EC_POSTAL_IBAN,
  instalment,
  operator,
  positionInput,
  rataUnica,
  single,
  transfer,
  type PositionsTest,
} from '../../support/positionsFixture';
import { LONG_DESCRIPTION, LONG_NAME, POSTE_AUTH, sampleLogo, sampleSettings } from '../../support/printSamples';
import { decodeDataMatrix, decodeQrCodes, keepPng, pdfText, pdfWords, renderPages, requireTools, writeTemp } from './pdfTools';

let p: PositionsTest;
let settings: NoticeSettings;
let print: PrintService;

beforeAll(() => requireTools());
beforeEach(async () => {
  p = await createPositionsTest();
  settings = sampleSettings({ logo: sampleLogo() });
  print = new PrintService({
    positions: p.positions,
    receipts: p.repositories.receipts,
    ecProfile: p.t.core.ecProfile,
    noticeSettings: () => settings,
    clock: p.t.clock,
  });
});
afterEach(() => p.close());

function published(input: PositionInput): DebtPosition {
  return p.positions.publish(operator, p.positions.create(operator, input).id);
}

function qrOf(o: { noticeNumber: string; amount: number }): string {
  return buildQrPayload({ noticeNumber: o.noticeNumber, ecFiscalCode: EC.fiscalCode, amountCents: o.amount });
}

async function printed(position: DebtPosition): Promise<{ pdf: string; pages: string[]; text: string }> {
  const { bytes } = await print.noticePdf(position.id);
  const pdf = writeTemp(bytes, 'notice.pdf');
  return { pdf, pages: renderPages(pdf), text: pdfText(pdf) };
}

describe('payment notice', () => {
  it('single payment: one page, its QR code carries the notice, the EC and the amount', async () => {
    const position = published(positionInput({ options: [single({ amount: 102_099, dueDate: '2026-12-31' })] }));
    const option = position.options[0]!;
    const { pdf, pages, text } = await printed(position);
    expect(pages).toHaveLength(1);
    expect(decodeQrCodes(pages[0]!)).toEqual([qrOf(option)]);
    expect(text).toContain(formatNoticeNumber(option.noticeNumber));
    expect(text).toContain('1.020,99 Euro');
    expect(text).toContain('entro il 31/12/2026');
    expect(text).toContain(EC.fiscalCode);
    expect(text).toContain('RCCMNL83S18D969H');
    expect(text).toContain('Emanuele Rocca');
    expect(text).toContain('A0EDT'); // CBILL
    expect(text).toContain('Settore Tributi - Ufficio TARI');
    expect(text).not.toContain('BOLLETTINO POSTALE');
    // a single payment has no instalment text (guideline: only with 2 or more instalments)
    expect(text).not.toContain('Puoi pagare');
    expect(text).toContain(NOTICE_TEXT.usePortion);
    keepPng(pdf, 1, 'notice-single.png');
  });

  it('instalments: rata unica first, then each instalment with its own QR code, 3 per page', async () => {
    const position = published(
      positionInput({
        options: [
          rataUnica('2026-12-15', 15_000),
          instalment(1, '2026-12-31'),
          instalment(2, '2027-01-31'),
          instalment(3, '2027-02-28'),
        ],
      }),
    );
    const { pdf, pages, text } = await printed(position);
    expect(pages).toHaveLength(2);
    const unica = position.options.find((o) => o.kind === 'rataUnica')!;
    const rate = position.options.filter((o) => o.kind === 'instalment').sort((a, b) => a.instalmentNumber! - b.instalmentNumber!);
    expect(decodeQrCodes(pages[0]!)).toEqual([qrOf(unica)]);
    expect(decodeQrCodes(pages[1]!).sort()).toEqual(rate.map(qrOf).sort());
    expect(text).toContain('RATA UNICA entro il 15/12/2026');
    expect(text).toContain('RATA 1 di 3 entro il 31/12/2026');
    expect(text).toContain('RATA 3 di 3 entro il 28/02/2027');
    // the rata unica block comes before the instalments
    expect(text.indexOf('RATA UNICA')).toBeLessThan(text.indexOf('RATA 1 di 3'));
    expect(text).toContain('Puoi pagare per intero o in 3 rate.');
    expect(text).toContain(NOTICE_TEXT.usePortionPlan);
    // the header again on the instalments' page
    expect(pdfWords(pdf).filter((w) => w.page === 2).map((w) => w.text).join(' ')).toContain(NOTICE_TEXT.title);
    keepPng(pdf, 1, 'notice-instalments-1.png');
    keepPng(pdf, 2, 'notice-instalments-2.png');
  });

  it('postal IBAN and Poste authorisation: bollettino with account, type 896 and the 256-character Data Matrix', async () => {
    settings = sampleSettings({ logo: sampleLogo(), posteAuthorisation: POSTE_AUTH });
    const position = published(
      positionInput({
        debtor: { type: 'F', fiscalCode: 'RCCMNL83S18D969H', fullName: LONG_NAME, address: 'Via Garibaldi', civicNumber: '1', postalCode: '00100', city: 'Roma', province: 'RM' },
        options: [single({ amount: 54_321, description: LONG_DESCRIPTION, transfers: [transfer({ amount: 54_321, iban: EC_POSTAL_IBAN })] })],
      }),
    );
    const option = position.options[0]!;
    const { pdf, pages, text } = await printed(position);
    expect(pages).toHaveLength(1);
    expect(decodeQrCodes(pages[0]!)).toEqual([qrOf(option)]);
    const expected = buildPosteDataMatrixPayload({
      noticeNumber: option.noticeNumber,
      postalAccount: '000011050036',
      amountCents: 54_321,
      ecFiscalCode: EC.fiscalCode,
      debtorFiscalCode: 'RCCMNL83S18D969H',
      debtorName: LONG_NAME,
      subject: LONG_DESCRIPTION,
    });
    const dm = decodeDataMatrix(pages[0]!, 1);
    expect(dm).toEqual([expected]);
    expect(dm[0]).toHaveLength(256);
    expect(text).toContain('BOLLETTINO POSTALE PA');
    expect(text).toContain('000011050036');
    expect(text).toContain('896');
    expect(text).toContain(POSTE_AUTH);
    expect(pdfWords(pdf).length).toBeGreaterThan(50);
    keepPng(pdf, 1, 'notice-postal.png');
  });

  it('postal IBAN without Poste authorisation: no bollettino', async () => {
    const position = published(positionInput({ options: [single({ transfers: [transfer({ iban: EC_POSTAL_IBAN })] })] }));
    const { pages, text } = await printed(position);
    expect(text).not.toContain('BOLLETTINO POSTALE');
    expect(decodeQrCodes(pages[0]!)).toHaveLength(1);
  });

  it('instalments with the bollettino: 2 per page, each with its QR code and Data Matrix', async () => {
    settings = sampleSettings({ posteAuthorisation: POSTE_AUTH });
    const postal = (n: number, due: string) => ({ ...instalment(n, due), transfers: [transfer({ amount: 5_000, iban: EC_POSTAL_IBAN })] });
    const position = published(positionInput({ options: [postal(1, '2026-12-31'), postal(2, '2027-01-31'), postal(3, '2027-02-28')] }));
    const { pages } = await printed(position);
    // first page: summary and the plan table (no rata unica offered); then 2 + 1 instalments
    expect(pages).toHaveLength(3);
    expect(decodeQrCodes(pages[0]!)).toEqual([]);
    const rate = position.options.sort((a, b) => a.instalmentNumber! - b.instalmentNumber!);
    expect(decodeQrCodes(pages[1]!).sort()).toEqual(rate.slice(0, 2).map(qrOf).sort());
    expect(decodeQrCodes(pages[2]!)).toEqual([qrOf(rate[2]!)]);
    const dms = [...decodeDataMatrix(pages[1]!, 2), ...decodeDataMatrix(pages[2]!, 1)].map((d) => d.slice(15, 33)).sort();
    expect(dms).toEqual(rate.map((o) => o.noticeNumber).sort());
  });

  it('more than 9 instalments: no rata unica, the plan listed on the first page, every instalment with its QR code', async () => {
    const options = Array.from({ length: 12 }, (_, i) => instalment(i + 1, `2027-${String(i + 1).padStart(2, '0')}-10`, 2_000 + i));
    const position = published(positionInput({ options }));
    const { pages, text } = await printed(position);
    expect(pages).toHaveLength(1 + 4);
    expect(text).not.toContain('RATA UNICA');
    expect(text).toContain('PIANO DI RATEIZZAZIONE');
    expect(text).toContain(`Puoi pagare in 12 rate. ${NOTICE_TEXT.manyInstalments}`);
    const decoded = pages.slice(1).flatMap(decodeQrCodes).sort();
    expect(decoded).toEqual(position.options.map(qrOf).sort());
  });

  it('positions without a notice to print say why', async () => {
    const draft = p.positions.create(operator, positionInput());
    await expect(print.noticePdf(draft.id)).rejects.toMatchObject({ code: 'PRINT_NOT_PRINTABLE', message: expect.stringContaining('bozza') });
  });
});

describe('official texts and page geometry (guideline 3.4, strings 3.2)', () => {
  it('the modules in the guideline\'s order, with its fixed texts', async () => {
    const position = published(positionInput({ options: [single({ amount: 10_000, dueDate: '2026-12-31' })] }));
    const { text } = await printed(position);
    const titles = [NOTICE_TEXT.title, NOTICE_TEXT.ec, NOTICE_TEXT.debtor, NOTICE_TEXT.amountTitle, NOTICE_TEXT.whereTitle, NOTICE_TEXT.paymentTitle];
    const at = titles.map((t) => text.indexOf(t));
    expect(at.every((i) => i >= 0), titles.filter((_, k) => at[k]! < 0).join(', ')).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    for (const fixed of [NOTICE_TEXT.onlineTitle, NOTICE_TEXT.online, NOTICE_TEXT.physicalTitle, NOTICE_TEXT.physical, NOTICE_TEXT.legal, NOTICE_TEXT.qrHint, NOTICE_TEXT.whereLink]) {
      expect(text).toContain(fixed);
    }
    for (const label of [NOTICE_TEXT.cbill, NOTICE_TEXT.noticeCode, NOTICE_TEXT.ecFiscalCode, NOTICE_TEXT.recipient, NOTICE_TEXT.payee, NOTICE_TEXT.subject]) {
      expect(text).toContain(label);
    }
    // the EC's own free texts of the 2.x layout are gone: the channel texts are fixed
    expect(text).not.toContain('Potrai pagare');
  });

  it('adds the EC\'s own site and counter where "Dove pagare" leaves room, and keeps the rest as fixed', async () => {
    settings = { ...settings, onlineChannel: 'site', physicalChannel: 'Presso Lo Sportello Tributi' };
    const { text } = await printed(published(positionInput({ options: [single({ amount: 10_000 })] })));
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(`oppure sul sito di ${p.t.core.ecProfile.get()!.name}, dal tuo Home Banking`);
    expect(flat).toContain('Presso Lo Sportello Tributi, presso Banche e Sportelli ATM');
  });

  it('every word within the 10 mm margins, the logo in its 30 mm area at the top right', async () => {
    settings = sampleSettings({ logo: sampleLogo(), posteAuthorisation: POSTE_AUTH });
    const postal = (n: number, due: string) => ({ ...instalment(n, due), transfers: [transfer({ amount: 5_000, iban: EC_POSTAL_IBAN })] });
    const position = published(positionInput({ options: [{ ...rataUnica('2026-12-15', 10_000), transfers: [transfer({ amount: 10_000, iban: EC_POSTAL_IBAN })] }, postal(1, '2026-12-31'), postal(2, '2027-01-31')] }));
    const { pdf, pages } = await printed(position);
    expect(pages).toHaveLength(2);
    const words = pdfWords(pdf);
    expect(words.length).toBeGreaterThan(100);
    for (const w of words) {
      expect(w.xMin, w.text).toBeGreaterThanOrEqual(MARGIN_MM - 0.01);
      expect(w.xMax, w.text).toBeLessThanOrEqual(210 - MARGIN_MM + 0.01);
      expect(w.yMin, w.text).toBeGreaterThanOrEqual(MARGIN_MM - 0.01);
      expect(w.yMax, w.text).toBeLessThanOrEqual(297 - MARGIN_MM + 0.01);
    }
    // on the first page no word enters the logo's area
    const inLogo = words.filter((w) => w.page === 1 && w.xMax > 210 - MARGIN_MM - LOGO_AREA_MM && w.yMin < MARGIN_MM + LOGO_AREA_MM);
    expect(inLogo.map((w) => w.text)).toEqual([]);
  });
});

describe('text stays inside its box', () => {
  it('a 140-character description, a 70-character debtor name and the longest channels of the EC are printed whole, within their boxes', async () => {
    expect(LONG_DESCRIPTION).toHaveLength(140);
    expect(LONG_NAME).toHaveLength(70);
    settings = sampleSettings({ logo: sampleLogo(), posteAuthorisation: POSTE_AUTH, onlineChannel: 'siteOrApp', physicalChannel: 'Presso Lo Sportello Tributi Di Piazza Garibaldi 10' });
    expect(settings.physicalChannel).toHaveLength(PHYSICAL_CHANNEL_MAX);
    const position = published(
      positionInput({
        debtor: { type: 'F', fiscalCode: 'RCCMNL83S18D969H', fullName: LONG_NAME },
        options: [single({ description: LONG_DESCRIPTION, transfers: [transfer({ iban: EC_POSTAL_IBAN })] })],
      }),
    );
    const built = print.noticeDocument(position.id);
    if (!built.ok) throw new Error(built.message);
    const trace: TraceBox[] = [];
    const pdf = writeTemp(await renderNoticesPdf([built.document as NoticeDocument], { trace }), 'long.pdf');
    const words = pdfWords(pdf);
    const checked = trace.filter((b) => /description|debtor|debtorName|subject|where/i.test(b.name));
    expect(checked.map((b) => b.name)).toEqual(
      expect.arrayContaining(['subject', 'debtorName', 'bank0.description', 'bank0.debtor', 'postal0.description', 'postal0.debtor', 'whereOnline', 'wherePhysical']),
    );
    for (const box of checked) {
      // printed whole: shrunk if need be, never cut
      expect(box.fitted.truncated, box.name).toBe(false);
      expect(box.fitted.lines.join(' '), box.name).toBe(box.text);
      // every word of the box's lines is found on the page inside the box (0.3 mm tolerance)
      const tokens = box.fitted.lines.flatMap((l) => l.split(' '));
      for (const token of tokens) {
        const hits = words.filter((w) => w.text === token && w.xMin >= box.x - 0.3 && w.xMax <= box.x + box.w + 0.3 && (w.yMin + w.yMax) / 2 >= box.y && (w.yMin + w.yMax) / 2 <= box.y + box.h);
        expect(hits.length, `${box.name}: «${token}»`).toBeGreaterThan(0);
      }
      const lineHeightMm = (box.fitted.leading * 25.4) / 72;
      expect(box.fitted.lines.length * lineHeightMm, box.name).toBeLessThanOrEqual(box.h + 1e-6);
    }
  });
});
