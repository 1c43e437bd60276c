import type { Db } from '../db/openDatabase';
import { insertMany } from '../db/insertMany';
import { cached } from '../db/statementCache';
import type { LineResult } from './lineMatching';
import { lookupArgument, lookupRows, toLineLookup, type LineLookup, type LookupLine } from './lineLookup';

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
  /** the flow's lines as received, in flow order */
  lines: readonly ReceivedLine[];
  importedAt: string;
  importedBy: string;
}

export interface ReceivedLine {
  iuv: string;
  iur: string;
  transferIndex: number;
  amount: number;
  outcomeCode: number;
  outcomeDate: string;
}

/** One line of a stored flow as received, with what reconciliation found for it. */
export interface StoredLine extends ReceivedLine {
  lineNo: number;
  result: LineResult;
  /** the receipt transfer's amount, when a receipt was found */
  expectedAmount: number | null;
}

/** A line that did not match, as `settlement_line` keeps it. */
export interface NewIssueLine extends ReceivedLine {
  lineNo: number;
  result: Exclude<LineResult, 'MATCHED'>;
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

/** SQL of reconciliation: flows, their lines, and the transfers they reported (positions: PositionRepository). */
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

  /** The facts of many lines, in their order (lineLookup.ts). */
  factsMany(lines: readonly LookupLine[]): LineLookup[] {
    return lookupRows(this.db, lookupArgument(lines), lines.length).map(toLineLookup);
  }

  insertFlow(flow: NewFlow): number {
    const result = cached(
      this.db,
      `INSERT INTO settlement_flow (flow_id, revision, flow_date_time, settlement_date, settlement_reference, psp_id, psp_name,
         receiver_fiscal_code, iban, declared_payments, declared_amount, bank_transfer_amount, bank_transfer_date,
         bank_transfer_remittance, received_lines, line_count, matched_lines, matched_amount, header_issues, status,
         positions_reported, imported_at, imported_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, '[]', 'withIssues', 0, ?, ?)`,
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
      // the tuple order is the one migration 0008 documents
      JSON.stringify(flow.lines.map((l) => [l.iuv, l.iur, l.transferIndex, l.amount, l.outcomeCode, l.outcomeDate])),
      flow.importedAt,
      flow.importedBy,
    );
    return Number(result.lastInsertRowid);
  }

  /** Stores the lines of a flow that did not match (the flow keeps all its lines as received). */
  insertIssueLines(flowRow: number, lines: readonly NewIssueLine[]): void {
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

  /** A page of a flow's lines as received, in flow order, each with its result. */
  lines(flowRow: number, offset: number, limit: number): StoredLine[] {
    return cached<[number, number, number], StoredLine>(
      this.db,
      `SELECT j.key + 1 AS lineNo, j.value ->> 0 AS iuv, j.value ->> 1 AS iur, j.value ->> 2 AS transferIndex,
              j.value ->> 3 AS amount, j.value ->> 4 AS outcomeCode, j.value ->> 5 AS outcomeDate,
              coalesce(l.result, 'MATCHED') AS result,
              CASE WHEN l.result IS NULL THEN j.value ->> 3 ELSE l.expected_amount END AS expectedAmount
         FROM settlement_flow f
         JOIN json_each(f.received_lines) j
         LEFT JOIN settlement_line l ON l.flow_row = f.id AND l.line_no = j.key + 1
        WHERE f.id = ?
        ORDER BY j.key LIMIT ? OFFSET ?`,
    ).all(flowRow, limit, offset);
  }

  lineIssues(flowRow: number, limit: number): StoredLineIssue[] {
    return cached<[number, number], StoredLineIssue>(
      this.db,
      `SELECT line_no AS lineNo, iuv, iur, transfer_index AS transferIndex, amount, expected_amount AS expectedAmount, result
         FROM settlement_line WHERE flow_row = ? ORDER BY line_no LIMIT ?`,
    ).all(flowRow, limit);
  }

  issueCounts(flowRow: number): Array<{ result: Exclude<LineResult, 'MATCHED'>; n: number }> {
    return cached<[number], { result: Exclude<LineResult, 'MATCHED'>; n: number }>(
      this.db,
      "SELECT result, count(*) AS n FROM settlement_line WHERE flow_row = ? GROUP BY result",
    ).all(flowRow);
  }
}
