import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../src-main/db/migrations';
import type { Migration } from '../../../src-main/db/migrations/types';
import { openDatabase, schemaVersion, startupCheck } from '../../../src-main/db/openDatabase';
import { ManualClock } from '../../../src-main/platform/clock';
import { AppError } from '../../../src-shared/errors';
import { tempDir } from '../../support/testCore';

const clock = new ManualClock('2026-11-22T09:00:00.000Z');

function paths() {
  const dir = tempDir();
  return { dir, file: path.join(dir, 'sportello.db'), backupDir: path.join(dir, 'backups') };
}

function sha(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

// one past the real migrations, whatever their number
const next = migrations.length + 1;

const addNotes: Migration = {
  version: next,
  name: 'notes',
  up: (db) => db.exec('CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT'),
};

describe('openDatabase', () => {
  it('creates a new database at the latest version with WAL, foreign keys and synchronous=FULL', () => {
    const p = paths();
    const db = openDatabase({ ...p, clock });
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
    expect(fs.existsSync(p.backupDir)).toBe(false);
  });

  it('backs up the database before migrating it, and the backup is the old version', () => {
    const p = paths();
    openDatabase({ ...p, clock }).close();
    const db = openDatabase({ ...p, clock, migrations: [...migrations, addNotes] });
    expect(schemaVersion(db)).toBe(next);
    db.close();
    const backups = fs.readdirSync(p.backupDir);
    expect(backups).toHaveLength(1);
    expect(backups[0]).toBe(`sportello-v${migrations.length}-2026-11-22T09-00-00-000Z.db`);
    const old = openDatabase({ file: path.join(p.backupDir, backups[0]!), backupDir: p.backupDir, clock });
    expect(schemaVersion(old)).toBe(migrations.length);
    old.close();
  });

  it('rolls back a failing migration completely', () => {
    const p = paths();
    openDatabase({ ...p, clock }).close();
    const broken: Migration = {
      version: next,
      name: 'broken',
      up: (db) => {
        db.exec('CREATE TABLE half_done (id INTEGER PRIMARY KEY) STRICT');
        throw new Error('migration failed midway');
      },
    };
    expect(() => openDatabase({ ...p, clock, migrations: [...migrations, broken] })).toThrow(/midway/);
    const db = openDatabase({ ...p, clock });
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a damaged file with DB_DAMAGED and does not write to it', () => {
    const p = paths();
    const db = openDatabase({ ...p, clock });
    db.prepare("INSERT INTO audit_log (at, actor_name, action, entity) VALUES ('x', 'S', 'a', 'e')").run();
    const { rootpage } = db.prepare<[], { rootpage: number }>("SELECT rootpage FROM sqlite_master WHERE name = 'audit_log'").get()!;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    // garble the b-tree page header of the audit_log table, as a failing disk would
    const fd = fs.openSync(p.file, 'r+');
    fs.writeSync(fd, Buffer.alloc(64, 0xab), 0, 64, (rootpage - 1) * pageSize);
    fs.closeSync(fd);
    const before = sha(p.file);
    let caught: unknown;
    try {
      openDatabase({ ...p, clock });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('DB_DAMAGED');
    expect((caught as AppError).message).toMatch(/danneggiato|non è leggibile/);
    expect(sha(p.file)).toBe(before);
    expect(fs.existsSync(p.backupDir)).toBe(false);
  });

  it('before migrating, also proves every index matches its table: a file whose index lies is refused and left as it was', () => {
    const p = paths();
    const db = openDatabase({ ...p, clock });
    db.prepare("INSERT INTO audit_log (at, actor_name, action, entity) VALUES ('x', 'S', 'a', 'e')").run();
    // make an index describe another column than the one its entries were built from
    db.unsafeMode(true);
    db.pragma('writable_schema = ON');
    db.prepare("UPDATE sqlite_schema SET sql = 'CREATE INDEX audit_log_action ON audit_log (actor_name, id)' WHERE name = 'audit_log_action'").run();
    db.pragma('writable_schema = OFF');
    db.unsafeMode(false);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = sha(p.file);
    expect(() => openDatabase({ ...p, clock, migrations: [...migrations, addNotes] })).toThrow(expect.objectContaining({ code: 'DB_DAMAGED' }));
    expect(sha(p.file)).toBe(before);
    expect(fs.existsSync(p.backupDir)).toBe(false);
  });

  it('checks every page at a plain start, and the indexes too when a migration is pending', () => {
    expect(startupCheck(migrations.length, migrations.length)).toBe('quick_check');
    expect(startupCheck(migrations.length - 1, migrations.length)).toBe('integrity_check');
    expect(startupCheck(0, migrations.length)).toBe('integrity_check');
  });

  it('refuses a file that is not a database at all', () => {
    const p = paths();
    fs.writeFileSync(p.file, 'questo non è un database SQLite, ma un file di testo qualsiasi.'.repeat(100));
    const before = sha(p.file);
    expect(() => openDatabase({ ...p, clock })).toThrow(AppError);
    expect(sha(p.file)).toBe(before);
  });

  it('refuses a database made by a newer version of the app', () => {
    const p = paths();
    const newer = openDatabase({ ...p, clock, migrations: [...migrations, addNotes] });
    newer.pragma('journal_mode = DELETE');
    newer.close();
    const before = sha(p.file);
    expect(() => openDatabase({ ...p, clock })).toThrow(expect.objectContaining({ code: 'DB_NEWER_VERSION' }));
    expect(sha(p.file)).toBe(before);
    expect(fs.existsSync(`${p.file}-wal`)).toBe(false);
  });
});
