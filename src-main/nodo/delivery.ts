import { paSendRTV2Res } from '../../src-shared/sanp/messages';
import type { NodoContext } from './context';
import type { Injection } from './network';
import type { DeliveryReport } from './nodoClient';
import type { StationRecord } from './repositories/onboardingRepository';
import type { DeliveryRecord } from './repositories/paymentRepository';
import { findScenario } from './scenarios';

/** Wait before retry n (1-based): base, 2×base, 4×base ... capped. */
export function retryDelayMs(failedAttempts: number, baseMs: number, maxMs: number): number {
  const exponent = Math.min(Math.max(failedAttempts - 1, 0), 30);
  return Math.min(baseMs * 2 ** exponent, maxMs);
}

type AttemptResult = 'delivered' | 'failed' | 'skipped';

/**
 * The receipt queue (paSendRTV2). Every OK outcome leaves one PENDING row per EC in nodo.db; a row
 * becomes DELIVERED only when the EC acknowledges it (OK, or PAA_RECEIPT_DUPLICATA: it had it
 * already). Failures are retried with exponential backoff, for ever: a receipt is never dropped.
 */
export class ReceiptDelivery {
  private readonly inFlight = new Set<string>();

  constructor(private readonly ctx: NodoContext) {}

  /** First attempt for freshly written receipts (right after the outcome). */
  async deliverReceipts(receiptIds: readonly string[]): Promise<void> {
    const attempts: Array<Promise<AttemptResult>> = [];
    for (const id of receiptIds) {
      for (const d of this.ctx.payments.deliveriesOf(id)) if (d.status === 'PENDING') attempts.push(this.attempt(d));
    }
    await Promise.all(attempts);
  }

  /** Retries whatever is due by the clock; loops until nothing due is left. */
  async deliverPending(): Promise<DeliveryReport> {
    const report = { attempted: 0, delivered: 0, failed: 0 };
    // each row at most once per run, so a run always ends whatever the clock does
    const seen = new Set<string>();
    for (;;) {
      const due = this.ctx.payments
        .dueDeliveries(this.ctx.clock.now().toISOString(), this.ctx.settings.deliveryBatchSize + seen.size)
        .filter((d) => !this.inFlight.has(key(d)) && !seen.has(key(d)))
        .slice(0, this.ctx.settings.deliveryBatchSize);
      if (due.length === 0) break;
      for (const d of due) seen.add(key(d));
      const results = await Promise.all(due.map((d) => this.attempt(d)));
      for (const r of results) {
        if (r === 'skipped') continue;
        report.attempted++;
        if (r === 'delivered') report.delivered++;
        else report.failed++;
      }
    }
    return { ...report, pending: this.ctx.payments.countPending(), nextAttemptAt: this.ctx.payments.nextPendingAt() };
  }

  private async attempt(d: DeliveryRecord): Promise<AttemptResult> {
    const k = key(d);
    if (this.inFlight.has(k)) return 'skipped';
    this.inFlight.add(k);
    try {
      const { payments, network, clock } = this.ctx;
      const receipt = payments.findReceipt(d.receiptId);
      if (!receipt) throw new Error(`Ricevuta ${d.receiptId} assente`);
      const attemptNo = d.attempts + 1;
      const station = this.stationFor(d);
      if (!station) return await this.failed(d, attemptNo, 'Nessuna stazione attiva dell’Ente per ricevere la ricevuta.');

      const active = this.ctx.scenarios({ noticeNumber: receipt.noticeNumber, ecFiscalCode: d.ecFiscalCode, stationCode: station.code });
      const injection: Injection = {};
      // limited by the persisted attempt count, so these survive a restart exactly
      const duplicate = findScenario(active, 'duplicateReceipt');
      if (duplicate && (duplicate.times === 0 || attemptNo <= duplicate.times)) injection.timeout = true;
      const unreachable = findScenario(active, 'receiptUnreachable');
      if (unreachable && (unreachable.times === 0 || attemptNo <= unreachable.times)) injection.unreachable = true;
      const latency = findScenario(active, 'latency');
      if (latency) injection.extraLatencyMs = latency.latencyMs;

      const res = await network.call(
        station.code,
        'paSendRTV2',
        station.timeouts.sendReceiptMs,
        injection,
        (port) => port.paSendRTV2({ idPA: d.ecFiscalCode, idBrokerPA: station.brokerFiscalCode, idStation: station.code, receipt }),
        paSendRTV2Res,
      );
      if (res.ok && (res.value.outcome === 'OK' || res.value.fault.faultCode === 'PAA_RECEIPT_DUPLICATA')) {
        const at = clock.now().toISOString();
        const note = res.value.outcome === 'OK' ? null : 'PAA_RECEIPT_DUPLICATA';
        await this.ctx.writes.run(() => payments.markDelivered(d.receiptId, d.ecFiscalCode, at, note));
        return 'delivered';
      }
      const error = res.ok
        ? res.value.outcome === 'KO'
          ? `${res.value.fault.faultCode}: ${res.value.fault.faultString}`
          : 'risposta inattesa'
        : `${res.failure}: ${res.description}`;
      return await this.failed(d, attemptNo, error);
    } catch (error) {
      this.ctx.logger.error('nodo.receipt.deliveryError', { receiptId: d.receiptId, ecFiscalCode: d.ecFiscalCode, error });
      return await this.failed(d, d.attempts + 1, 'Errore interno durante la consegna.');
    } finally {
      this.inFlight.delete(k);
    }
  }

  private async failed(d: DeliveryRecord, attemptNo: number, error: string): Promise<AttemptResult> {
    const now = this.ctx.clock.now();
    const { backoffBaseMs, backoffMaxMs } = this.ctx.settings;
    const next = new Date(now.getTime() + retryDelayMs(attemptNo, backoffBaseMs, backoffMaxMs)).toISOString();
    await this.ctx.writes.run(() => this.ctx.payments.markAttemptFailed(d.receiptId, d.ecFiscalCode, now.toISOString(), next, error));
    this.ctx.logger.warn('nodo.receipt.retry', { receiptId: d.receiptId, ecFiscalCode: d.ecFiscalCode, attempt: attemptNo, next, error });
    return 'failed';
  }

  /** The station that served the payment while it works; otherwise where the EC takes receipts. */
  private stationFor(d: DeliveryRecord): StationRecord | null {
    const { registry } = this.ctx;
    if (d.stationCode) {
      const st = registry.findStation(d.stationCode);
      if (st && st.enabled && st.state === 'Attiva') return st;
    }
    return registry.receiptStationForEc(d.ecFiscalCode);
  }
}

function key(d: DeliveryRecord): string {
  return `${d.receiptId}|${d.ecFiscalCode}`;
}
