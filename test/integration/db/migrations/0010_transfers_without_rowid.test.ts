import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../../src-main/db/migrations';
import { migration0010 } from '../../../../src-main/db/migrations/0010_transfers_without_rowid';

const AT = '2026-11-24T08:00:00.000Z';
const EC = '80012345676';
const IBAN = 'IT60X0542811101000000123456';

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of migrations.slice(0, 9)) m.up(db);
  db.prepare("INSERT INTO ec_profile (id, name, fiscal_code, segregation_code, created_at, updated_at) VALUES (1, 'Comune di Test', ?, '01', ?, ?)").run(EC, AT, AT);
  db.prepare(
    `INSERT INTO debt_position (id, iupd, status, origin, debtor_type, debtor_fiscal_code, debtor_full_name, company_name, switch_to_expired,
       min_due_date, max_due_date, total_amount, created_at, updated_at)
     VALUES (1, 'IUPD-1', 'PAID', 'ec', 'F', 'RCCMNL83S18D969H', 'Emanuele Rocca', 'Comune di Test', 0, '2026-12-31', '2026-12-31', 3000, ?, ?)`,
  ).run(AT, AT);
  db.prepare(
    `INSERT INTO payment_option (id, position_id, notice_number, iuv, amount, due_date, description, kind)
     VALUES (1, 1, '301000000000000001', '01000000000000001', 3000, '2026-12-31', 'TARI', 'single')`,
  ).run();
  // inserted out of key order: the rebuilt table keeps them by key
  for (const index of [2, 1, 3]) {
    db.prepare("INSERT INTO transfer (option_id, transfer_index, amount, ec_fiscal_code, iban, remittance, taxonomy) VALUES (1, ?, 1000, ?, ?, 'TARI', '9/0101100IM/')").run(
      index,
      EC,
      IBAN,
    );
  }
  db.prepare(
    `INSERT INTO receipt (id, receipt_id, option_id, notice_number, iuv, ec_fiscal_code, outcome, payment_amount, fee, id_psp, psp_company_name,
       id_channel, payment_method, payment_date_time, application_date, transfer_date, stand_in, payload, received_at)
     VALUES (1, 'IUR-1', 1, '301000000000000001', '01000000000000001', ?, 'OK', 3000, 0, 'PSP', 'Banca', 'PSP_01', 'CP', ?, '2026-11-24', '2026-11-24', 0, '{}', ?)`,
  ).run(EC, AT, AT);
  db.prepare("UPDATE payment_option SET status = 'paid', paid_at = ?, paid_receipt_id = 1 WHERE id = 1").run(AT);
  db.prepare(
    `INSERT INTO settlement_flow (id, flow_id, revision, flow_date_time, settlement_date, settlement_reference, psp_id, psp_name,
       receiver_fiscal_code, iban, declared_payments, declared_amount, line_count, matched_lines, matched_amount, header_issues,
       status, positions_reported, imported_at, imported_by)
     VALUES (1, '2026-11-24PSP-1', 1, 'x', '2026-11-24', 'ref', 'PSP', 'Banca', ?, ?, 0, 0, 0, 0, 0, '[]', 'reconciled', 0, ?, 'test')`,
  ).run(EC, IBAN, AT);
  for (const index of [3, 1]) db.prepare('INSERT INTO reported_transfer (receipt_row, transfer_index, flow_row) VALUES (1, ?, 1)').run(index);
});
afterEach(() => db.close());

const withoutRowid = (table: string) => db.prepare<[string], { wr: number }>('SELECT wr FROM pragma_table_list WHERE name = ?').get(table)?.wr;
const optionStatus = () => db.prepare<[], { status: string }>('SELECT status FROM payment_option_now WHERE id = 1').get()?.status;

describe('migration 0010: transfers and reported transfers clustered on their keys', () => {
  it('is version 10', () => {
    expect(migration0010.version).toBe(10);
    expect(migrations[9]).toBe(migration0010);
  });

  it('rebuilds both tables WITHOUT ROWID with every row, and the view that reads them still answers', () => {
    const before = {
      transfers: db.prepare('SELECT * FROM transfer ORDER BY option_id, transfer_index').all(),
      reported: db.prepare('SELECT * FROM reported_transfer ORDER BY receipt_row, transfer_index').all(),
    };
    expect(optionStatus()).toBe('paid');
    migration0010.up(db);

    expect([withoutRowid('transfer'), withoutRowid('reported_transfer')]).toEqual([1, 1]);
    expect(db.prepare('SELECT * FROM transfer').all()).toEqual(before.transfers);
    expect(db.prepare('SELECT * FROM reported_transfer').all()).toEqual(before.reported);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // the view is back: one EC transfer is still unreported, then none is
    expect(optionStatus()).toBe('paid');
    db.prepare('INSERT INTO reported_transfer (receipt_row, transfer_index, flow_row) VALUES (1, 2, 1)').run();
    expect(optionStatus()).toBe('reported');
  });

  it('keeps the constraints: key, checks and foreign keys', () => {
    migration0010.up(db);
    const transfer = db.prepare("INSERT INTO transfer (option_id, transfer_index, amount, ec_fiscal_code, iban, remittance, taxonomy) VALUES (?, ?, 1000, ?, ?, 'TARI', '9/0101100IM/')");
    expect(() => transfer.run(1, 1, EC, IBAN)).toThrow(/UNIQUE constraint failed|PRIMARY KEY/);
    expect(() => transfer.run(1, 6, EC, IBAN)).toThrow(/CHECK constraint failed/);
    expect(() => transfer.run(99, 1, EC, IBAN)).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => db.prepare('INSERT INTO reported_transfer (receipt_row, transfer_index, flow_row) VALUES (1, 2, 99)').run()).toThrow(/FOREIGN KEY constraint failed/);
    // an option's transfers still go with it
    db.prepare('DELETE FROM reported_transfer').run();
    db.prepare('UPDATE payment_option SET status = ?, paid_at = NULL, paid_receipt_id = NULL WHERE id = 1').run('unpaid');
    db.prepare('DELETE FROM receipt').run();
    db.prepare('DELETE FROM payment_option WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM transfer').get()).toEqual({ n: 0 });
  });
});
