import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../../src-main/db/migrations';
import { migration0004 } from '../../../../src-main/db/migrations/0004_notice_settings';

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of migrations.slice(0, 3)) m.up(db);
  migration0004.up(db);
});
afterEach(() => db.close());

const AT = '2026-11-22T09:00:00.000Z';

function insertEc(): void {
  db.prepare(
    "INSERT INTO ec_profile (id, name, fiscal_code, segregation_code, created_at, updated_at) VALUES (1, 'Comune di Test', '80012345676', '01', ?, ?)",
  ).run(AT, AT);
}

describe('migration 0004: notice settings', () => {
  it('is version 4 and creates a STRICT table', () => {
    expect(migration0004.version).toBe(4);
    expect(migrations[3]).toBe(migration0004);
    const t = db.prepare<[], { strict: number }>("SELECT strict FROM pragma_table_list WHERE name = 'ec_notice_settings'").get();
    expect(t?.strict).toBe(1);
  });

  it('belongs to the EC profile and defaults every text to empty', () => {
    expect(() => db.prepare('INSERT INTO ec_notice_settings (ec_id, updated_at) VALUES (1, ?)').run(AT)).toThrow(/FOREIGN KEY/);
    insertEc();
    db.prepare('INSERT INTO ec_notice_settings (ec_id, updated_at) VALUES (1, ?)').run(AT);
    expect(db.prepare('SELECT sector, cbill, poste_authorisation, logo, version FROM ec_notice_settings').get()).toEqual({
      sector: '',
      cbill: '',
      poste_authorisation: '',
      logo: null,
      version: 1,
    });
  });

  it('checks the CBILL code, the logo type and size, and that a logo has its type', () => {
    insertEc();
    const insert = (cols: string, values: unknown[]) =>
      db.prepare(`INSERT OR REPLACE INTO ec_notice_settings (ec_id, updated_at, ${cols}) VALUES (1, ?, ${values.map(() => '?').join(', ')})`).run(AT, ...values);
    insert('cbill', ['A0EDT']);
    expect(() => insert('cbill', ['a0edt'])).toThrow(/CHECK constraint failed/);
    expect(() => insert('cbill', ['A0ED'])).toThrow(/CHECK constraint failed/);
    insert('logo_media_type, logo', ['image/png', Buffer.from([0x89, 0x50])]);
    expect(() => insert('logo_media_type, logo', ['image/gif', Buffer.from([1])])).toThrow(/CHECK constraint failed/);
    expect(() => insert('logo', [Buffer.from([1])])).toThrow(/CHECK constraint failed/);
    expect(() => insert('logo_media_type, logo', ['image/png', Buffer.alloc(262_145)])).toThrow(/CHECK constraint failed/);
  });
});
