import type Database from 'better-sqlite3';
import { cached } from '../db/statementCache';
import type { LineFacts } from './lineMatching';

/** What a matched receipt means for its position, read with the line's own lookup. */
export interface ReceiptSettlement {
  positionId: number;
  /** the receipt is the one that paid its option (not a double payment): reporting it may report the position */
  settles: boolean;
}

export type LineLookup = LineFacts & { settlement: ReceiptSettlement | null };

export type LookupLine = { iuv: string; iur: string; transferIndex: number };

/**
 * One row per line, as `lookupRows` returns it: plain values, cheap to hand from the reader thread
 * (lineFactsReader.ts) to the import. [receipt row, receipt IUV, transfer amount, transfer EC,
 * transfer IBAN, flow that reported it, whether the IUV is known (null: the receipt answers), the
 * receipt's position, whether the receipt paid its option].
 */
export type LookupRow = [number | null, string | null, number | null, string | null, string | null, string | null, number | null, number | null, number | null];

/**
 * Everything `matchLine` needs about many lines, and what marking their receipts reported needs, in
 * one statement: the lines go in as a JSON array (`lookupArgument`) and SQLite does the indexed
 * lookups itself, without a round trip per line. Rows come in line order (json_each's key).
 */
const LOOKUP_SQL = `
  SELECT r.id, r.iuv, t.amount, t.ec_fiscal_code, t.iban, f.flow_id,
         CASE WHEN r.id IS NULL OR r.iuv <> j.value ->> 0
              THEN EXISTS (SELECT 1 FROM payment_option o WHERE o.iuv = j.value ->> 0) END,
         o.position_id, o.paid_receipt_id IS r.id AND o.status <> 'unpaid'
    FROM json_each(?) j
    LEFT JOIN receipt r ON r.receipt_id = j.value ->> 1
    LEFT JOIN transfer t ON t.option_id = r.option_id AND t.transfer_index = j.value ->> 2
    LEFT JOIN reported_transfer rt ON rt.receipt_row = r.id AND rt.transfer_index = j.value ->> 2
    LEFT JOIN settlement_flow f ON f.id = rt.flow_row
    LEFT JOIN payment_option o ON o.id = r.option_id
   ORDER BY j.key`;

export function lookupArgument(lines: readonly LookupLine[]): string {
  return JSON.stringify(lines.map((l) => [l.iuv, l.iur, l.transferIndex]));
}

/** The rows of `count` lines given as `lookupArgument`; each line has exactly one (every join is on a key). */
export function lookupRows(db: Database.Database, argument: string, count: number): LookupRow[] {
  const rows = cached<[string], LookupRow>(db, LOOKUP_SQL).raw().all(argument);
  if (rows.length !== count) throw new Error(`lookupRows: ${rows.length} rows for ${count} lines`);
  return rows;
}

export function toLineLookup(row: LookupRow): LineLookup {
  const [receiptRow, receiptIuv, amount, ecFiscalCode, iban, reportedBy, iuvKnown, positionId, settles] = row;
  if (receiptRow !== null && iuvKnown === null) {
    return {
      iuvKnown: true,
      receipt: {
        row: receiptRow,
        iuv: receiptIuv!,
        transfer: amount === null ? null : { amount, ecFiscalCode: ecFiscalCode!, iban: iban! },
        reportedByFlowId: reportedBy,
      },
      settlement: { positionId: positionId!, settles: settles === 1 },
    };
  }
  return { iuvKnown: iuvKnown === 1, receipt: null, settlement: null };
}
