import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../../src-main/db/migrations';
import { migration0006 } from '../../../../src-main/db/migrations/0006_payer_accounts';

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of migrations.slice(0, 5)) m.up(db);
  migration0006.up(db);
});
afterEach(() => db.close());

const AT = '2026-11-22T09:00:00.000Z';
const HASH = 'scrypt$32768$8$1$c2FsdA==$aGFzaA==';

function insert(overrides: Record<string, unknown> = {}): number {
  const row = {
    status: 'pending',
    fiscal_code: 'RSSMRA80A01H501U',
    first_name: 'Mario',
    last_name: 'Rossi',
    email: 'mario.rossi@esempio.it',
    password_hash: HASH,
    privacy_version: '2026-11',
    privacy_accepted_at: AT,
    privacy_revoked_at: null,
    activation_code_hash: HASH,
    activation_expires_at: '2026-11-24T09:00:00.000Z',
    activated_at: null,
    closed_at: null,
    created_at: AT,
    updated_at: AT,
    ...overrides,
  };
  return Number(
    db
      .prepare(
        `INSERT INTO payer_account (status, fiscal_code, first_name, last_name, email, password_hash, privacy_version,
           privacy_accepted_at, privacy_revoked_at, activation_code_hash, activation_expires_at, activated_at, closed_at, created_at, updated_at)
         VALUES (@status, @fiscal_code, @first_name, @last_name, @email, @password_hash, @privacy_version,
           @privacy_accepted_at, @privacy_revoked_at, @activation_code_hash, @activation_expires_at, @activated_at, @closed_at, @created_at, @updated_at)`,
      )
      .run(row).lastInsertRowid,
  );
}

describe('migration 0006: payer accounts', () => {
  it('is version 6, registered last, and creates a STRICT table', () => {
    expect(migration0006.version).toBe(6);
    expect(migrations[5]).toBe(migration0006);
    const table = db.prepare<[], { strict: number }>("SELECT strict FROM pragma_table_list WHERE name = 'payer_account'").get();
    expect(table?.strict).toBe(1);
  });

  it('accepts a pending account and keeps one open account per fiscal code', () => {
    expect(insert()).toBe(1);
    expect(() => insert()).toThrow(/UNIQUE constraint failed/);
  });

  it('refuses malformed codes, instants, statuses and a pending account without its code', () => {
    expect(() => insert({ fiscal_code: 'rssmra80a01h501u' })).toThrow(/CHECK constraint failed/);
    expect(() => insert({ fiscal_code: '80012345676' })).toThrow(/CHECK constraint failed/);
    expect(() => insert({ created_at: '22/11/2026' })).toThrow(/CHECK constraint failed/);
    expect(() => insert({ status: 'sospeso' })).toThrow(/CHECK constraint failed/);
    expect(() => insert({ password_hash: 'password in chiaro' })).toThrow(/CHECK constraint failed/);
    expect(() => insert({ activation_expires_at: null })).toThrow(/CHECK constraint failed/);
    expect(() => insert({ status: 'active', activation_code_hash: null, activation_expires_at: null })).toThrow(/CHECK constraint failed/);
  });

  it('a closed account is a tombstone: no personal data, revocation recorded; tombstones do not clash', () => {
    const tombstone = {
      status: 'closed',
      fiscal_code: null,
      first_name: null,
      last_name: null,
      email: null,
      password_hash: null,
      activation_code_hash: null,
      activation_expires_at: null,
      privacy_revoked_at: AT,
      closed_at: AT,
    };
    expect(insert(tombstone)).toBeGreaterThan(0);
    expect(insert(tombstone)).toBeGreaterThan(0);
    expect(() => insert({ ...tombstone, email: 'mario.rossi@esempio.it' })).toThrow(/CHECK constraint failed/);
    expect(() => insert({ ...tombstone, fiscal_code: 'RSSMRA80A01H501U' })).toThrow(/CHECK constraint failed/);
    expect(() => insert({ ...tombstone, privacy_revoked_at: null })).toThrow(/CHECK constraint failed/);
    // the same person may register again after closing
    expect(insert()).toBeGreaterThan(0);
  });

  it('adds the index the payer history walks by payer fiscal code', () => {
    const index = db.prepare<[], { name: string; partial: number }>("SELECT name, partial FROM pragma_index_list('receipt') WHERE name = 'receipt_payer'").get();
    expect(index).toEqual({ name: 'receipt_payer', partial: 1 });
  });
});
