import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatNoticeNumber } from '../../../src-shared/domain/noticeNumber';
import { defaultNoticeSettings } from '../../../src-shared/ipc/schemas/noticeSettings';
import { PrintService } from '../../../src-main/print/printService';
import {
  address,
  createPositionsTest,
  EC,
  instalment,
  operator,
  positionInput,
  receiptFor,
  type PositionsTest,
} from '../../support/positionsFixture';
import { keepPng, pdfText, renderPages, requireTools, writeTemp } from './pdfTools';

let p: PositionsTest;
let print: PrintService;

beforeAll(() => requireTools());
beforeEach(async () => {
  p = await createPositionsTest();
  print = new PrintService({
    positions: p.positions,
    receipts: p.repositories.receipts,
    ecProfile: p.t.core.ecProfile,
    noticeSettings: () => defaultNoticeSettings,
    clock: p.t.clock,
  });
});
afterEach(() => p.close());

describe('receipt (quietanza)', () => {
  it('prints the stored receipt of a paid position: parties, codes, amount, fee and total, PSP, channel, method, date, transfers', async () => {
    const position = p.positions.publish(operator, p.positions.create(operator, positionInput()).id);
    const option = position.options[0]!;
    const receipt = receiptFor(option, {
      payer: { uniqueIdentifier: { entityUniqueIdentifierType: 'F', entityUniqueIdentifierValue: 'JHNDOE00A01F205N' }, fullName: 'John Doe' },
    });
    expect(await p.station.paSendRTV2({ ...address, receipt })).toEqual({ outcome: 'OK' });

    const { bytes, fileName } = await print.receiptPdf(position.id);
    expect(fileName).toBe(`ricevuta-${option.noticeNumber}.pdf`);
    const pdf = writeTemp(bytes, 'receipt.pdf');
    expect(renderPages(pdf, 72)).toHaveLength(1);
    const text = pdfText(pdf);
    for (const expected of [
      'Pagamento pagoPA eseguito',
      EC.name,
      EC.fiscalCode,
      'Emanuele Rocca',
      'RCCMNL83S18D969H',
      'John Doe',
      'JHNDOE00A01F205N',
      formatNoticeNumber(option.noticeNumber),
      option.iuv,
      'TARI 2026',
      '100,00 €', // amount
      '1,50 €', // fee
      '101,50 €', // total
      'Banca di Prova - BCITITMM',
      'BCITITMM_01 - app',
      'Carta di pagamento (CP)',
      '22/11/2026 11:15:00', // 10:15 UTC is 11:15 in Rome
      receipt.receiptId,
      'IT60 X054 2811 1010 0000 0123 456',
    ]) {
      expect(text, expected).toContain(expected);
    }
    keepPng(pdf, 1, 'receipt.png');
  });

  it('a plan paid in instalments has one receipt per payment; each can be printed', async () => {
    const position = p.positions.publish(
      operator,
      p.positions.create(operator, positionInput({ options: [instalment(1, '2026-12-31'), instalment(2, '2027-01-31')] })).id,
    );
    const [first, second] = position.options;
    const r1 = receiptFor(first!);
    const r2 = receiptFor(second!, { paymentDateTime: '2026-11-23T08:00:00.000Z' });
    await p.station.paSendRTV2({ ...address, receipt: r1 });
    await p.station.paSendRTV2({ ...address, receipt: r2 });
    expect(print.receiptDocuments(position.id).map((d) => d.receiptId)).toEqual([r2.receiptId, r1.receiptId]);
    const text = pdfText(writeTemp((await print.receiptPdf(position.id, r1.receiptId)).bytes));
    expect(text).toContain(r1.receiptId);
    expect(text).not.toContain(r2.receiptId);
  });

  it('an unpaid position has no receipt', async () => {
    const position = p.positions.publish(operator, p.positions.create(operator, positionInput()).id);
    await expect(print.receiptPdf(position.id)).rejects.toMatchObject({ code: 'PRINT_NO_RECEIPT' });
  });
});
