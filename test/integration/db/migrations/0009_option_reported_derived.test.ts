import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../../src-main/db/migrations';
import { migration0009 } from '../../../../src-main/db/migrations/0009_option_reported_derived';

const AT = '2026-11-24T08:00:00.000Z';
const EC = '80012345676';
const OTHER_EC = '00488410010';
const IBAN = 'IT60X0542811101000000123456';

let db: Database.Database;
let flowRow: number;
beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of migrations.slice(0, 8)) m.up(db);
  db.prepare("INSERT INTO ec_profile (id, name, fiscal_code, segregation_code, created_at, updated_at) VALUES (1, 'Comune di Test', ?, '01', ?, ?)").run(EC, AT, AT);
  db.prepare(
    `INSERT INTO debt_position (id, iupd, status, origin, debtor_type, debtor_fiscal_code, debtor_full_name, company_name, switch_to_expired,
       min_due_date, max_due_date, total_amount, created_at, updated_at)
     VALUES (1, 'IUPD-1', 'PAID', 'ec', 'F', 'RCCMNL83S18D969H', 'Emanuele Rocca', 'Comune di Test', 0, '2026-12-31', '2026-12-31', 3000, ?, ?)`,
  ).run(AT, AT);
  flowRow = Number(
    db
      .prepare(
        `INSERT INTO settlement_flow (flow_id, revision, flow_date_time, settlement_date, settlement_reference, psp_id, psp_name,
          receiver_fiscal_code, iban, declared_payments, declared_amount, line_count, matched_lines, matched_amount, header_issues,
          status, positions_reported, imported_at, imported_by)
         VALUES ('2026-11-24PSP-1', 1, 'x', '2026-11-24', 'ref', 'PSP', 'Banca', ?, ?, 0, 0, 0, 0, 0, '[]', 'reconciled', 0, ?, 'test')`,
      )
      .run(EC, IBAN, AT).lastInsertRowid,
  );
});
afterEach(() => db.close());

/** An option of position 1 with its transfers (EC or other EC), paid by a receipt when `stored` is not 'unpaid'. */
function option(n: number, stored: 'unpaid' | 'paid' | 'reported', transfers: string[]): { optionId: number; receiptRow: number | null } {
  const optionId = Number(
    db
      .prepare(
        `INSERT INTO payment_option (position_id, notice_number, iuv, amount, due_date, description, kind, instalment_number)
         VALUES (1, ?, ?, 1000, '2026-12-31', 'Rata', 'instalment', ?)`,
      )
      .run(`30100000000000${String(n).padStart(4, '0')}`, `0100000000000${String(n).padStart(4, '0')}`, n).lastInsertRowid,
  );
  transfers.forEach((ec, i) =>
    db
      .prepare("INSERT INTO transfer (option_id, transfer_index, amount, ec_fiscal_code, iban, remittance, taxonomy) VALUES (?, ?, 100, ?, ?, 'Rata', '9/0101100IM/')")
      .run(optionId, i + 1, ec, IBAN),
  );
  if (stored === 'unpaid') return { optionId, receiptRow: null };
  const receiptRow = Number(
    db
      .prepare(
        `INSERT INTO receipt (receipt_id, option_id, notice_number, iuv, ec_fiscal_code, outcome, payment_amount, fee, id_psp, psp_company_name,
           id_channel, payment_method, payment_date_time, application_date, transfer_date, stand_in, payload, received_at)
         VALUES (?, ?, '301000000000000001', '01000000000000001', ?, 'OK', 1000, 0, 'PSP', 'Banca', 'PSP_01', 'CP', ?, '2026-11-24',
           '2026-11-24', 0, '{}', ?)`,
      )
      .run(`IUR-${n}`, optionId, EC, AT, AT).lastInsertRowid,
  );
  db.prepare('UPDATE payment_option SET status = ?, paid_at = ?, paid_receipt_id = ? WHERE id = ?').run(stored, AT, receiptRow, optionId);
  return { optionId, receiptRow };
}

function reported(receiptRow: number, transferIndex: number): void {
  db.prepare('INSERT INTO reported_transfer (receipt_row, transfer_index, flow_row) VALUES (?, ?, ?)').run(receiptRow, transferIndex, flowRow);
}

const statusNow = (optionId: number) => db.prepare<[number], { status: string }>('SELECT status FROM payment_option_now WHERE id = ?').get(optionId)?.status;

describe('migration 0009: whether an option is reported follows from the reported transfers', () => {
  it('is version 9', () => {
    expect(migration0009.version).toBe(9);
    expect(migrations[8]).toBe(migration0009);
  });

  it('stores only unpaid and paid, and reads an option as reported once every EC transfer of its receipt is', () => {
    // EC, other EC, EC: the other EC's transfer is reported to it, not to us
    const whole = option(1, 'reported', [EC, OTHER_EC, EC]);
    reported(whole.receiptRow!, 1);
    reported(whole.receiptRow!, 3);
    const half = option(2, 'paid', [EC, EC]);
    reported(half.receiptRow!, 1);
    const none = option(3, 'paid', [EC]);
    const unpaid = option(4, 'unpaid', [EC]);
    migration0009.up(db);

    expect(db.prepare('SELECT DISTINCT status FROM payment_option ORDER BY status').all()).toEqual([{ status: 'paid' }, { status: 'unpaid' }]);
    expect([whole, half, none, unpaid].map((o) => statusNow(o.optionId))).toEqual(['reported', 'paid', 'paid', 'unpaid']);
    reported(half.receiptRow!, 2);
    expect(statusNow(half.optionId)).toBe('reported');
  });

  it('keeps every column of the option in the view', () => {
    migration0009.up(db);
    const columns = (table: string) => db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`).all().map((c) => c.name);
    expect(columns('payment_option_now')).toEqual(columns('payment_option'));
  });
});
