import { afterEach, describe, expect, it } from 'vitest';
import type { EcStationPort } from '../../../src-shared/sanp/messages';
import { scenarioNotice } from '../../../src-main/nodo/scenarios';
import { drainAndCheck } from './support/consistency';
import { activateReq, createHarness, EC, outcomeReq, payNotice, PSP_CHANNEL, PSP_ID, SEG, type Harness, type HarnessOptions } from './support/harness';

let h: Harness;
afterEach(() => h.close());

async function setup(options: HarnessOptions = {}): Promise<Harness> {
  h = await createHarness(options);
  return h;
}

const verify = (noticeNumber: string) => h.nodo.verifyPaymentNotice({ idPSP: PSP_ID, idChannel: PSP_CHANNEL, qrCode: { fiscalCode: EC, noticeNumber } });

describe('scenario 01: station timeout', () => {
  it('times out verify and activation (the EC got them), leaves no token, then the payment goes through once', async () => {
    await setup();
    const n = scenarioNotice(SEG, 'stationTimeout', 2);
    h.ec.addPosition(n, 3_000);
    const probes = h.ec.calls.verify;
    expect(await verify(n)).toMatchObject({ outcome: 'KO', fault: { faultCode: 'PPT_STAZIONE_INT_PA_TIMEOUT' } });
    expect(await h.nodo.activatePaymentNoticeV2(activateReq(n, 3_000))).toMatchObject({ fault: { faultCode: 'PPT_STAZIONE_INT_PA_TIMEOUT' } });
    expect(h.ec.calls).toMatchObject({ verify: probes + 1, getPayment: 1 });
    expect(h.nodo.db.prepare('SELECT count(*) AS n FROM payment_token').get()).toEqual({ n: 0 });
    expect(await payNotice(h, n, 3_000)).toMatchObject({ step: 'pay', payment: { outcome: 'OK' } });
    expect(await payNotice(h, n, 3_000)).toMatchObject({ step: 'verify', verify: { fault: { faultCode: 'PPT_PAGAMENTO_DUPLICATO' } } });
    await drainAndCheck(h);
  });

  it('cuts off a station that never answers with a real timer', async () => {
    await setup();
    const hanging: EcStationPort = {
      paVerifyPaymentNotice: () => new Promise(() => {}),
      paGetPaymentV2: () => new Promise(() => {}),
      paSendRTV2: () => new Promise(() => {}),
    };
    await h.nodo.updateStation(h.stationCode, { timeouts: { verifyMs: 100 } });
    h.nodo.connectStation(h.stationCode, hanging);
    const started = Date.now();
    // the connection test itself times out against the hanging station
    expect(await h.nodo.verifyStation(h.stationCode)).toMatchObject({ state: 'Da correggere', stateReason: expect.stringMatching(/100 ms/) });
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('scenario 02: station unreachable', () => {
  it('never reaches the EC while unreachable, then pays normally', async () => {
    await setup();
    const n = scenarioNotice(SEG, 'stationUnreachable', 1);
    h.ec.addPosition(n, 3_000);
    const probes = h.ec.calls.verify;
    expect(await verify(n)).toMatchObject({ fault: { faultCode: 'PPT_STAZIONE_INT_PA_IRRAGGIUNGIBILE' } });
    expect(h.ec.calls.verify).toBe(probes);
    expect(await payNotice(h, n, 3_000)).toMatchObject({ step: 'pay', payment: { outcome: 'OK' } });
    await drainAndCheck(h);
  });

  it('with T = 0 the notice can never be paid, and nothing is written', async () => {
    await setup();
    const n = scenarioNotice(SEG, 'stationUnreachable', 0);
    h.ec.addPosition(n, 3_000);
    for (let i = 0; i < 3; i++) expect(await h.nodo.activatePaymentNoticeV2(activateReq(n, 3_000))).toMatchObject({ fault: { faultCode: 'PPT_STAZIONE_INT_PA_IRRAGGIUNGIBILE' } });
    expect(h.nodo.db.prepare('SELECT count(*) AS n FROM payment_token').get()).toEqual({ n: 0 });
  });

  it('an EC whose station is disconnected gets nothing until it is back', async () => {
    await setup();
    h.nodo.disconnectStation(h.stationCode);
    expect(await verify(scenarioNotice(SEG, 'latency', 1))).toMatchObject({ fault: { faultCode: 'PPT_STAZIONE_INT_PA_IRRAGGIUNGIBILE', description: expect.stringMatching(/Nessun servizio/) } });
  });
});

describe('scenario 03: PSP refuses', () => {
  it('closes the token KO, sends no receipt, and the notice stays payable', async () => {
    await setup();
    const n = scenarioNotice(SEG, 'pspRefuses', 1);
    h.ec.addPosition(n, 4_000);
    const first = await payNotice(h, n, 4_000);
    expect(first).toMatchObject({ step: 'pay', payment: { outcome: 'REFUSED', message: expect.stringMatching(/non è stato autorizzato/) } });
    if (first.step !== 'pay') throw new Error();
    expect(await h.nodo.getPaymentStatus(first.activation.paymentToken)).toMatchObject({ status: 'KO', receiptId: null });
    expect(h.ec.receipts.size).toBe(0);
    expect(await payNotice(h, n, 4_000)).toMatchObject({ step: 'pay', payment: { outcome: 'OK' } });
    await drainAndCheck(h);
  });

  it('can be chosen by configuration for any notice', async () => {
    await setup({ config: { scenarios: [{ scenario: 'pspRefuses', ecFiscalCode: EC, times: 1 }] } });
    const n = '301000000000000144';
    h.ec.addPosition(n, 4_000);
    expect(await payNotice(h, n, 4_000)).toMatchObject({ payment: { outcome: 'REFUSED' } });
    expect(await payNotice(h, n, 4_000)).toMatchObject({ payment: { outcome: 'OK' } });
    await drainAndCheck(h);
  });
});

describe('scenario 04: duplicate receipt delivery', () => {
  it('delivers again after a lost acknowledgement; the EC answers PAA_RECEIPT_DUPLICATA and keeps one receipt', async () => {
    await setup();
    const n = scenarioNotice(SEG, 'duplicateReceipt', 1);
    h.ec.addPosition(n, 5_000);
    const r = await payNotice(h, n, 5_000);
    if (r.step !== 'pay' || r.payment.outcome !== 'OK') throw new Error('payment');
    const token = r.payment.receiptId;
    expect(h.ec.receipts.has(token)).toBe(true);
    expect(await h.nodo.getPaymentStatus(token)).toMatchObject({
      deliveries: [{ delivered: false, attempts: 1, lastError: expect.stringMatching(/TIMEOUT/), nextAttemptAt: '2026-11-22T09:00:30.000Z' }],
    });
    expect(await h.nodo.deliverPendingReceipts()).toMatchObject({ attempted: 0, pending: 1 });
    h.clock.advance(30_000);
    expect(await h.nodo.deliverPendingReceipts()).toEqual({ attempted: 1, delivered: 1, failed: 0, pending: 0, nextAttemptAt: null });
    expect(h.ec.receiptLog).toEqual([token, token]);
    expect(await h.nodo.getPaymentStatus(token)).toMatchObject({ deliveries: [{ delivered: true, attempts: 2, lastError: 'PAA_RECEIPT_DUPLICATA' }] });
    await drainAndCheck(h);
  });
});

describe('scenario 05: token expiry', () => {
  it('rejects the late outcome with PPT_TOKEN_SCADUTO, takes no money, and the notice can be paid again', async () => {
    await setup();
    const n = scenarioNotice(SEG, 'tokenExpiry', 1);
    h.ec.addPosition(n, 6_000);
    const first = await payNotice(h, n, 6_000);
    expect(first).toMatchObject({ step: 'pay', payment: { outcome: 'KO', fault: { faultCode: 'PPT_TOKEN_SCADUTO' } } });
    if (first.step !== 'pay') throw new Error();
    expect(await h.nodo.getPaymentStatus(first.activation.paymentToken)).toMatchObject({ status: 'EXPIRED' });
    expect(await payNotice(h, n, 6_000)).toMatchObject({ payment: { outcome: 'OK' } });
    await drainAndCheck(h);
  });

  it('expires by the clock too', async () => {
    await setup();
    const n = '301000000000000144';
    h.ec.addPosition(n, 6_000);
    const act = await h.nodo.activatePaymentNoticeV2(activateReq(n, 6_000));
    if (act.outcome !== 'OK') throw new Error();
    h.clock.advance(1_800_000);
    expect(await h.nodo.sendPaymentOutcomeV2(outcomeReq(act.paymentToken))).toMatchObject({ fault: { faultCode: 'PPT_TOKEN_SCADUTO' } });
    expect(await h.nodo.sendPaymentOutcomeV2(outcomeReq(act.paymentToken))).toMatchObject({ fault: { faultCode: 'PPT_TOKEN_SCADUTO' } });
    await drainAndCheck(h);
  });
});

describe('scenario 06: outcome lost and retried', () => {
  it('records the outcome though the answer is lost; the repeated outcome gets PPT_ESITO_GIA_ACQUISITO; one receipt', async () => {
    await setup();
    const n = scenarioNotice(SEG, 'outcomeLost', 1);
    h.ec.addPosition(n, 7_000);
    const act = await h.nodo.activatePaymentNoticeV2(activateReq(n, 7_000));
    if (act.outcome !== 'OK') throw new Error();
    await expect(h.nodo.sendPaymentOutcomeV2(outcomeReq(act.paymentToken))).rejects.toMatchObject({ code: 'NODO_UNAVAILABLE' });
    expect(h.ec.receipts.has(act.paymentToken)).toBe(true);
    expect(await h.nodo.sendPaymentOutcomeV2(outcomeReq(act.paymentToken))).toMatchObject({ fault: { faultCode: 'PPT_ESITO_GIA_ACQUISITO' } });
    await drainAndCheck(h);
  });

  it('the simulated PSP repeats the outcome itself and reports the payment as done', async () => {
    await setup();
    const n = scenarioNotice(SEG, 'outcomeLost', 2, 2);
    h.ec.addPosition(n, 7_000);
    const r = await payNotice(h, n, 7_000);
    expect(r).toMatchObject({ step: 'pay', payment: { outcome: 'OK' } });
    expect(h.ec.receiptLog).toHaveLength(1);
    await drainAndCheck(h);
  });
});

describe('scenario 07: latency', () => {
  it('a slow station (T seconds) still answers within its timeout; simulated time passes through the sleep hook', async () => {
    const slept: number[] = [];
    await setup({ sleep: (ms) => void slept.push(ms) });
    const n = scenarioNotice(SEG, 'latency', 3);
    h.ec.addPosition(n, 8_000);
    expect(await payNotice(h, n, 8_000)).toMatchObject({ payment: { outcome: 'OK' } });
    // verify, get payment, send receipt: 3 s each
    expect(slept).toEqual([3_000, 3_000, 3_000]);
    await drainAndCheck(h);
  });

  it('T = 0 means 20 s, beyond the 15 s timeout', async () => {
    await setup();
    const n = scenarioNotice(SEG, 'latency', 0);
    h.ec.addPosition(n, 8_000);
    expect(await verify(n)).toMatchObject({ fault: { faultCode: 'PPT_STAZIONE_INT_PA_TIMEOUT' } });
  });

  it('adds configured network latency and seeded jitter to every call', async () => {
    const slept: number[] = [];
    await setup({ config: { network: { latencyMs: 100, jitterMs: 50 } }, sleep: (ms) => void slept.push(ms) });
    slept.length = 0;
    const n = '301000000000000144';
    h.ec.addPosition(n, 8_000);
    expect(await payNotice(h, n, 8_000)).toMatchObject({ payment: { outcome: 'OK' } });
    expect(slept).toHaveLength(3);
    for (const ms of slept) expect(ms >= 100 && ms <= 150).toBe(true);
    await drainAndCheck(h);
  });
});

describe('scenario 08: receipt delivery unreachable', () => {
  it('retries with backoff (30 s, then 60 s) until the EC takes the receipt; nothing is lost', async () => {
    await setup();
    const n = scenarioNotice(SEG, 'receiptUnreachable', 2);
    h.ec.addPosition(n, 9_000);
    const r = await payNotice(h, n, 9_000);
    if (r.step !== 'pay' || r.payment.outcome !== 'OK') throw new Error();
    expect(h.ec.receipts.size).toBe(0);
    h.clock.advance(29_999);
    expect(await h.nodo.deliverPendingReceipts()).toMatchObject({ attempted: 0, pending: 1, nextAttemptAt: '2026-11-22T09:00:30.000Z' });
    h.clock.advance(1);
    expect(await h.nodo.deliverPendingReceipts()).toMatchObject({ attempted: 1, failed: 1, pending: 1, nextAttemptAt: '2026-11-22T09:01:30.000Z' });
    h.clock.advance(60_000);
    expect(await h.nodo.deliverPendingReceipts()).toMatchObject({ attempted: 1, delivered: 1, pending: 0 });
    expect(h.ec.receipts.has(r.payment.receiptId)).toBe(true);
    await drainAndCheck(h);
  });

  it('the background timer delivers what is due', async () => {
    await setup({ config: { delivery: { backoffBaseMs: 1 } } });
    const n = scenarioNotice(SEG, 'receiptUnreachable', 1);
    h.ec.addPosition(n, 9_000);
    await payNotice(h, n, 9_000);
    h.clock.advance(1);
    const stop = h.nodo.startDeliveryTimer(5);
    for (let i = 0; i < 100 && h.ec.receipts.size === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    stop();
    await h.nodo.whenIdle();
    expect(h.ec.receipts.size).toBe(1);
    expect(await h.nodo.getPaymentStatus([...h.ec.receipts.keys()][0]!)).toMatchObject({ deliveries: [{ delivered: true, attempts: 2 }] });
    await drainAndCheck(h);
  });
});

describe('many payments with mixed scenarios', () => {
  it('ends consistent: every paid notice has exactly one receipt at the EC', async () => {
    await setup();
    const names = ['stationTimeout', 'stationUnreachable', 'pspRefuses', 'duplicateReceipt', 'tokenExpiry', 'outcomeLost', 'latency', 'receiptUnreachable'] as const;
    const notices = names.flatMap((name, i) => [1, 2].map((times) => scenarioNotice(SEG, name, times, i * 10 + times)));
    for (const n of notices) h.ec.addPosition(n, 1_000);
    // each PSP keeps trying until the notice is paid or the attempts run out
    for (let attempt = 0; attempt < 4; attempt++) {
      for (const n of notices) {
        if (h.ec.positions.get(n)!.status === 'PAID' && h.nodo.db.prepare("SELECT 1 FROM payment_token WHERE notice_number = ? AND status = 'PAID'").get(n)) continue;
        await payNotice(h, n, 1_000);
      }
      h.clock.advance(60_000);
      await h.nodo.deliverPendingReceipts();
    }
    await drainAndCheck(h);
    const paid = h.nodo.db.prepare("SELECT count(*) AS n FROM payment_token WHERE status = 'PAID'").get() as { n: number };
    expect(paid.n).toBe(notices.length);
  });
});
