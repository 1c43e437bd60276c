import { expect } from 'vitest';
import type { Harness } from './harness';

/**
 * Lets the retry loop run until the queue is empty (moving the clock past each backoff), then checks
 * the invariants every scenario must keep: no notice paid twice, every paid notice's receipt held by
 * its EC exactly once, no receipt at the EC without a payment on the Nodo.
 */
export async function drainAndCheck(h: Harness, maxRounds = 20): Promise<void> {
  await h.nodo.whenIdle();
  for (let round = 0; round < maxRounds; round++) {
    const report = await h.nodo.deliverPendingReceipts();
    if (report.pending === 0) break;
    h.clock.set(report.nextAttemptAt!);
  }
  const db = h.nodo.db;
  expect(db.prepare("SELECT count(*) AS n FROM receipt_delivery WHERE status = 'PENDING'").get()).toEqual({ n: 0 });
  const paidTwice = db.prepare("SELECT notice_number FROM payment_token WHERE status = 'PAID' GROUP BY ec_fiscal_code, notice_number HAVING count(*) > 1").all();
  expect(paidTwice).toEqual([]);
  const paid = db.prepare<[], { token: string; notice_number: string }>("SELECT token, notice_number FROM payment_token WHERE status = 'PAID'").all();
  for (const p of paid) {
    const atEc = h.ec.receiptsFor(p.notice_number);
    expect(atEc.map((r) => r.receiptId)).toEqual([p.token]);
  }
  const paidTokens = new Set(paid.map((p) => p.token));
  for (const id of h.ec.receipts.keys()) expect(paidTokens.has(id)).toBe(true);
}
