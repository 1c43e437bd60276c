import Database from 'better-sqlite3';
import { migrations } from '../../src-main/db/migrations';

/**
 * Rows written straight into the schema, for migration tests that work below the repositories (the
 * repositories follow the latest schema, a migration test stands at an older one).
 */
export const AT = '2026-11-24T08:00:00.000Z';
export const EC = '80012345676';
export const OTHER_EC = '00488410010';
export const IBAN = 'IT60X0542811101000000123456';

/** A database in memory, foreign keys on, standing just before migration `version`. */
export function databaseBefore(version: number): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of migrations.slice(0, version - 1)) m.up(db);
  return db;
}

/** The EC profile and position 1 (PAID), which the options of a test belong to. */
export function insertEcAndPosition(db: Database.Database, totalAmount = 3000): void {
  db.prepare("INSERT INTO ec_profile (id, name, fiscal_code, segregation_code, created_at, updated_at) VALUES (1, 'Comune di Test', ?, '01', ?, ?)").run(EC, AT, AT);
  db.prepare(
    `INSERT INTO debt_position (id, iupd, status, origin, debtor_type, debtor_fiscal_code, debtor_full_name, company_name, switch_to_expired,
       min_due_date, max_due_date, total_amount, created_at, updated_at)
     VALUES (1, 'IUPD-1', 'PAID', 'ec', 'F', 'RCCMNL83S18D969H', 'Emanuele Rocca', 'Comune di Test', 0, '2026-12-31', '2026-12-31', ?, ?, ?)`,
  ).run(totalAmount, AT, AT);
}

export function insertTransfer(db: Database.Database, optionId: number, transferIndex: number, ecFiscalCode = EC, amount = 1000): void {
  db.prepare("INSERT INTO transfer (option_id, transfer_index, amount, ec_fiscal_code, iban, remittance, taxonomy) VALUES (?, ?, ?, ?, ?, 'Rata', '9/0101100IM/')").run(
    optionId,
    transferIndex,
    amount,
    ecFiscalCode,
    IBAN,
  );
}

/** A receipt `receiptId` for `optionId`; its row id. */
export function insertReceipt(db: Database.Database, receiptId: string, optionId: number, amount = 1000): number {
  return Number(
    db
      .prepare(
        `INSERT INTO receipt (receipt_id, option_id, notice_number, iuv, ec_fiscal_code, outcome, payment_amount, fee, id_psp, psp_company_name,
           id_channel, payment_method, payment_date_time, application_date, transfer_date, stand_in, payload, received_at)
         VALUES (?, ?, '301000000000000001', '01000000000000001', ?, 'OK', ?, 0, 'PSP', 'Banca', 'PSP_01', 'CP', ?, '2026-11-24', '2026-11-24', 0, '{}', ?)`,
      )
      .run(receiptId, optionId, EC, amount, AT, AT).lastInsertRowid,
  );
}

/** A settlement flow row that reported transfers can name; its row id. */
export function insertFlowRow(db: Database.Database): number {
  return Number(
    db
      .prepare(
        `INSERT INTO settlement_flow (flow_id, revision, flow_date_time, settlement_date, settlement_reference, psp_id, psp_name,
          receiver_fiscal_code, iban, declared_payments, declared_amount, line_count, matched_lines, matched_amount, header_issues,
          status, positions_reported, imported_at, imported_by)
         VALUES ('2026-11-24PSP-1', 1, 'x', '2026-11-24', 'ref', 'PSP', 'Banca', ?, ?, 0, 0, 0, 0, 0, '[]', 'reconciled', 0, ?, 'test')`,
      )
      .run(EC, IBAN, AT).lastInsertRowid,
  );
}
