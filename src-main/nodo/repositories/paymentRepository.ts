import type { CtReceiptV2, PaymentData } from '../../../src-shared/sanp/messages';
import type { Db } from '../../db/openDatabase';
import { cached } from '../../db/statementCache';
import type { FlowOutcomeCode, PaymentMethod, PaymentStatus, TouchPoint } from '../nodoClient';

export interface TokenRecord {
  token: string;
  ecFiscalCode: string;
  noticeNumber: string;
  stationCode: string;
  idPSP: string;
  idChannel: string;
  idempotencyKey: string | null;
  amount: number;
  paymentMethod: PaymentMethod;
  touchPoint: TouchPoint;
  status: PaymentStatus;
  paymentData: PaymentData;
  activatedAt: string;
  expiresAt: string;
  closedAt: string | null;
}

interface TokenRow {
  token: string;
  ec_fiscal_code: string;
  notice_number: string;
  station_code: string;
  id_psp: string;
  id_channel: string;
  idempotency_key: string | null;
  amount: number;
  payment_method: PaymentMethod;
  touch_point: TouchPoint;
  status: PaymentStatus;
  payment_data: string;
  activated_at: string;
  expires_at: string;
  closed_at: string | null;
}

function toToken(r: TokenRow): TokenRecord {
  return {
    token: r.token,
    ecFiscalCode: r.ec_fiscal_code,
    noticeNumber: r.notice_number,
    stationCode: r.station_code,
    idPSP: r.id_psp,
    idChannel: r.id_channel,
    idempotencyKey: r.idempotency_key,
    amount: r.amount,
    paymentMethod: r.payment_method,
    touchPoint: r.touch_point,
    status: r.status,
    paymentData: JSON.parse(r.payment_data) as PaymentData,
    activatedAt: r.activated_at,
    expiresAt: r.expires_at,
    closedAt: r.closed_at,
  };
}

export interface DeliveryRecord {
  receiptId: string;
  ecFiscalCode: string;
  stationCode: string | null;
  status: 'PENDING' | 'DELIVERED';
  attempts: number;
  nextAttemptAt: string;
  lastAttemptAt: string | null;
  lastError: string | null;
  deliveredAt: string | null;
}

interface DeliveryRow {
  receipt_id: string;
  ec_fiscal_code: string;
  station_code: string | null;
  status: 'PENDING' | 'DELIVERED';
  attempts: number;
  next_attempt_at: string;
  last_attempt_at: string | null;
  last_error: string | null;
  delivered_at: string | null;
}

function toDelivery(r: DeliveryRow): DeliveryRecord {
  return {
    receiptId: r.receipt_id,
    ecFiscalCode: r.ec_fiscal_code,
    stationCode: r.station_code,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastAttemptAt: r.last_attempt_at,
    lastError: r.last_error,
    deliveredAt: r.delivered_at,
  };
}

export interface NewToken {
  token: string;
  ecFiscalCode: string;
  noticeNumber: string;
  stationCode: string;
  idPSP: string;
  idChannel: string;
  idempotencyKey: string | null;
  amount: number;
  paymentMethod: PaymentMethod;
  touchPoint: TouchPoint;
  paymentData: PaymentData;
  activatedAt: string;
  expiresAt: string;
}

export interface NewTransfer {
  transferIndex: number;
  ecFiscalCode: string;
  iban: string;
  amount: number;
  iuv: string;
  outcomeCode: FlowOutcomeCode;
}

/** Tokens, receipts, the delivery queue and the simulation state of nodo.db. */
export class PaymentRepository {
  constructor(private readonly db: Db) {}

  // --- simulation state

  getState<T>(key: string): T | null {
    const row = cached<[string], { value: string }>(this.db, 'SELECT value FROM sim_state WHERE key = ?').get(key);
    return row ? (JSON.parse(row.value) as T) : null;
  }

  putState(key: string, value: unknown): void {
    cached(this.db, 'INSERT INTO sim_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
  }

  // --- tokens

  findToken(token: string): TokenRecord | null {
    const row = cached<[string], TokenRow>(this.db, 'SELECT * FROM payment_token WHERE token = ?').get(token);
    return row ? toToken(row) : null;
  }

  tokenExists(token: string): boolean {
    return cached<[string], { x: number }>(this.db, 'SELECT 1 AS x FROM payment_token WHERE token = ?').get(token) !== undefined;
  }

  isPaid(ecFiscalCode: string, noticeNumber: string): boolean {
    return (
      cached<[string, string], { x: number }>(
        this.db,
        "SELECT 1 AS x FROM payment_token WHERE ec_fiscal_code = ? AND notice_number = ? AND status = 'PAID'",
      ).get(ecFiscalCode, noticeNumber) !== undefined
    );
  }

  /** The ACTIVE token of a notice, whether or not its time is up. */
  activeToken(ecFiscalCode: string, noticeNumber: string): TokenRecord | null {
    const row = cached<[string, string], TokenRow>(
      this.db,
      "SELECT * FROM payment_token WHERE ec_fiscal_code = ? AND notice_number = ? AND status = 'ACTIVE'",
    ).get(ecFiscalCode, noticeNumber);
    return row ? toToken(row) : null;
  }

  insertToken(t: NewToken): void {
    cached(
      this.db,
      `INSERT INTO payment_token (token, ec_fiscal_code, notice_number, station_code, id_psp, id_channel, idempotency_key, amount,
         payment_method, touch_point, status, payment_data, activated_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?)`,
    ).run(
      t.token,
      t.ecFiscalCode,
      t.noticeNumber,
      t.stationCode,
      t.idPSP,
      t.idChannel,
      t.idempotencyKey,
      t.amount,
      t.paymentMethod,
      t.touchPoint,
      JSON.stringify(t.paymentData),
      t.activatedAt,
      t.expiresAt,
    );
  }

  /** Closes an ACTIVE token; false when it was not ACTIVE any more (someone else closed it). */
  closeToken(token: string, status: 'EXPIRED' | 'PAID' | 'KO', at: string): boolean {
    return cached(this.db, "UPDATE payment_token SET status = ?, closed_at = ? WHERE token = ? AND status = 'ACTIVE'").run(status, at, token).changes === 1;
  }

  // --- idempotency

  findIdempotency(idPSP: string, key: string): { requestHash: string; token: string; expiresAt: string } | null {
    const row = cached<[string, string], { request_hash: string; token: string; expires_at: string }>(
      this.db,
      'SELECT request_hash, token, expires_at FROM idempotency_key WHERE id_psp = ? AND idempotency_key = ?',
    ).get(idPSP, key);
    return row ? { requestHash: row.request_hash, token: row.token, expiresAt: row.expires_at } : null;
  }

  putIdempotency(idPSP: string, key: string, requestHash: string, token: string, expiresAt: string): void {
    cached(
      this.db,
      `INSERT INTO idempotency_key (id_psp, idempotency_key, request_hash, token, expires_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id_psp, idempotency_key) DO UPDATE SET request_hash = excluded.request_hash, token = excluded.token, expires_at = excluded.expires_at`,
    ).run(idPSP, key, requestHash, token, expiresAt);
  }

  // --- receipts

  insertReceipt(receipt: CtReceiptV2, paymentDay: string, transfers: readonly NewTransfer[]): void {
    cached(
      this.db,
      `INSERT INTO receipt (receipt_id, ec_fiscal_code, notice_number, id_psp, payment_amount, fee, payment_date_time, payment_day, body)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      receipt.receiptId,
      receipt.fiscalCode,
      receipt.noticeNumber,
      receipt.idPSP,
      receipt.paymentAmount,
      receipt.fee,
      receipt.paymentDateTime,
      paymentDay,
      JSON.stringify(receipt),
    );
    const insert = cached(
      this.db,
      `INSERT INTO receipt_transfer (receipt_id, transfer_index, ec_fiscal_code, iban, amount, iuv, id_psp, payment_date_time, payment_day, outcome_code)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const t of transfers) {
      insert.run(receipt.receiptId, t.transferIndex, t.ecFiscalCode, t.iban, t.amount, t.iuv, receipt.idPSP, receipt.paymentDateTime, paymentDay, t.outcomeCode);
    }
  }

  findReceipt(receiptId: string): CtReceiptV2 | null {
    const row = cached<[string], { body: string }>(this.db, 'SELECT body FROM receipt WHERE receipt_id = ?').get(receiptId);
    return row ? (JSON.parse(row.body) as CtReceiptV2) : null;
  }

  // --- delivery queue

  insertDelivery(receiptId: string, ecFiscalCode: string, stationCode: string | null, dueAt: string): void {
    cached(
      this.db,
      `INSERT INTO receipt_delivery (receipt_id, ec_fiscal_code, station_code, status, next_attempt_at) VALUES (?, ?, ?, 'PENDING', ?)`,
    ).run(receiptId, ecFiscalCode, stationCode, dueAt);
  }

  findDelivery(receiptId: string, ecFiscalCode: string): DeliveryRecord | null {
    const row = cached<[string, string], DeliveryRow>(this.db, 'SELECT * FROM receipt_delivery WHERE receipt_id = ? AND ec_fiscal_code = ?').get(
      receiptId,
      ecFiscalCode,
    );
    return row ? toDelivery(row) : null;
  }

  deliveriesOf(receiptId: string): DeliveryRecord[] {
    // in the order they were created, sorted here (see statementCache.ts on ORDER BY)
    return cached<[string], DeliveryRow & { seq: number }>(this.db, 'SELECT rowid AS seq, * FROM receipt_delivery WHERE receipt_id = ?')
      .all(receiptId)
      .sort((a, b) => a.seq - b.seq)
      .map(toDelivery);
  }

  /** Pending deliveries due by `now`, oldest first. */
  dueDeliveries(now: string, limit: number): DeliveryRecord[] {
    return cached<[string, number], DeliveryRow>(
      this.db,
      "SELECT * FROM receipt_delivery WHERE status = 'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at, receipt_id, ec_fiscal_code LIMIT ?",
    )
      .all(now, limit)
      .map(toDelivery);
  }

  countPending(): number {
    return cached<[], { n: number }>(this.db, "SELECT count(*) AS n FROM receipt_delivery WHERE status = 'PENDING'").get()!.n;
  }

  nextPendingAt(): string | null {
    return cached<[], { at: string | null }>(this.db, "SELECT min(next_attempt_at) AS at FROM receipt_delivery WHERE status = 'PENDING'").get()!.at;
  }

  markDelivered(receiptId: string, ecFiscalCode: string, at: string, note: string | null): void {
    cached(
      this.db,
      `UPDATE receipt_delivery SET status = 'DELIVERED', attempts = attempts + 1, last_attempt_at = ?, delivered_at = ?, last_error = ?
        WHERE receipt_id = ? AND ec_fiscal_code = ? AND status = 'PENDING'`,
    ).run(at, at, note, receiptId, ecFiscalCode);
  }

  markAttemptFailed(receiptId: string, ecFiscalCode: string, at: string, nextAttemptAt: string, error: string): void {
    cached(
      this.db,
      `UPDATE receipt_delivery SET attempts = attempts + 1, last_attempt_at = ?, next_attempt_at = ?, last_error = ?
        WHERE receipt_id = ? AND ec_fiscal_code = ? AND status = 'PENDING'`,
    ).run(at, nextAttemptAt, error, receiptId, ecFiscalCode);
  }
}
