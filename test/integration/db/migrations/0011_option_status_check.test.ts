import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../../src-main/db/migrations';
import { migration0011 } from '../../../../src-main/db/migrations/0011_option_status_check';
import { rebuildTable } from '../../../../src-main/db/migrations/rebuildTable';
import type { Migration } from '../../../../src-main/db/migrations/types';
import { openDatabase, schemaVersion } from '../../../../src-main/db/openDatabase';
import { ManualClock } from '../../../../src-main/platform/clock';
import { tempDir } from '../../../support/testCore';

const AT = '2026-11-24T08:00:00.000Z';
const EC = '80012345676';
const IBAN = 'IT60X0542811101000000123456';
const clock = new ManualClock(AT);

/** A database at version 10 with a paid option: its transfer and receipt reference it. */
function atVersion10(): { file: string; backupDir: string } {
  const dir = tempDir();
  const p = { file: path.join(dir, 'sportello.db'), backupDir: path.join(dir, 'backups') };
  const db = openDatabase({ ...p, clock, migrations: migrations.slice(0, 10) });
  db.prepare("INSERT INTO ec_profile (id, name, fiscal_code, segregation_code, created_at, updated_at) VALUES (1, 'Comune di Test', ?, '01', ?, ?)").run(EC, AT, AT);
  db.prepare(
    `INSERT INTO debt_position (id, iupd, status, origin, debtor_type, debtor_fiscal_code, debtor_full_name, company_name, switch_to_expired,
       min_due_date, max_due_date, total_amount, created_at, updated_at)
     VALUES (1, 'IUPD-1', 'PAID', 'ec', 'F', 'RCCMNL83S18D969H', 'Emanuele Rocca', 'Comune di Test', 0, '2026-12-31', '2026-12-31', 1000, ?, ?)`,
  ).run(AT, AT);
  db.prepare(
    `INSERT INTO payment_option (id, position_id, notice_number, iuv, amount, due_date, description, kind)
     VALUES (1, 1, '301000000000000001', '01000000000000001', 1000, '2026-12-31', 'TARI', 'single')`,
  ).run();
  db.prepare("INSERT INTO transfer (option_id, transfer_index, amount, ec_fiscal_code, iban, remittance, taxonomy) VALUES (1, 1, 1000, ?, ?, 'TARI', '9/0101100IM/')").run(EC, IBAN);
  db.prepare(
    `INSERT INTO receipt (id, receipt_id, option_id, notice_number, iuv, ec_fiscal_code, outcome, payment_amount, fee, id_psp, psp_company_name,
       id_channel, payment_method, payment_date_time, application_date, transfer_date, stand_in, payload, received_at)
     VALUES (1, 'IUR-1', 1, '301000000000000001', '01000000000000001', ?, 'OK', 1000, 0, 'PSP', 'Banca', 'PSP_01', 'CP', ?, '2026-11-24', '2026-11-24', 0, '{}', ?)`,
  ).run(EC, AT, AT);
  db.prepare("UPDATE payment_option SET status = 'paid', paid_at = ?, paid_receipt_id = 1 WHERE id = 1").run(AT);
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
