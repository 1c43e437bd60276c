import { date, digits, instant, text } from './sqlChecks';
import type { Migration } from './types';

/**
 * Settlement flows (FdR) the EC imported, their lines with the result of matching each one to a
 * receipt, and which receipt transfers a flow has reported (each at most once, across all flows).
 */
export const migration0003: Migration = {
  version: 3,
  name: 'settlement_reconciliation',
  up(db) {
    db.exec(`
      CREATE TABLE settlement_flow (
        id INTEGER PRIMARY KEY,
        flow_id TEXT NOT NULL CHECK (${text('flow_id', 70)}),
        revision INTEGER NOT NULL CHECK (revision >= 1),
        flow_date_time TEXT NOT NULL,
        settlement_date TEXT NOT NULL CHECK (${date('settlement_date')}),
        settlement_reference TEXT NOT NULL CHECK (${text('settlement_reference', 70)}),
        psp_id TEXT NOT NULL CHECK (${text('psp_id', 35)}),
        psp_name TEXT NOT NULL CHECK (${text('psp_name', 140)}),
        receiver_fiscal_code TEXT NOT NULL CHECK (${digits('receiver_fiscal_code', 11)}),
        iban TEXT NOT NULL CHECK (length(iban) BETWEEN 15 AND 34),
        declared_payments INTEGER NOT NULL CHECK (declared_payments >= 0),
        declared_amount INTEGER NOT NULL CHECK (declared_amount >= 0),
        bank_transfer_amount INTEGER,
        bank_transfer_date TEXT CHECK (bank_transfer_date IS NULL OR ${date('bank_transfer_date')}),
        bank_transfer_remittance TEXT,
        line_count INTEGER NOT NULL CHECK (line_count >= 0),
        matched_lines INTEGER NOT NULL CHECK (matched_lines >= 0),
        matched_amount INTEGER NOT NULL CHECK (matched_amount >= 0),
        header_issues TEXT NOT NULL CHECK (json_valid(header_issues)),
        status TEXT NOT NULL CHECK (status IN ('reconciled', 'withIssues')),
        positions_reported INTEGER NOT NULL CHECK (positions_reported >= 0),
        imported_at TEXT NOT NULL CHECK (${instant('imported_at')}),
        imported_by TEXT NOT NULL,
        UNIQUE (flow_id, revision)
      ) STRICT;
      CREATE INDEX settlement_flow_date ON settlement_flow (settlement_date, id);

      CREATE TABLE settlement_line (
        flow_row INTEGER NOT NULL REFERENCES settlement_flow (id),
        line_no INTEGER NOT NULL CHECK (line_no >= 1),
        iuv TEXT NOT NULL CHECK (${text('iuv', 35)}),
        iur TEXT NOT NULL CHECK (${text('iur', 35)}),
        transfer_index INTEGER NOT NULL CHECK (transfer_index BETWEEN 1 AND 5),
        amount INTEGER NOT NULL,
        outcome_code INTEGER NOT NULL CHECK (outcome_code IN (0, 3, 4, 8, 9)),
        outcome_date TEXT NOT NULL CHECK (${date('outcome_date')}),
        result TEXT NOT NULL CHECK (result IN ('MATCHED', 'DUPLICATE_LINE', 'UNKNOWN_IUV', 'MISSING_RECEIPT',
          'AMOUNT_MISMATCH', 'UNKNOWN_TRANSFER', 'IBAN_MISMATCH', 'ALREADY_REPORTED', 'REVOKED')),
        receipt_row INTEGER REFERENCES receipt (id),
        expected_amount INTEGER,
        PRIMARY KEY (flow_row, line_no)
      ) STRICT;
      -- the report lists what did not match: keep those few rows at hand
      CREATE INDEX settlement_line_issues ON settlement_line (flow_row, line_no) WHERE result <> 'MATCHED';

      CREATE TABLE reported_transfer (
        receipt_row INTEGER NOT NULL REFERENCES receipt (id),
        transfer_index INTEGER NOT NULL CHECK (transfer_index BETWEEN 1 AND 5),
        flow_row INTEGER NOT NULL REFERENCES settlement_flow (id),
        PRIMARY KEY (receipt_row, transfer_index)
      ) STRICT;
    `);
  },
};
