import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ctReceiptV2 } from '../../../src-shared/sanp/messages';
import { activateReq, createHarness, EC, notice, outcomeReq, payNotice, PSP_CHANNEL, PSP_ID, SECONDARY_EC, SECONDARY_IBAN, type Harness } from './support/harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

describe('payment flow (SANP 3)', () => {
  it('verifies, activates, closes with OK and delivers a complete ctReceiptV2 to the EC', async () => {
    const n = notice(1);
    h.ec.addPosition(n, 12_050);
    const verify = await h.nodo.verifyPaymentNotice({ idPSP: PSP_ID, idChannel: PSP_CHANNEL, qrCode: { fiscalCode: EC, noticeNumber: n } });
    expect(verify).toMatchObject({ outcome: 'OK', fiscalCodePA: EC, paymentList: [{ amount: 12_050 }] });

    const act = await h.nodo.activatePaymentNoticeV2(activateReq(n, 12_050));
    expect(act).toMatchObject({ outcome: 'OK', totalAmount: 12_050, fiscalCodePA: EC, companyName: 'Comune di Prova', creditorReferenceId: n.slice(1) });
    if (act.outcome !== 'OK') throw new Error('activation');
    expect(act.paymentToken).toMatch(/^[0-9a-f]{32}$/);
    expect(act.tokenExpiresAt).toBe('2026-11-22T09:30:00.000Z');

    expect(await h.nodo.sendPaymentOutcomeV2(outcomeReq(act.paymentToken))).toEqual({ outcome: 'OK' });
    const receipt = h.ec.receipts.get(act.paymentToken);
    expect(receipt).toBeDefined();
    expect(ctReceiptV2.parse(receipt)).toEqual(receipt);
    expect(receipt).toMatchObject({
      receiptId: act.paymentToken,
      noticeNumber: n,
      fiscalCode: EC,
      outcome: 'OK',
      paymentAmount: 12_050,
      fee: 100,
      idPSP: PSP_ID,
      PSPCompanyName: 'Banca Esempio S.p.A.',
      idChannel: PSP_CHANNEL,
      paymentMethod: 'carta',
      primaryCiIncurredFee: 0,
      paymentDateTime: '2026-11-22T09:00:00.000Z',
      applicationDate: '2026-11-22',
      standIn: false,
    });
    const status = await h.nodo.getPaymentStatus(act.paymentToken);
    expect(status).toMatchObject({ status: 'PAID', receiptId: act.paymentToken, deliveries: [{ ecFiscalCode: EC, delivered: true, attempts: 1 }] });
    expect(await h.nodo.getReceipt(act.paymentToken)).toEqual(receipt);
  });

  it('refuses a second activation while a token is live, and any activation once paid', async () => {
    const n = notice(2);
    h.ec.addPosition(n, 5_000);
    const first = await h.nodo.activatePaymentNoticeV2(activateReq(n, 5_000));
    expect(first.outcome).toBe('OK');
    expect(await h.nodo.activatePaymentNoticeV2(activateReq(n, 5_000))).toMatchObject({ outcome: 'KO', fault: { faultCode: 'PPT_PAGAMENTO_IN_CORSO' } });
    expect(await h.nodo.verifyPaymentNotice({ idPSP: PSP_ID, idChannel: PSP_CHANNEL, qrCode: { fiscalCode: EC, noticeNumber: n } })).toMatchObject({
      outcome: 'KO',
      fault: { faultCode: 'PPT_PAGAMENTO_IN_CORSO' },
    });
    if (first.outcome !== 'OK') throw new Error();
    await h.nodo.sendPaymentOutcomeV2(outcomeReq(first.paymentToken));
    expect(await h.nodo.activatePaymentNoticeV2(activateReq(n, 5_000))).toMatchObject({ outcome: 'KO', fault: { faultCode: 'PPT_PAGAMENTO_DUPLICATO' } });
    expect(h.ec.calls.getPayment).toBe(1);
  });

  it('lets a notice be activated again once its token has expired', async () => {
    const n = notice(3);
    h.ec.addPosition(n, 5_000);
    const first = await h.nodo.activatePaymentNoticeV2(activateReq(n, 5_000, { expirationTime: 60_000 }));
    if (first.outcome !== 'OK') throw new Error();
    h.clock.advance(60_000);
    const second = await h.nodo.activatePaymentNoticeV2(activateReq(n, 5_000));
    expect(second.outcome).toBe('OK');
    expect(await h.nodo.getPaymentStatus(first.paymentToken)).toMatchObject({ status: 'EXPIRED' });
    expect(await h.nodo.sendPaymentOutcomeV2(outcomeReq(first.paymentToken))).toMatchObject({ fault: { faultCode: 'PPT_TOKEN_SCADUTO' } });
  });

  it('honours the idempotency key: same request same token, different request PPT_ERRORE_IDEMPOTENZA', async () => {
    const n = notice(4);
    h.ec.addPosition(n, 7_000);
    const key = `${PSP_ID}_a1b2c3d4e5`;
    const a = await h.nodo.activatePaymentNoticeV2(activateReq(n, 7_000, { idempotencyKey: key }));
    const b = await h.nodo.activatePaymentNoticeV2(activateReq(n, 7_000, { idempotencyKey: key }));
    expect(a.outcome).toBe('OK');
    expect(b).toEqual(a);
    expect(h.ec.calls.getPayment).toBe(1);
    expect(await h.nodo.activatePaymentNoticeV2(activateReq(n, 7_000, { idempotencyKey: key, paymentMethod: 'conto' }))).toMatchObject({
      outcome: 'KO',
      fault: { faultCode: 'PPT_ERRORE_IDEMPOTENZA' },
    });
    // once the token's validity is over the key may be used again
    h.clock.advance(1_800_000);
    const c = await h.nodo.activatePaymentNoticeV2(activateReq(n, 7_000, { idempotencyKey: key, paymentMethod: 'conto' }));
    expect(c.outcome).toBe('OK');
    if (c.outcome !== 'OK' || a.outcome !== 'OK') throw new Error();
    expect(c.paymentToken).not.toBe(a.paymentToken);
  });

  it('answers the two activations of a race with one token', async () => {
    const n = notice(5);
    h.ec.addPosition(n, 1_000);
    const [a, b] = await Promise.all([h.nodo.activatePaymentNoticeV2(activateReq(n, 1_000)), h.nodo.activatePaymentNoticeV2(activateReq(n, 1_000))]);
    expect([a.outcome, b.outcome].sort()).toEqual(['KO', 'OK']);
    expect((a.outcome === 'KO' ? a : b)).toMatchObject({ fault: { faultCode: 'PPT_PAGAMENTO_IN_CORSO' } });
  });

  it('wraps EC faults in PPT_ERRORE_EMESSO_DA_PAA and knows unregistered ECs', async () => {
    const unknown = await h.nodo.verifyPaymentNotice({ idPSP: PSP_ID, idChannel: PSP_CHANNEL, qrCode: { fiscalCode: EC, noticeNumber: notice(99) } });
    expect(unknown).toMatchObject({
      outcome: 'KO',
      fault: { faultCode: 'PPT_ERRORE_EMESSO_DA_PAA', originalFaultCode: 'PAA_PAGAMENTO_SCONOSCIUTO', id: EC },
    });
    const n = notice(6);
    h.ec.addPosition(n, 1_000).status = 'INVALID';
    expect(await h.nodo.activatePaymentNoticeV2(activateReq(n, 1_000))).toMatchObject({
      fault: { faultCode: 'PPT_ERRORE_EMESSO_DA_PAA', originalFaultCode: 'PAA_PAGAMENTO_ANNULLATO' },
    });
    expect(await h.nodo.verifyPaymentNotice({ idPSP: PSP_ID, idChannel: PSP_CHANNEL, qrCode: { fiscalCode: '01234567897', noticeNumber: n } })).toMatchObject({
      fault: { faultCode: 'PPT_DOMINIO_SCONOSCIUTO' },
    });
  });

  it('rejects unknown and repeated outcomes', async () => {
    expect(await h.nodo.sendPaymentOutcomeV2(outcomeReq('f'.repeat(32)))).toMatchObject({ fault: { faultCode: 'PPT_TOKEN_SCONOSCIUTO' } });
    const n = notice(7);
    h.ec.addPosition(n, 1_000);
    const act = await h.nodo.activatePaymentNoticeV2(activateReq(n, 1_000));
    if (act.outcome !== 'OK') throw new Error();
    await h.nodo.sendPaymentOutcomeV2(outcomeReq(act.paymentToken));
    expect(await h.nodo.sendPaymentOutcomeV2(outcomeReq(act.paymentToken))).toMatchObject({ fault: { faultCode: 'PPT_ESITO_GIA_ACQUISITO' } });
    expect(await h.nodo.sendPaymentOutcomeV2(outcomeReq(act.paymentToken, 'KO'))).toMatchObject({ fault: { faultCode: 'PPT_ESITO_GIA_ACQUISITO' } });
    expect(h.ec.receiptsFor(n)).toHaveLength(1);
  });

  it('releases the notice on a KO outcome', async () => {
    const n = notice(8);
    h.ec.addPosition(n, 1_000);
    const act = await h.nodo.activatePaymentNoticeV2(activateReq(n, 1_000));
    if (act.outcome !== 'OK') throw new Error();
    expect(await h.nodo.sendPaymentOutcomeV2(outcomeReq(act.paymentToken, 'KO'))).toEqual({ outcome: 'OK' });
    expect(h.ec.receipts.size).toBe(0);
    expect((await payNotice(h, n, 1_000)).step).toBe('pay');
  });

  it('delivers the receipt to every EC in the transfer list', async () => {
    const n = notice(9);
    h.ec.addPosition(n, 10_000, { secondary: { fiscalCode: SECONDARY_EC, iban: SECONDARY_IBAN, amount: 2_500 } });
    const r = await payNotice(h, n, 10_000);
    expect(r).toMatchObject({ step: 'pay', payment: { outcome: 'OK' } });
    if (r.step !== 'pay' || r.payment.outcome !== 'OK') throw new Error();
    expect(h.ec.receipts.has(r.payment.receiptId)).toBe(true);
    expect(h.secondary.receipts.get(r.payment.receiptId)?.transferList).toHaveLength(2);
    expect((await h.nodo.getPaymentStatus(r.payment.receiptId))?.deliveries.map((d) => [d.ecFiscalCode, d.delivered])).toEqual([
      [EC, true],
      [SECONDARY_EC, true],
    ]);
  });

  it('refuses transfers to an IBAN the EC has not registered, once it has registered its list', async () => {
    await h.nodo.setIbans(EC, ['IT57N0760114800000011050036']);
    const n = notice(10);
    h.ec.addPosition(n, 1_000);
    expect(await h.nodo.activatePaymentNoticeV2(activateReq(n, 1_000))).toMatchObject({ fault: { faultCode: 'PPT_IBAN_NON_CENSITO' } });
    await h.nodo.setIbans(EC, ['IT60 X054 2811 1010 0000 0123 456', 'IT57N0760114800000011050036']);
    expect((await h.nodo.activatePaymentNoticeV2(activateReq(n, 1_000))).outcome).toBe('OK');
  });

  it('charges the PSP bundle fee and reports amount + fee', async () => {
    const n = notice(11);
    h.ec.addPosition(n, 20_000);
    const r = await payNotice(h, n, 20_000, 'carta');
    // Banca Esempio carta: 0,50 € + 0,40% of 200 € = 1,30 €
    expect(r).toMatchObject({ payment: { outcome: 'OK', fee: 130, totalAmount: 20_130 } });
    if (r.step !== 'pay' || r.payment.outcome !== 'OK') throw new Error();
    expect(h.ec.receipts.get(r.payment.receiptId)).toMatchObject({ fee: 130, idBundle: 'BESMIT01-C01' });
  });

  it('refuses malformed input with field errors and touches nothing', async () => {
    await expect(h.nodo.activatePaymentNoticeV2(activateReq('123', 1_000))).rejects.toMatchObject({ code: 'IPC_INVALID_INPUT' });
    await expect(h.nodo.activatePaymentNoticeV2(activateReq(notice(1), 1_000, { expirationTime: 1_800_001 }))).rejects.toMatchObject({
      code: 'IPC_INVALID_INPUT',
      fieldErrors: { expirationTime: expect.any(Array) },
    });
    await expect(h.nodo.activatePaymentNoticeV2(activateReq(notice(1), 1_000, { idPSP: 'SCONOSCIUTO' }))).rejects.toMatchObject({
      fieldErrors: { idPSP: ['PSP sconosciuto.'] },
    });
  });
});
