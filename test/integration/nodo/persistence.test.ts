import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { drainAndCheck } from './support/consistency';
import { activateReq, createHarness, notice, outcomeReq, payNotice, PSP_ID, type Harness } from './support/harness';

let h: Harness;
afterEach(() => h.close());

describe('restarts', () => {
  it('closes a payment activated before the restart', async () => {
    h = await createHarness();
    const n = notice(1);
    h.ec.addPosition(n, 4_200);
    const act = await h.nodo.activatePaymentNoticeV2(activateReq(n, 4_200, { idempotencyKey: `${PSP_ID}_k000000001` }));
    if (act.outcome !== 'OK') throw new Error();
    await h.restart();
    // the idempotency key and the live token survived
    expect(await h.nodo.activatePaymentNoticeV2(activateReq(n, 4_200, { idempotencyKey: `${PSP_ID}_k000000001` }))).toEqual(act);
    expect(await h.nodo.activatePaymentNoticeV2(activateReq(n, 4_200))).toMatchObject({ fault: { faultCode: 'PPT_PAGAMENTO_IN_CORSO' } });
    expect(await h.nodo.sendPaymentOutcomeV2(outcomeReq(act.paymentToken))).toEqual({ outcome: 'OK' });
    expect(h.ec.receiptsFor(n)).toHaveLength(1);
    await drainAndCheck(h);
  });

  it('delivers after reopening the receipts queued before closing', async () => {
    h = await createHarness();
    const n = notice(2);
    h.ec.addPosition(n, 4_200);
    h.nodo.disconnectStation(h.stationCode);
    const act = await h.nodo.activatePaymentNoticeV2(activateReq(n, 4_200));
    expect(act).toMatchObject({ fault: { faultCode: 'PPT_STAZIONE_INT_PA_IRRAGGIUNGIBILE' } });
    h.nodo.connectStation(h.stationCode, h.ec);
    const paid = await payNotice(h, n, 4_200);
    expect(paid).toMatchObject({ payment: { outcome: 'OK' } });
    expect(h.ec.receipts.size).toBe(1);

    const m = notice(3);
    h.ec.addPosition(m, 1_000);
    const act2 = await h.nodo.activatePaymentNoticeV2(activateReq(m, 1_000));
    if (act2.outcome !== 'OK') throw new Error();
    h.nodo.disconnectStation(h.stationCode);
    expect(await h.nodo.sendPaymentOutcomeV2(outcomeReq(act2.paymentToken))).toEqual({ outcome: 'OK' });
    expect(h.ec.receiptsFor(m)).toHaveLength(0);

    await h.restart({ connect: false });
    expect(await h.nodo.deliverPendingReceipts()).toMatchObject({ attempted: 0, pending: 1 });
    h.nodo.connectStation(h.stationCode, h.ec);
    h.clock.advance(30_000);
    expect(await h.nodo.deliverPendingReceipts()).toMatchObject({ delivered: 1, pending: 0 });
    expect(h.ec.receiptsFor(m).map((r) => r.receiptId)).toEqual([act2.paymentToken]);
    await drainAndCheck(h);
  });

  it('waits for background deliveries before closing', async () => {
    h = await createHarness({ config: { delivery: { awaitOnOutcome: false } } });
    const n = notice(4);
    h.ec.addPosition(n, 1_000);
    const act = await h.nodo.activatePaymentNoticeV2(activateReq(n, 1_000));
    if (act.outcome !== 'OK') throw new Error();
    await h.nodo.sendPaymentOutcomeV2(outcomeReq(act.paymentToken));
    await h.restart();
    expect(h.ec.receiptsFor(n)).toHaveLength(1);
    await drainAndCheck(h);
  });

  it('hands out the same tokens with or without a restart in the middle (the RNG position is saved)', async () => {
    const run = async (restartAfter: number | null): Promise<string[]> => {
      h = await createHarness({ seed: 7 });
      const tokens: string[] = [];
      for (let i = 1; i <= 4; i++) {
        if (i === restartAfter) await h.restart();
        h.ec.addPosition(notice(i), 1_000);
        const act = await h.nodo.activatePaymentNoticeV2(activateReq(notice(i), 1_000));
        if (act.outcome !== 'OK') throw new Error();
        tokens.push(act.paymentToken);
      }
      await h.close();
      return tokens;
    };
    const straight = await run(null);
    expect(new Set(straight).size).toBe(4);
    expect(await run(3)).toEqual(straight);
  });

  it('survives a hard kill: the receipt committed before it is delivered after reopening', async () => {
    h = await createHarness();
    const n = notice(5);
    await h.close();
    const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'support', 'crashChild.ts'), h.dir, n], {
      cwd: path.resolve(__dirname, '../../..'),
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(child.signal).toBe('SIGKILL');
    const token = child.stdout.trim();
    expect(token).toMatch(/^[0-9a-f]{32}$/);

    h.ec.addPosition(n, 2_500);
    await h.restart();
    h.clock.advance(30_000);
    expect(await h.nodo.deliverPendingReceipts()).toMatchObject({ delivered: 1, pending: 0 });
    expect(h.ec.receiptsFor(n).map((r) => r.receiptId)).toEqual([token]);
    expect(await h.nodo.activatePaymentNoticeV2(activateReq(n, 2_500))).toMatchObject({ fault: { faultCode: 'PPT_PAGAMENTO_DUPLICATO' } });
    await drainAndCheck(h);
  });
});
