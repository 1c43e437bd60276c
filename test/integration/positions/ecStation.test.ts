import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EcStation } from '../../../src-main/positions/ecStation';
import type { DebtPosition } from '../../../src-main/positions/types';
import {
  paGetPaymentV2Res,
  paSendRTV2Res,
  paVerifyPaymentNoticeRes,
  type CtReceiptV2,
  type Fault,
} from '../../../src-shared/sanp/messages';
import { dumpDatabase } from '../../support/testCore';
import {
  DEBTOR_CF,
  EC,
  EC_IBAN,
  EC_POSTAL_IBAN,
  OTHER_EC,
  OTHER_IBAN,
  STATION,
  address,
  createPositionsTest,
  instalment,
  operator,
  positionInput,
  rataUnica,
  receiptFor,
  single,
  transfer,
  type PositionsTest,
} from '../../support/positionsFixture';

let p: PositionsTest;
beforeEach(async () => {
  p = await createPositionsTest();
});
afterEach(() => p.close());

function published(...args: Parameters<typeof positionInput>): DebtPosition {
  return p.positions.publish(operator, p.positions.create(operator, positionInput(...args)).id);
}

const qr = (noticeNumber: string) => ({ fiscalCode: EC.fiscalCode, noticeNumber });

/** Calls verify and activation, checks both answers against the SANP schemas, returns them. */
async function verifyAndGet(noticeNumber: string, amount: number) {
  const verify = paVerifyPaymentNoticeRes.parse(await p.station.paVerifyPaymentNotice({ ...address, qrCode: qr(noticeNumber) }));
  const get = paGetPaymentV2Res.parse(await p.station.paGetPaymentV2({ ...address, qrCode: qr(noticeNumber), amount }));
  return { verify, get };
}

async function faultOf(noticeNumber: string, amount = 10_000): Promise<Fault['faultCode']> {
  const { verify, get } = await verifyAndGet(noticeNumber, amount);
  if (verify.outcome !== 'KO' || get.outcome !== 'KO') throw new Error('atteso un fault');
  // verify and activation agree, and every fault names the EC
  expect(get.fault.faultCode).toBe(verify.fault.faultCode);
  expect(verify.fault).toMatchObject({ id: EC.fiscalCode, faultString: expect.any(String), description: expect.any(String) });
  return verify.fault.faultCode;
}

async function send(receipt: CtReceiptV2, over: Partial<typeof address> = {}) {
  return paSendRTV2Res.parse(await p.station.paSendRTV2({ ...address, ...over, receipt }));
}

describe('paVerifyPaymentNotice and paGetPaymentV2', () => {
  it('answers with the option, its description, the EC and allCCP', async () => {
    const position = published({ options: [single({ transfers: [transfer({ iban: EC_POSTAL_IBAN })] })] });
    const option = position.options[0]!;
    const { verify } = await verifyAndGet(option.noticeNumber, option.amount);
    expect(verify).toEqual({
      outcome: 'OK',
      paymentList: [
        { creditorReferenceId: option.iuv, amount: 10_000, options: 'EQ', dueDate: '2026-12-31', detailDescription: 'TARI 2026 - saldo', allCCP: true },
      ],
      paymentDescription: 'TARI 2026 - saldo',
      fiscalCodePA: EC.fiscalCode,
      companyName: EC.name,
      officeName: 'Ufficio Tributi',
    });
    const mixed = published({
      options: [single({ transfers: [transfer({ amount: 6_000, iban: EC_POSTAL_IBAN }), transfer({ id: 2, amount: 4_000 })] })],
    });
    const again = await verifyAndGet(mixed.options[0]!.noticeNumber, 10_000);
    expect(again.verify.outcome === 'OK' && again.verify.paymentList[0]!.allCCP).toBe(false);
  });

  it('returns the payment data with debtor and transfer list under SANP names', async () => {
    const position = published({
      debtor: { type: 'F', fiscalCode: DEBTOR_CF, fullName: 'Emanuele Rocca', address: 'Via Roma', civicNumber: '1', postalCode: '00100', city: 'Roma', province: 'RM', country: 'IT', email: 'e.rocca@example.it' },
      options: [single({ amount: 12_000, transfers: [transfer({ amount: 7_000 }), transfer({ id: 2, amount: 5_000, ecFiscalCode: OTHER_EC, iban: OTHER_IBAN, remittance: 'Quota provinciale' })] })],
    });
    const option = position.options[0]!;
    const { get } = await verifyAndGet(option.noticeNumber, 12_000);
    expect(get).toEqual({
      outcome: 'OK',
      data: {
        creditorReferenceId: option.iuv,
        paymentAmount: 12_000,
        dueDate: '2026-12-31',
        description: 'TARI 2026 - saldo',
        companyName: EC.name,
        officeName: 'Ufficio Tributi',
        debtor: {
          uniqueIdentifier: { entityUniqueIdentifierType: 'F', entityUniqueIdentifierValue: DEBTOR_CF },
          fullName: 'Emanuele Rocca',
          streetName: 'Via Roma',
          civicNumber: '1',
          postalCode: '00100',
          city: 'Roma',
          stateProvinceRegion: 'RM',
          country: 'IT',
          eMail: 'e.rocca@example.it',
        },
        transferList: [
          { idTransfer: 1, transferAmount: 7_000, fiscalCodePA: EC.fiscalCode, IBAN: EC_IBAN, remittanceInformation: 'TARI 2026', transferCategory: '9/0101108TS/' },
          { idTransfer: 2, transferAmount: 5_000, fiscalCodePA: OTHER_EC, IBAN: OTHER_IBAN, remittanceInformation: 'Quota provinciale', transferCategory: '9/0101108TS/' },
        ],
      },
    });
  });

  it('PAA_SEMANTICA when the activation amount differs, or the request is malformed', async () => {
    const option = published().options[0]!;
    const res = paGetPaymentV2Res.parse(await p.station.paGetPaymentV2({ ...address, qrCode: qr(option.noticeNumber), amount: 9_999 }));
    expect(res).toMatchObject({ outcome: 'KO', fault: { faultCode: 'PAA_SEMANTICA', description: expect.stringMatching(/non corrisponde/) } });
    for (const bad of [{}, { ...address, qrCode: { fiscalCode: EC.fiscalCode, noticeNumber: '123' } }, null, 'x']) {
      const verify = paVerifyPaymentNoticeRes.parse(await p.station.paVerifyPaymentNotice(bad as never));
      expect(verify).toMatchObject({ outcome: 'KO', fault: { faultCode: 'PAA_SEMANTICA', id: EC.fiscalCode } });
    }
  });

  it('PAA_ID_DOMINIO_ERRATO for another EC, PAA_STAZIONE_INT_ERRATA for a station not accepted', async () => {
    const option = published().options[0]!;
    const other = await p.station.paVerifyPaymentNotice({ ...address, qrCode: { fiscalCode: OTHER_EC, noticeNumber: option.noticeNumber } });
    expect(other).toMatchObject({ outcome: 'KO', fault: { faultCode: 'PAA_ID_DOMINIO_ERRATO', id: EC.fiscalCode } });
    const otherPa = await p.station.paVerifyPaymentNotice({ ...address, idPA: OTHER_EC, qrCode: qr(option.noticeNumber) });
    expect(otherPa).toMatchObject({ fault: { faultCode: 'PAA_ID_DOMINIO_ERRATO' } });
    const station = await p.station.paVerifyPaymentNotice({ ...address, idStation: `${EC.fiscalCode}_02`, qrCode: qr(option.noticeNumber) });
    expect(station).toMatchObject({ fault: { faultCode: 'PAA_STAZIONE_INT_ERRATA' } });
    const broker = await p.station.paVerifyPaymentNotice({ ...address, idBrokerPA: OTHER_EC, qrCode: qr(option.noticeNumber) });
    expect(broker).toMatchObject({ fault: { faultCode: 'PAA_STAZIONE_INT_ERRATA' } });
    // the accepted stations are read on every call
    p.stations.push(`${EC.fiscalCode}_02`);
    expect(await p.station.paVerifyPaymentNotice({ ...address, idStation: `${EC.fiscalCode}_02`, qrCode: qr(option.noticeNumber) })).toMatchObject({ outcome: 'OK' });
  });

  it('PAA_PAGAMENTO_SCONOSCIUTO for an unknown notice and for DRAFT or PUBLISHED positions', async () => {
    expect(await faultOf('301000000000099999')).toBe('PAA_PAGAMENTO_SCONOSCIUTO');
    const draft = p.positions.create(operator, positionInput());
    expect(await faultOf(draft.options[0]!.noticeNumber)).toBe('PAA_PAGAMENTO_SCONOSCIUTO');
    const waiting = published({ validityDate: '2026-12-01' });
    expect(waiting.status).toBe('PUBLISHED');
    expect(await faultOf(waiting.options[0]!.noticeNumber)).toBe('PAA_PAGAMENTO_SCONOSCIUTO');
  });

  it('sees the validity date arrive without waiting for the sweep, and writes nothing', async () => {
    const waiting = published({ validityDate: '2026-12-01' });
    p.t.clock.set('2026-12-01T08:00:00.000Z');
    const before = dumpDatabase(p.t.core.db);
    const { verify } = await verifyAndGet(waiting.options[0]!.noticeNumber, 10_000);
    expect(verify.outcome).toBe('OK');
    expect(dumpDatabase(p.t.core.db)).toBe(before);
  });

  it('PAA_PAGAMENTO_ANNULLATO for a cancelled position', async () => {
    const position = published();
    p.positions.invalidate(operator, position.id);
    expect(await faultOf(position.options[0]!.noticeNumber)).toBe('PAA_PAGAMENTO_ANNULLATO');
  });

  it('PAA_PAGAMENTO_SCADUTO once expired, or for an option past due with switchToExpired', async () => {
    const plan = published({ switchToExpired: true, options: [instalment(1, '2026-11-30'), instalment(2, '2026-12-31')] });
    const [first, second] = plan.options;
    p.t.clock.set('2026-12-01T09:00:00.000Z');
    expect(await faultOf(first!.noticeNumber, 5_000)).toBe('PAA_PAGAMENTO_SCADUTO');
    expect((await verifyAndGet(second!.noticeNumber, 5_000)).verify.outcome).toBe('OK');
    // without switchToExpired a late payment is still welcome
    const lenient = published({ options: [single({ dueDate: '2026-12-01' })] });
    p.t.clock.set('2027-01-10T09:00:00.000Z');
    expect((await verifyAndGet(lenient.options[0]!.noticeNumber, 10_000)).verify.outcome).toBe('OK');
    expect(await faultOf(second!.noticeNumber, 5_000)).toBe('PAA_PAGAMENTO_SCADUTO');
    expect(p.positions.get(plan.id).status).toBe('EXPIRED');
    expect(await faultOf(second!.noticeNumber, 5_000)).toBe('PAA_PAGAMENTO_SCADUTO');
  });

  it('PAA_PAGAMENTO_DUPLICATO for a paid option, and across a plan and its rata unica', async () => {
    const position = published();
    await send(receiptFor(position.options[0]!));
    expect(await faultOf(position.options[0]!.noticeNumber)).toBe('PAA_PAGAMENTO_DUPLICATO');

    const plan = published({ options: [instalment(1, '2026-12-31'), instalment(2, '2027-01-31'), rataUnica('2026-12-31', 9_000)] });
    const [unica, first, second] = plan.options;
    await send(receiptFor(first!));
    expect(await faultOf(unica!.noticeNumber, 9_000)).toBe('PAA_PAGAMENTO_DUPLICATO');
    expect(await faultOf(first!.noticeNumber, 5_000)).toBe('PAA_PAGAMENTO_DUPLICATO');
    expect((await verifyAndGet(second!.noticeNumber, 5_000)).verify.outcome).toBe('OK');

    const other = published({ options: [instalment(1, '2026-12-31'), instalment(2, '2027-01-31'), rataUnica('2026-12-31', 9_000)] });
    await send(receiptFor(other.options[0]!)); // the rata unica
    expect(await faultOf(other.options[1]!.noticeNumber, 5_000)).toBe('PAA_PAGAMENTO_DUPLICATO');
    expect(await faultOf(other.options[2]!.noticeNumber, 5_000)).toBe('PAA_PAGAMENTO_DUPLICATO');
  });
});

describe('paSendRTV2', () => {
  it('stores the receipt and closes the option and the position in one go, auditing both', async () => {
    const plan = published({ options: [instalment(1, '2026-12-31'), instalment(2, '2027-01-31')] });
    const receipt = receiptFor(plan.options[0]!);
    expect(await send(receipt)).toEqual({ outcome: 'OK' });
    const after = p.positions.get(plan.id);
    expect(after).toMatchObject({ status: 'PARTIALLY_PAID', options: [{ status: 'paid', paidAt: '2026-11-22T10:15:00.000Z' }, { status: 'unpaid' }] });
    const stored = p.repositories.receipts.findByReceiptId(receipt.receiptId)!;
    expect(stored).toMatchObject({ optionId: plan.options[0]!.id, iuv: plan.options[0]!.iuv, paymentAmount: 5_000, fee: 150, idPsp: 'BCITITMM', anomaly: null, receivedAt: '2026-11-22T09:00:00.000Z' });
    expect(JSON.parse(stored.payload)).toEqual(receipt);
    expect(after.options[0]!.paidReceiptId).toBe(stored.id);
    expect(p.positions.receiptsOf(plan.id).map((r) => r.receiptId)).toEqual([receipt.receiptId]);

    await send(receiptFor(plan.options[1]!));
    expect(p.positions.get(plan.id).status).toBe('PAID');
    const log = p.t.core.services.audit.page({ limit: 10 }).items.map((e) => e.action).reverse();
    expect(log.slice(-4)).toEqual(['receipt.received', 'position.partiallyPaid', 'receipt.received', 'position.paid']);
    expect(p.t.core.services.audit.page({ limit: 1, action: 'position.paid' }).items[0]!.actorName).toMatch(/Nodo dei Pagamenti \(PSP BCITITMM/);
  });

  it('answers PAA_RECEIPT_DUPLICATA to a second delivery and changes nothing', async () => {
    const option = published().options[0]!;
    const receipt = receiptFor(option);
    await send(receipt);
    const before = dumpDatabase(p.t.core.db);
    const again = await send(receipt);
    expect(again).toMatchObject({ outcome: 'KO', fault: { faultCode: 'PAA_RECEIPT_DUPLICATA', id: EC.fiscalCode } });
    expect(dumpDatabase(p.t.core.db)).toBe(before);
  });

  it('keeps a second payment of the same notice, flagged as a double payment, without touching the position', async () => {
    const position = published();
    const option = position.options[0]!;
    await send(receiptFor(option));
    const paid = p.positions.get(position.id);
    const second = receiptFor(option, { idPSP: 'POSTE' });
    expect(await send(second)).toEqual({ outcome: 'OK' });
    expect(p.repositories.receipts.findByReceiptId(second.receiptId)).toMatchObject({ anomaly: 'DOUBLE_PAYMENT', optionId: option.id });
    expect(p.positions.get(position.id)).toEqual(paid);
    expect(p.repositories.receipts.listAnomalies(10).map((r) => r.receiptId)).toEqual([second.receiptId]);
    expect(p.t.core.services.audit.page({ limit: 1, action: 'receipt.doublePayment' }).items[0]!.details).toMatchObject({
      receiptId: second.receiptId,
      positionStatus: 'PAID',
      optionStatus: 'paid',
    });
  });

  it('flags the rata unica paid after an instalment as a double payment', async () => {
    const plan = published({ options: [instalment(1, '2026-12-31'), instalment(2, '2027-01-31'), rataUnica('2026-12-31', 9_000)] });
    await send(receiptFor(plan.options[1]!));
    const late = receiptFor(plan.options[0]!);
    await send(late);
    expect(p.repositories.receipts.findByReceiptId(late.receiptId)!.anomaly).toBe('DOUBLE_PAYMENT');
    expect(p.positions.get(plan.id).status).toBe('PARTIALLY_PAID');
  });

  it('keeps a receipt for a cancelled position, flagged, and leaves the position cancelled', async () => {
    const position = published();
    p.positions.invalidate(operator, position.id);
    const receipt = receiptFor(position.options[0]!);
    expect(await send(receipt)).toEqual({ outcome: 'OK' });
    expect(p.repositories.receipts.findByReceiptId(receipt.receiptId)!.anomaly).toBe('NOT_PAYABLE');
    expect(p.positions.get(position.id)).toMatchObject({ status: 'INVALID', options: [{ status: 'unpaid' }] });
  });

  it('counts a receipt that arrives after the expiry (the payment began before it)', async () => {
    const position = published({ switchToExpired: true, options: [single({ dueDate: '2026-11-30' })] });
    p.t.clock.set('2026-12-01T00:10:00.000Z');
    await send(receiptFor(position.options[0]!));
    expect(p.positions.get(position.id).status).toBe('PAID');
    const log = p.t.core.services.audit.page({ limit: 10 }).items.map((e) => e.action).reverse();
    expect(log.slice(-3)).toEqual(['position.expired', 'receipt.received', 'position.paid']);
  });

  it('settles the option but flags a receipt whose amount differs from the notice', async () => {
    const position = published();
    const receipt = receiptFor(position.options[0]!, { paymentAmount: 9_000 });
    await send(receipt);
    expect(p.repositories.receipts.findByReceiptId(receipt.receiptId)!.anomaly).toBe('AMOUNT_MISMATCH');
    expect(p.positions.get(position.id).status).toBe('PAID');
    expect(p.t.core.services.audit.page({ limit: 1, action: 'receipt.amountMismatch' }).items[0]!.details).toMatchObject({ expectedAmount: 10_000, amount: 9_000 });
  });

  it('refuses receipts that do not belong here, writing nothing', async () => {
    const option = published().options[0]!;
    const before = dumpDatabase(p.t.core.db);
    const cases: Array<[Fault['faultCode'], CtReceiptV2, Partial<typeof address>?]> = [
      ['PAA_ID_DOMINIO_ERRATO', receiptFor(option, { fiscalCode: OTHER_EC })],
      ['PAA_ID_DOMINIO_ERRATO', receiptFor(option), { idPA: OTHER_EC }],
      ['PAA_STAZIONE_INT_ERRATA', receiptFor(option), { idStation: `${EC.fiscalCode}_09` }],
      ['PAA_PAGAMENTO_SCONOSCIUTO', receiptFor({ ...option, noticeNumber: '301000000000099999' })],
      ['PAA_SEMANTICA', receiptFor(option, { creditorReferenceId: '01000000000099999' })],
      ['PAA_SEMANTICA', receiptFor(option, { outcome: 'KO' })],
      ['PAA_SEMANTICA', receiptFor(option, { receiptId: ' ' })],
      ['PAA_SEMANTICA', receiptFor(option, { applicationDate: '2026-13-45' })],
      ['PAA_SEMANTICA', receiptFor(option, { fee: -1 })],
    ];
    for (const [code, receipt, over] of cases) {
      expect(await send(receipt, over), code).toMatchObject({ outcome: 'KO', fault: { faultCode: code, id: EC.fiscalCode } });
    }
    expect(dumpDatabase(p.t.core.db)).toBe(before);
  });

  it('answers PAA_SYSTEM_ERROR and rolls everything back when a write fails midway', async () => {
    const position = published({ validityDate: '2026-11-30' });
    p.t.clock.set('2026-12-01T08:00:00.000Z'); // the receipt will also bring PUBLISHED -> VALID
    const before = dumpDatabase(p.t.core.db);
    const audit = p.t.core.services.audit;
    const record = audit.record.bind(audit);
    let calls = 0;
    audit.record = (...args) => {
      // fail at the very last write: after the status catch-up, the receipt and the option
      if (++calls === 3) throw new Error('disco pieno');
      record(...args);
    };
    const receipt = receiptFor(position.options[0]!);
    const res = await send(receipt);
    audit.record = record;
    expect(res).toMatchObject({ outcome: 'KO', fault: { faultCode: 'PAA_SYSTEM_ERROR', id: EC.fiscalCode } });
    expect(dumpDatabase(p.t.core.db)).toBe(before);
    // the Nodo retries, and this time it goes through
    expect(await send(receipt)).toEqual({ outcome: 'OK' });
    expect(p.positions.get(position.id).status).toBe('PAID');
  });

  it('writes receipts with synchronous=FULL', () => {
    p.t.core.db.pragma('synchronous = NORMAL');
    // a station built over a connection set for speed restores full durability
    new EcStation({
      db: p.t.core.db,
      positions: p.repositories.positions,
      receipts: p.repositories.receipts,
      ecProfile: p.t.core.ecProfile,
      audit: p.t.core.services.audit,
      clock: p.t.clock,
      acceptedStationIds: () => [STATION],
    });
    expect(p.t.core.db.pragma('synchronous', { simple: true })).toBe(2);
  });
});
