import type { CtReceiptV2 } from '../../src-shared/sanp/messages';
import type { Db } from '../db/openDatabase';
import { cached } from '../db/statementCache';
import type { ReceiptAnomaly, StoredReceipt } from './types';

interface ReceiptRow {
  id: number;
  receipt_id: string;
  option_id: number;
  notice_number: string;
  iuv: string;
  ec_fiscal_code: string;
  outcome: 'OK' | 'KO';
  payment_amount: number;
  fee: number;
  primary_ci_incurred_fee: number | null;
  id_psp: string;
  psp_fiscal_code: string | null;
  psp_company_name: string;
  id_channel: string;
  id_bundle: string | null;
  payer_type: 'F' | 'G' | null;
  payer_fiscal_code: string | null;
  payer_full_name: string | null;
  payment_method: string;
  payment_date_time: string;
  application_date: string;
  transfer_date: string;
  stand_in: number;
  payload: string;
  received_at: string;
  anomaly: ReceiptAnomaly | null;
}

function toReceipt(row: ReceiptRow): StoredReceipt {
  return {
    id: row.id,
    receiptId: row.receipt_id,
    optionId: row.option_id,
    noticeNumber: row.notice_number,
    iuv: row.iuv,
    ecFiscalCode: row.ec_fiscal_code,
    outcome: row.outcome,
    paymentAmount: row.payment_amount,
    fee: row.fee,
    primaryCiIncurredFee: row.primary_ci_incurred_fee,
    idPsp: row.id_psp,
    pspFiscalCode: row.psp_fiscal_code,
    pspCompanyName: row.psp_company_name,
    idChannel: row.id_channel,
    idBundle: row.id_bundle,
    payerType: row.payer_type,
    payerFiscalCode: row.payer_fiscal_code,
    payerFullName: row.payer_full_name,
    paymentMethod: row.payment_method,
    paymentDateTime: row.payment_date_time,
    applicationDate: row.application_date,
    transferDate: row.transfer_date,
    standIn: row.stand_in === 1,
    payload: row.payload,
    receivedAt: row.received_at,
    anomaly: row.anomaly,
  };
}

/** One line of a payer's history: a successful receipt with what the position says about it. */
export interface PayerReceiptRecord {
  id: number;
  receiptId: string;
  positionId: number;
  noticeNumber: string;
  ecFiscalCode: string;
  companyName: string;
  description: string;
  paymentAmount: number;
  fee: number;
  paymentDateTime: string;
  pspCompanyName: string;
  debtorFiscalCode: string;
  payerFiscalCode: string | null;
}

interface PayerReceiptRow {
  id: number;
  receipt_id: string;
  position_id: number;
  notice_number: string;
  ec_fiscal_code: string;
  company_name: string;
  description: string;
  payment_amount: number;
  fee: number;
  payment_date_time: string;
  psp_company_name: string;
  debtor_fiscal_code: string;
  payer_fiscal_code: string | null;
}

/**
 * Receipts whose debtor or payer is a fiscal code: the debtor's side walks debt_position_debtor,
 * the options and receipt_option; the payer's side walks receipt_payer (migration 0006). Only
 * successful payments: a KO receipt settles nothing.
 */
const PAYER_RECEIPTS = `
  SELECT r.id, r.receipt_id, o.position_id, r.notice_number, r.ec_fiscal_code, p.company_name, o.description,
         r.payment_amount, r.fee, r.payment_date_time, r.psp_company_name, p.debtor_fiscal_code, r.payer_fiscal_code
    FROM receipt r
    JOIN payment_option o ON o.id = r.option_id
    JOIN debt_position p ON p.id = o.position_id
   WHERE r.id IN (
           SELECT r2.id FROM debt_position p2
             JOIN payment_option o2 ON o2.position_id = p2.id
             JOIN receipt r2 ON r2.option_id = o2.id
            WHERE p2.debtor_fiscal_code = @fiscalCode
           UNION ALL
           SELECT id FROM receipt WHERE payer_fiscal_code = @fiscalCode)
     AND r.outcome = 'OK'`;

function toPayerReceipt(row: PayerReceiptRow): PayerReceiptRecord {
  return {
    id: row.id,
    receiptId: row.receipt_id,
    positionId: row.position_id,
    noticeNumber: row.notice_number,
    ecFiscalCode: row.ec_fiscal_code,
    companyName: row.company_name,
    description: row.description,
    paymentAmount: row.payment_amount,
    fee: row.fee,
    paymentDateTime: row.payment_date_time,
    pspCompanyName: row.psp_company_name,
    debtorFiscalCode: row.debtor_fiscal_code,
    payerFiscalCode: row.payer_fiscal_code,
  };
}

export class ReceiptRepository {
  constructor(private readonly db: Db) {}

  findByReceiptId(receiptId: string): StoredReceipt | null {
    const row = cached<[string], ReceiptRow>(this.db, 'SELECT * FROM receipt WHERE receipt_id = ?').get(receiptId);
    return row ? toReceipt(row) : null;
  }

  findById(id: number): StoredReceipt | null {
    const row = cached<[number], ReceiptRow>(this.db, 'SELECT * FROM receipt WHERE id = ?').get(id);
    return row ? toReceipt(row) : null;
  }

  listByOption(optionId: number): StoredReceipt[] {
    // oldest first, sorted here (see statementCache.ts on ORDER BY)
    return cached<[number], ReceiptRow>(this.db, 'SELECT * FROM receipt WHERE option_id = ?')
      .all(optionId)
      .sort((a, b) => a.id - b.id)
      .map(toReceipt);
  }

  /** Receipts the EC must look at (double payments and the like), newest first. */
  listAnomalies(limit: number): StoredReceipt[] {
    return cached<[number], ReceiptRow>(
      this.db,
      'SELECT * FROM receipt WHERE anomaly IS NOT NULL ORDER BY received_at DESC LIMIT ?',
    )
      .all(limit)
      .map(toReceipt);
  }

  /**
   * A payer's receipts, newest first, keyset-paginated by row id (receipts get increasing ids in
   * the order the EC received them): `beforeId` is the last id of the previous page.
   */
  pageForFiscalCode(fiscalCode: string, limit: number, beforeId: number | null): PayerReceiptRecord[] {
    return cached<[{ fiscalCode: string; beforeId: number; limit: number }], PayerReceiptRow>(
      this.db,
      `${PAYER_RECEIPTS} AND r.id < @beforeId ORDER BY r.id DESC LIMIT @limit`,
    )
      .all({ fiscalCode, beforeId: beforeId ?? Number.MAX_SAFE_INTEGER, limit })
      .map(toPayerReceipt);
  }

  /** One receipt, only if that fiscal code is its debtor or its payer. */
  findForFiscalCode(fiscalCode: string, id: number): PayerReceiptRecord | null {
    const row = cached<[{ fiscalCode: string; id: number }], PayerReceiptRow>(this.db, `${PAYER_RECEIPTS} AND r.id = @id`).get({ fiscalCode, id });
    return row ? toPayerReceipt(row) : null;
  }

  insert(receipt: CtReceiptV2, optionId: number, receivedAt: string, anomaly: ReceiptAnomaly | null): number {
    const payer = receipt.payer;
    const result = cached(
      this.db,
      `INSERT INTO receipt (receipt_id, option_id, notice_number, iuv, ec_fiscal_code, outcome, payment_amount, fee,
         primary_ci_incurred_fee, id_psp, psp_fiscal_code, psp_company_name, id_channel, id_bundle, payer_type,
         payer_fiscal_code, payer_full_name, payment_method, payment_date_time, application_date, transfer_date, stand_in,
         payload, received_at, anomaly)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      receipt.receiptId,
      optionId,
      receipt.noticeNumber,
      receipt.creditorReferenceId,
      receipt.fiscalCode,
      receipt.outcome,
      receipt.paymentAmount,
      receipt.fee,
      receipt.primaryCiIncurredFee ?? null,
      receipt.idPSP,
      receipt.pspFiscalCode ?? null,
      receipt.PSPCompanyName,
      receipt.idChannel,
      receipt.idBundle ?? null,
      payer?.uniqueIdentifier.entityUniqueIdentifierType ?? null,
      payer?.uniqueIdentifier.entityUniqueIdentifierValue ?? null,
      payer?.fullName ?? null,
      receipt.paymentMethod,
      receipt.paymentDateTime,
      receipt.applicationDate,
      receipt.transferDate,
      receipt.standIn ? 1 : 0,
      JSON.stringify(receipt),
      receivedAt,
      anomaly,
    );
    return Number(result.lastInsertRowid);
  }
}
