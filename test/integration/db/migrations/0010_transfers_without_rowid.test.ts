import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../../src-main/db/migrations';
import { migration0010 } from '../../../../src-main/db/migrations/0010_transfers_without_rowid';
import { AT, EC, IBAN, insertEcAndPosition, insertFlowRow, insertReceipt, insertTransfer, databaseBefore } from '../../../support/schemaRows';

let db: Database.Database;
beforeEach(() => {
  db = databaseBefore(10);
  insertEcAndPosition(db);
  db.prepare(
    `INSERT INTO payment_option (id, position_id, notice_number, iuv, amount, due_date, description, kind)
     VALUES (1, 1, '301000000000000001', '01000000000000001', 3000, '2026-12-31', 'TARI', 'single')`,
  ).run();
  // inserted out of key order: the rebuilt table keeps them by key
  for (const index of [2, 1, 3]) insertTransfer(db, 1, index);
  const receiptRow = insertReceipt(db, 'IUR-1', 1, 3000);
  db.prepare("UPDATE payment_option SET status = 'paid', paid_at = ?, paid_receipt_id = ? WHERE id = 1").run(AT, receiptRow);
  const flowRow = insertFlowRow(db);
  for (const index of [3, 1]) db.prepare('INSERT INTO reported_transfer (receipt_row, transfer_index, flow_row) VALUES (?, ?, ?)').run(receiptRow, index, flowRow);
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
