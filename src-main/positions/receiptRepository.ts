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
    return cached<[number], ReceiptRow>(this.db, 'SELECT * FROM receipt WHERE option_id = ? ORDER BY id')
      .all(optionId)
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
