import type { Db } from '../db/openDatabase';
import { insertMany } from '../db/insertMany';
import { cached } from '../db/statementCache';
import type { LineFacts, LineResult } from './lineMatching';

export interface StoredFlow {
  id: number;
  flowId: string;
  revision: number;
  settlementDate: string;
  pspId: string;
  pspName: string;
  iban: string;
  declaredPayments: number;
  declaredAmount: number;
  lineCount: number;
  matchedLines: number;
  matchedAmount: number;
  headerIssues: Array<{ code: string; message: string }>;
  status: 'reconciled' | 'withIssues';
  positionsReported: number;
  importedAt: string;
  importedBy: string;
}

interface FlowRow {
  id: number;
  flow_id: string;
  revision: number;
  settlement_date: string;
  psp_id: string;
  psp_name: string;
  iban: string;
  declared_payments: number;
  declared_amount: number;
  line_count: number;
  matched_lines: number;
  matched_amount: number;
  header_issues: string;
  status: 'reconciled' | 'withIssues';
  positions_reported: number;
  imported_at: string;
  imported_by: string;
}

function toFlow(row: FlowRow): StoredFlow {
  return {
    id: row.id,
    flowId: row.flow_id,
    revision: row.revision,
    settlementDate: row.settlement_date,
    pspId: row.psp_id,
    pspName: row.psp_name,
    iban: row.iban,
    declaredPayments: row.declared_payments,
    declaredAmount: row.declared_amount,
    lineCount: row.line_count,
    matchedLines: row.matched_lines,
    matchedAmount: row.matched_amount,
    headerIssues: JSON.parse(row.header_issues) as StoredFlow['headerIssues'],
    status: row.status,
    positionsReported: row.positions_reported,
    importedAt: row.imported_at,
    importedBy: row.imported_by,
  };
}

export interface NewFlow {
  flowId: string;
  revision: number;
  flowDateTime: string;
  settlementDate: string;
  settlementReference: string;
  pspId: string;
  pspName: string;
  receiverFiscalCode: string;
  iban: string;
  declaredPayments: number;
  declaredAmount: number;
  bankTransfer: { amount: number; date: string; remittanceInformation: string } | null;
  importedAt: string;
  importedBy: string;
}

export interface NewLine {
  lineNo: number;
  iuv: string;
  iur: string;
  transferIndex: number;
  amount: number;
  outcomeCode: number;
  outcomeDate: string;
  result: LineResult;
  receiptRow: number | null;
  expectedAmount: number | null;
}

export interface StoredLineIssue {
  lineNo: number;
  iuv: string;
  iur: string;
  transferIndex: number;
  amount: number;
  expectedAmount: number | null;
  result: Exclude<LineResult, 'MATCHED'>;
}

interface FactsRow {
  receipt_row: number;
  receipt_iuv: string;
  transfer_amount: number | null;
  transfer_ec: string | null;
  transfer_iban: string | null;
  reported_by: string | null;
  option_id: number;
  position_id: number;
  settles: number;
  ec_transfers: number;
}

/**
 * What marking a receipt's option reported needs, read with the line's own lookup so that no
 * second pass over receipts, options and positions is needed for the common case.
 */
export interface ReceiptSettlement {
  optionId: number;
  positionId: number;
  /** the receipt is the one that paid the option, and the option is not reported yet */
  settles: boolean;
  /** how many of the option's transfers credit the EC: the option is reported when all of them are */
  ecTransfers: number;
}

export type LineLookup = LineFacts & { settlement: ReceiptSettlement | null };

/** SQL of reconciliation: flows, lines, reported transfers, and the option/position updates they cause. */
export class ReconciliationRepository {
  constructor(private readonly db: Db) {}

  findFlow(flowId: string, revision: number): StoredFlow | null {
    const row = cached<[string, number], FlowRow>(this.db, 'SELECT * FROM settlement_flow WHERE flow_id = ? AND revision = ?').get(
      flowId,
      revision,
    );
    return row ? toFlow(row) : null;
  }

  latestRevision(flowId: string): number | null {
    const row = cached<[string], { r: number | null }>(this.db, 'SELECT max(revision) AS r FROM settlement_flow WHERE flow_id = ?').get(flowId);
    return row?.r ?? null;
  }

  listFlows(limit: number): StoredFlow[] {
    return cached<[number], FlowRow>(this.db, 'SELECT * FROM settlement_flow ORDER BY settlement_date DESC, id DESC LIMIT ?')
      .all(limit)
      .map(toFlow);
  }

  /**
   * Everything `matchLine` needs about many lines, and what marking their receipts reported needs, in
   * one statement: the lines go in as a JSON array and SQLite does the indexed lookups itself,
   * without a round trip per line.
   */
  factsMany(lines: ReadonlyArray<{ iuv: string; iur: string; transferIndex: number }>, ecFiscalCode: string): LineLookup[] {
    const rows = cached<[string, string], FactsRow & { i: number; iuv_known: number | null }>(
      this.db,
      `SELECT j.key AS i, r.id AS receipt_row, r.iuv AS receipt_iuv,
              t.amount AS transfer_amount, t.ec_fiscal_code AS transfer_ec, t.iban AS transfer_iban,
              f.flow_id AS reported_by,
              CASE WHEN r.id IS NULL OR r.iuv <> j.value ->> 0
                   THEN EXISTS (SELECT 1 FROM payment_option o WHERE o.iuv = j.value ->> 0) END AS iuv_known,
              o.id AS option_id, o.position_id, o.paid_receipt_id IS r.id AND o.status = 'paid' AS settles,
              (SELECT count(*) FROM transfer e WHERE e.option_id = o.id AND e.ec_fiscal_code = ec.code) AS ec_transfers
         FROM json_each(?) j
         JOIN (SELECT ? AS code) ec
         LEFT JOIN receipt r ON r.receipt_id = j.value ->> 1
         LEFT JOIN transfer t ON t.option_id = r.option_id AND t.transfer_index = j.value ->> 2
         LEFT JOIN reported_transfer rt ON rt.receipt_row = r.id AND rt.transfer_index = j.value ->> 2
         LEFT JOIN settlement_flow f ON f.id = rt.flow_row
         LEFT JOIN payment_option o ON o.id = r.option_id
        ORDER BY j.key`,
    ).all(JSON.stringify(lines.map((l) => [l.iuv, l.iur, l.transferIndex])), ecFiscalCode);
    return rows.map((row, i) => {
      if (row.i !== i) throw new Error('factsMany: rows out of order');
      if (row.receipt_row !== null && row.iuv_known === null) {
        return {
          iuvKnown: true,
          receipt: {
            row: row.receipt_row,
            iuv: row.receipt_iuv,
            transfer:
              row.transfer_amount === null ? null : { amount: row.transfer_amount, ecFiscalCode: row.transfer_ec!, iban: row.transfer_iban! },
            reportedByFlowId: row.reported_by,
          },
          settlement: {
            optionId: row.option_id,
            positionId: row.position_id,
            settles: row.settles === 1,
            ecTransfers: row.ec_transfers,
          },
        };
      }
      return { iuvKnown: row.iuv_known === 1, receipt: null, settlement: null };
    });
  }

  insertFlow(flow: NewFlow): number {
    const result = cached(
      this.db,
      `INSERT INTO settlement_flow (flow_id, revision, flow_date_time, settlement_date, settlement_reference, psp_id, psp_name,
         receiver_fiscal_code, iban, declared_payments, declared_amount, bank_transfer_amount, bank_transfer_date,
         bank_transfer_remittance, line_count, matched_lines, matched_amount, header_issues, status, positions_reported,
         imported_at, imported_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, '[]', 'withIssues', 0, ?, ?)`,
    ).run(
      flow.flowId,
      flow.revision,
      flow.flowDateTime,
      flow.settlementDate,
      flow.settlementReference,
      flow.pspId,
      flow.pspName,
      flow.receiverFiscalCode,
      flow.iban,
      flow.declaredPayments,
      flow.declaredAmount,
      flow.bankTransfer?.amount ?? null,
      flow.bankTransfer?.date ?? null,
      flow.bankTransfer?.remittanceInformation ?? null,
      flow.importedAt,
      flow.importedBy,
    );
    return Number(result.lastInsertRowid);
  }

  /** Stores many lines of a flow. */
  insertLines(flowRow: number, lines: readonly NewLine[]): void {
    insertMany(
      this.db,
      'INSERT',
      'settlement_line (flow_row, line_no, iuv, iur, transfer_index, amount, outcome_code, outcome_date, result, receipt_row, expected_amount)',
      '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      lines.map((l) => [flowRow, l.lineNo, l.iuv, l.iur, l.transferIndex, l.amount, l.outcomeCode, l.outcomeDate, l.result, l.receiptRow, l.expectedAmount]),
    );
  }

  /**
   * Records that `flowRow` reported these transfers; a transfer some flow already reported (a
   * revision of the same flow) keeps its first reporter.
   */
  markReportedMany(flowRow: number, transfers: ReadonlyArray<{ receiptRow: number; transferIndex: number }>): void {
    insertMany(
      this.db,
      'INSERT OR IGNORE',
      'reported_transfer (receipt_row, transfer_index, flow_row)',
      '(?, ?, ?)',
      transfers.map((t) => [t.receiptRow, t.transferIndex, flowRow]),
    );
  }

  finishFlow(
    flowRow: number,
    totals: { lineCount: number; matchedLines: number; matchedAmount: number; headerIssues: unknown[]; positionsReported: number },
  ): void {
    const status = totals.matchedLines === totals.lineCount && totals.headerIssues.length === 0 ? 'reconciled' : 'withIssues';
    cached(
      this.db,
      `UPDATE settlement_flow SET line_count = ?, matched_lines = ?, matched_amount = ?, header_issues = ?, status = ?,
         positions_reported = ? WHERE id = ?`,
    ).run(totals.lineCount, totals.matchedLines, totals.matchedAmount, JSON.stringify(totals.headerIssues), status, totals.positionsReported, flowRow);
  }

  lineIssues(flowRow: number, limit: number): StoredLineIssue[] {
    return cached<[number, number], StoredLineIssue>(
      this.db,
      `SELECT line_no AS lineNo, iuv, iur, transfer_index AS transferIndex, amount, expected_amount AS expectedAmount, result
         FROM settlement_line WHERE flow_row = ? AND result <> 'MATCHED' ORDER BY line_no LIMIT ?`,
    ).all(flowRow, limit);
  }

  issueCounts(flowRow: number): Array<{ result: Exclude<LineResult, 'MATCHED'>; n: number }> {
    return cached<[number], { result: Exclude<LineResult, 'MATCHED'>; n: number }>(
      this.db,
      "SELECT result, count(*) AS n FROM settlement_line WHERE flow_row = ? AND result <> 'MATCHED' GROUP BY result",
    ).all(flowRow);
  }

  /** Options known to be fully reported (every EC transfer matched by this flow) become 'reported'. */
  markOptionsReportedById(optionIds: readonly number[]): number {
    return cached(
      this.db,
      "UPDATE payment_option SET status = 'reported' WHERE id IN (SELECT value FROM json_each(?)) AND status = 'paid'",
    ).run(JSON.stringify(optionIds)).changes;
  }

  /**
   * Options settled by these receipts (the paying receipt, not a double payment) whose every transfer
   * to the EC is now reported become 'reported'. Returns the positions of the options it changed.
   */
  markOptionsReported(receiptRows: readonly number[], ecFiscalCode: string): number[] {
    return cached<[string, string], { position_id: number }>(
      this.db,
      `UPDATE payment_option SET status = 'reported'
         FROM (SELECT r.id AS receipt_row, r.option_id AS option_id FROM json_each(?) j JOIN receipt r ON r.id = j.value) m
        WHERE payment_option.id = m.option_id AND payment_option.paid_receipt_id = m.receipt_row
          AND payment_option.status = 'paid'
          AND NOT EXISTS (SELECT 1 FROM transfer t
                           WHERE t.option_id = payment_option.id AND t.ec_fiscal_code = ?
                             AND NOT EXISTS (SELECT 1 FROM reported_transfer rt
                                              WHERE rt.receipt_row = m.receipt_row AND rt.transfer_index = t.transfer_index))
       RETURNING payment_option.position_id AS position_id`,
    )
      .all(JSON.stringify(receiptRows), ecFiscalCode)
      .map((r) => r.position_id);
  }
}
