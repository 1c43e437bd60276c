import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../../src-main/db/migrations';
import { migration0009 } from '../../../../src-main/db/migrations/0009_option_reported_derived';
import { AT, EC, OTHER_EC, insertEcAndPosition, insertFlowRow, insertReceipt, insertTransfer, databaseBefore } from '../../../support/schemaRows';

let db: Database.Database;
let flowRow: number;
beforeEach(() => {
  db = databaseBefore(9);
  insertEcAndPosition(db);
  flowRow = insertFlowRow(db);
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
  transfers.forEach((ec, i) => insertTransfer(db, optionId, i + 1, ec, 100));
  if (stored === 'unpaid') return { optionId, receiptRow: null };
  const receiptRow = insertReceipt(db, `IUR-${n}`, optionId);
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
