import type { Db } from '../../db/openDatabase';
import { cached } from '../../db/statementCache';
import type { FlowLine, FlowOutcomeCode, FlowSummary } from '../nodoClient';
import type { UnsettledTransfer } from '../settlement';

export interface FlowRecord extends FlowSummary {
  idBrokerPSP: string;
  receiverName: string;
  settlementDate: string;
  regulationId: string;
}

interface FlowRow {
  id: string;
  id_psp: string;
  psp_name: string;
  id_broker_psp: string;
  receiver_fiscal_code: string;
  receiver_name: string;
  iban: string;
  settlement_date: string;
  flow_date_time: string;
  regulation_id: string;
  regulation_date: string;
  total_payments: number;
  total_amount: number;
  revision: number;
}

function toFlow(r: FlowRow): FlowRecord {
  return {
    identificativoFlusso: r.id,
    dataOraFlusso: r.flow_date_time,
    dataRegolamento: r.regulation_date,
    idPSP: r.id_psp,
    pspName: r.psp_name,
    receiverFiscalCode: r.receiver_fiscal_code,
    iban: r.iban,
    totalPayments: r.total_payments,
    totalAmount: r.total_amount,
    revision: r.revision,
    idBrokerPSP: r.id_broker_psp,
    receiverName: r.receiver_name,
    settlementDate: r.settlement_date,
    regulationId: r.regulation_id,
  };
}

export interface NewFlow {
  id: string;
  idPSP: string;
  pspName: string;
  idBrokerPSP: string;
  receiverFiscalCode: string;
  receiverName: string;
  iban: string;
  settlementDate: string;
  flowDateTime: string;
  regulationId: string;
  regulationDate: string;
  totalPayments: number;
  totalAmount: number;
}

export class FlowRepository {
  constructor(private readonly db: Db) {}

  /** Transfers paid on or before `day` not yet in a flow. */
  unsettled(day: string): UnsettledTransfer[] {
    return cached<
      [string],
      {
        receipt_id: string;
        transfer_index: number;
        ec_fiscal_code: string;
        iban: string;
        amount: number;
        iuv: string;
        id_psp: string;
        payment_date_time: string;
        payment_day: string;
        outcome_code: FlowOutcomeCode;
      }
    >(
      this.db,
      `SELECT receipt_id, transfer_index, ec_fiscal_code, iban, amount, iuv, id_psp, payment_date_time, payment_day, outcome_code
         FROM receipt_transfer WHERE flow_id IS NULL AND payment_day <= ?`,
    )
      .all(day)
      .map((r) => ({
        receiptId: r.receipt_id,
        transferIndex: r.transfer_index,
        ecFiscalCode: r.ec_fiscal_code,
        iban: r.iban,
        amount: r.amount,
        iuv: r.iuv,
        idPSP: r.id_psp,
        paymentDateTime: r.payment_date_time,
        paymentDay: r.payment_day,
        outcomeCode: r.outcome_code,
      }));
  }

  flowExists(id: string): boolean {
    return cached<[string], { x: number }>(this.db, 'SELECT 1 AS x FROM flow WHERE id = ?').get(id) !== undefined;
  }

  regulationIdExists(id: string): boolean {
    return cached<[string], { x: number }>(this.db, 'SELECT 1 AS x FROM flow WHERE regulation_id = ?').get(id) !== undefined;
  }

  insertFlow(f: NewFlow, lines: ReadonlyArray<FlowLine & { receiptId: string }>): void {
    cached(
      this.db,
      `INSERT INTO flow (id, id_psp, psp_name, id_broker_psp, receiver_fiscal_code, receiver_name, iban, settlement_date, flow_date_time,
         regulation_id, regulation_date, total_payments, total_amount)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      f.id,
      f.idPSP,
      f.pspName,
      f.idBrokerPSP,
      f.receiverFiscalCode,
      f.receiverName,
      f.iban,
      f.settlementDate,
      f.flowDateTime,
      f.regulationId,
      f.regulationDate,
      f.totalPayments,
      f.totalAmount,
    );
    const insertLine = cached(
      this.db,
      `INSERT INTO flow_line (flow_id, line_no, iuv, iur, transfer_index, amount, outcome_code, outcome_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const markSettled = cached(this.db, 'UPDATE receipt_transfer SET flow_id = ? WHERE receipt_id = ? AND transfer_index = ? AND flow_id IS NULL');
    lines.forEach((l, i) => {
      insertLine.run(f.id, i + 1, l.iuv, l.iur, l.transferIndex, l.amount, l.outcomeCode, l.outcomeDate);
      if (markSettled.run(f.id, l.receiptId, l.transferIndex).changes !== 1) {
        // the transaction rolls back: a transfer must never end up in two flows
        throw new Error(`Trasferimento già rendicontato: ${l.receiptId}/${l.transferIndex}`);
      }
    });
  }

  findFlow(id: string): FlowRecord | null {
    const row = cached<[string], FlowRow>(this.db, 'SELECT * FROM flow WHERE id = ?').get(id);
    return row ? toFlow(row) : null;
  }

  lines(flowId: string): FlowLine[] {
    return cached<
      [string],
      { iuv: string; iur: string; transfer_index: number; amount: number; outcome_code: FlowOutcomeCode; outcome_date: string }
    >(this.db, 'SELECT iuv, iur, transfer_index, amount, outcome_code, outcome_date FROM flow_line WHERE flow_id = ? ORDER BY line_no')
      .all(flowId)
      .map((r) => ({ iuv: r.iuv, iur: r.iur, transferIndex: r.transfer_index, amount: r.amount, outcomeCode: r.outcome_code, outcomeDate: r.outcome_date }));
  }

  listFlows(receiverFiscalCode: string, from: string | null, to: string | null): FlowRecord[] {
    return cached<[{ ec: string; from: string | null; to: string | null }], FlowRow>(
      this.db,
      `SELECT * FROM flow WHERE receiver_fiscal_code = @ec
          AND (@from IS NULL OR settlement_date >= @from) AND (@to IS NULL OR settlement_date <= @to)
        ORDER BY settlement_date, id`,
    )
      .all({ ec: receiverFiscalCode, from, to })
      .map(toFlow);
  }
}
