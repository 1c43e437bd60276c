import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../../src-main/db/migrations';
import { migration0011 } from '../../../../src-main/db/migrations/0011_option_status_check';
import { rebuildTable } from '../../../../src-main/db/migrations/rebuildTable';
import type { Migration } from '../../../../src-main/db/migrations/types';
import { openDatabase, schemaVersion } from '../../../../src-main/db/openDatabase';
import { ManualClock } from '../../../../src-main/platform/clock';
import { AT, EC, IBAN, insertEcAndPosition, insertReceipt, insertTransfer } from '../../../support/schemaRows';
import { tempDir } from '../../../support/testCore';

const clock = new ManualClock(AT);

/** A database at version 10 with a paid option: its transfer and receipt reference it. */
function atVersion10(): { file: string; backupDir: string } {
  const dir = tempDir();
  const p = { file: path.join(dir, 'sportello.db'), backupDir: path.join(dir, 'backups') };
  const db = openDatabase({ ...p, clock, migrations: migrations.slice(0, 10) });
  insertEcAndPosition(db, 1000);
  db.prepare(
    `INSERT INTO payment_option (id, position_id, notice_number, iuv, amount, due_date, description, kind)
     VALUES (1, 1, '301000000000000001', '01000000000000001', 1000, '2026-12-31', 'TARI', 'single')`,
  ).run();
  insertTransfer(db, 1, 1);
  const receiptRow = insertReceipt(db, 'IUR-1', 1);
  db.prepare("UPDATE payment_option SET status = 'paid', paid_at = ?, paid_receipt_id = ? WHERE id = 1").run(AT, receiptRow);
  db.close();
  return p;
}

const dump = (db: Database.Database) => ({
  options: db.prepare('SELECT * FROM payment_option').all(),
  transfers: db.prepare('SELECT * FROM transfer').all(),
  receipts: db.prepare('SELECT id, option_id FROM receipt').all(),
  indexes: db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'payment_option' ORDER BY name").all(),
});

describe('migration 0011: an option stores only unpaid or paid', () => {
  it('is version 11 and runs with foreign keys off', () => {
    expect(migration0011.version).toBe(11);
    expect(migrations[10]).toBe(migration0011);
    expect(migration0011.foreignKeys).toBe('off');
  });

  it('rebuilds the options with every row, their children and indexes kept, and refuses a stored reported status', () => {
    const p = atVersion10();
    const old = new Database(p.file);
    const before = dump(old);
    old.close();

    const db = openDatabase({ ...p, clock, migrations: migrations.slice(0, 11) });
    try {
      expect(schemaVersion(db)).toBe(11);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(dump(db)).toEqual(before);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.prepare('SELECT status FROM payment_option_now WHERE id = 1').get()).toEqual({ status: 'paid' });
      expect(() => db.prepare("UPDATE payment_option SET status = 'reported' WHERE id = 1").run()).toThrow(/CHECK constraint failed/);
      // still the parent: a transfer for a missing option is refused, an option's transfers go with it
      expect(() =>
        db.prepare("INSERT INTO transfer (option_id, transfer_index, amount, ec_fiscal_code, iban, remittance, taxonomy) VALUES (9, 1, 1, ?, ?, 'x', 'y')").run(EC, IBAN),
      ).toThrow(/FOREIGN KEY constraint failed/);
    } finally {
      db.close();
    }
  });

  it('does not commit a foreign-keys-off migration that leaves a broken reference, and turns foreign keys back on', () => {
    const p = atVersion10();
    const orphaning: Migration = { version: 11, name: 'orphaning', foreignKeys: 'off', up: (db) => db.exec('DELETE FROM payment_option') };
    expect(() => openDatabase({ ...p, clock, migrations: [...migrations.slice(0, 10), orphaning] })).toThrow(/broken references/);
    const db = openDatabase({ ...p, clock, migrations: migrations.slice(0, 10) });
    try {
      expect(schemaVersion(db)).toBe(10);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.prepare('SELECT count(*) AS n FROM payment_option').get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  });

  it('refuses to rebuild a referenced table while foreign keys are on (its children would be deleted)', () => {
    const p = atVersion10();
    const db = openDatabase({ ...p, clock, migrations: migrations.slice(0, 10) });
    try {
      expect(() => rebuildTable(db, 'payment_option', (sql) => sql.replace('STRICT', 'STRICT '), 'id')).toThrow(/foreign keys off/);
      expect(db.prepare('SELECT count(*) AS n FROM transfer').get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  });
});
