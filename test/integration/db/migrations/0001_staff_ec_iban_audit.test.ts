import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migration0001 } from '../../../../src-main/db/migrations/0001_staff_ec_iban_audit';

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migration0001.up(db);
});
afterEach(() => db.close());

const at = '2026-11-22T09:00:00.000Z';

function insertIban(iban: string, deletedAt: string | null = null) {
  return db
    .prepare(
      'INSERT INTO iban (iban, description, is_postal, valid_from, valid_to, deleted_at, created_at, updated_at) VALUES (?, ?, 0, ?, NULL, ?, ?, ?)',
    )
    .run(iban, '', '2026-11-22', deletedAt, at, at);
}

describe('migration 0001: staff, EC, IBAN, audit', () => {
  it('creates STRICT tables that refuse values of the wrong type', () => {
    const strict = db.prepare<[], { name: string; strict: number }>("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'").all();
    expect(strict.map((t) => t.name).sort()).toEqual(['audit_log', 'ec_profile', 'iban', 'staff']);
    expect(strict.every((t) => t.strict === 1)).toBe(true);
    expect(() =>
      db.prepare('INSERT INTO iban (iban, description, is_postal, valid_from, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(
        'IT60X0542811101000000123456',
        '',
        'yes',
        '2026-11-22',
        at,
        at,
      ),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
  });

  it('allows one EC profile only', () => {
    const insert = db.prepare(
      "INSERT INTO ec_profile (id, name, fiscal_code, segregation_code, created_at, updated_at) VALUES (?, 'Comune', '80012345676', '01', ?, ?)",
    );
    insert.run(1, at, at);
    expect(() => insert.run(2, at, at)).toThrow(/CHECK constraint failed/);
    expect(db.prepare('SELECT environment FROM ec_profile').get()).toEqual({ environment: 'collaudo' });
  });

  it('keeps live IBANs unique but lets a deleted one be registered again', () => {
    insertIban('IT60X0542811101000000123456', at);
    insertIban('IT60X0542811101000000123456');
    expect(() => insertIban('IT60X0542811101000000123456')).toThrow(/UNIQUE constraint failed/);
  });

  it('makes the audit log append-only', () => {
    db.prepare("INSERT INTO audit_log (at, actor_name, action, entity) VALUES (?, 'Sistema', 'x', 'y')").run(at);
    expect(() => db.prepare("UPDATE audit_log SET action = 'z'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() => db.prepare("INSERT INTO audit_log (at, actor_name, action, entity, details) VALUES (?, 'S', 'x', 'y', 'not json')").run(at)).toThrow(
      /CHECK constraint failed/,
    );
  });

  it('refuses a username that differs only by case', () => {
    const insert = db.prepare(
      "INSERT INTO staff (username, first_name, last_name, role, password_hash, created_at, updated_at) VALUES (?, 'A', 'B', 'ecAdmin', 'h', ?, ?)",
    );
    insert.run('a@b.it', at, at);
    expect(() => insert.run('A@B.IT', at, at)).toThrow(/UNIQUE constraint failed/);
  });
});
