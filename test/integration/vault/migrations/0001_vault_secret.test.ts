import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../../../src-main/db/openDatabase';
import { ManualClock } from '../../../../src-main/platform/clock';
import { vaultMigration0001 } from '../../../../src-main/vault/migrations/0001_vault_secret';
import { vaultMigrations } from '../../../../src-main/vault/migrations';
import { tempDir } from '../../../support/testCore';

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  vaultMigration0001.up(db);
});
afterEach(() => db.close());

const at = '2026-11-22T09:00:00.000Z';
const KEY_ID = '0123456789abcdef';
const envelope = `v1:${KEY_ID}:AAAAAAAAAAAAAAAA:Y2lhbw:AAAAAAAAAAAAAAAAAAAAAA`;

function insert(name: string, fields: Partial<{ purpose: string; keyId: string; envelope: string }> = {}) {
  return db
    .prepare('INSERT INTO vault_secret (name, purpose, key_id, envelope, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(name, fields.purpose ?? 'smtp.password', fields.keyId ?? KEY_ID, fields.envelope ?? envelope, at, at);
}

describe('vault migration 0001: vault_secret and vault_meta', () => {
  it('creates STRICT tables for secrets and vault facts, and nothing of the main schema', () => {
    const tables = db
      .prepare<[], { name: string; strict: number }>("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all();
    expect(tables).toEqual([
      { name: 'vault_meta', strict: 1 },
      { name: 'vault_secret', strict: 1 },
    ]);
    expect(db.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').pluck().all('vault_secret')).toEqual([
      'id',
      'name',
      'purpose',
      'key_id',
      'envelope',
      'created_at',
      'updated_at',
    ]);
    expect(() => db.prepare('INSERT INTO vault_secret (name, purpose, key_id, envelope, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run('a', 'p', KEY_ID, Buffer.from(envelope), at, at)).toThrow(
      /cannot store BLOB value in TEXT column/,
    );
  });

  it('keeps one value per vault fact', () => {
    db.prepare("INSERT INTO vault_meta (key, value) VALUES ('key_store', 'keytar')").run();
    expect(() => db.prepare("INSERT INTO vault_meta (key, value) VALUES ('key_store', 'safeStorage')").run()).toThrow(/UNIQUE constraint failed/);
    expect(() => db.prepare("INSERT INTO vault_meta (key, value) VALUES ('other', NULL)").run()).toThrow(/NOT NULL constraint failed/);
  });

  it('keeps names unique', () => {
    insert('smtp.password');
    expect(() => insert('smtp.password')).toThrow(/UNIQUE constraint failed/);
  });

  it('refuses empty or oversized names and purposes, and malformed key ids', () => {
    expect(() => insert('')).toThrow(/CHECK constraint failed/);
    expect(() => insert('x'.repeat(201))).toThrow(/CHECK constraint failed/);
    expect(() => insert('a', { purpose: '' })).toThrow(/CHECK constraint failed/);
    expect(() => insert('a', { purpose: 'p'.repeat(65) })).toThrow(/CHECK constraint failed/);
    expect(() => insert('a', { keyId: 'short', envelope: 'v1:short:x:y:z' })).toThrow(/CHECK constraint failed/);
  });

  it('only accepts an envelope whose key id is the row key_id, whatever the envelope version', () => {
    expect(() => insert('a', { envelope: 'secret in clear' })).toThrow(/CHECK constraint failed/);
    expect(() => insert('a', { envelope: `v1:fedcba9876543210:AAAA:BB:CC` })).toThrow(/CHECK constraint failed/);
    expect(() => insert('a', { envelope: `x1:${KEY_ID}:AAAA:BB:CC` })).toThrow(/CHECK constraint failed/);
    insert('b');
    insert('c', { envelope: `v2:${KEY_ID}:future-format` });
    expect(db.prepare('SELECT count(*) FROM vault_secret').pluck().get()).toBe(2);
  });

  it('is the first of the vault migrations, applied to vault.db through openDatabase', () => {
    expect(vaultMigrations.map((m) => m.version)).toEqual(vaultMigrations.map((_m, i) => i + 1));
    expect(vaultMigrations[0]).toBe(vaultMigration0001);
    const dir = tempDir();
    const file = openDatabase({ file: path.join(dir, 'vault.db'), backupDir: path.join(dir, 'backups'), clock: new ManualClock(at), migrations: vaultMigrations });
    expect(schemaVersion(file)).toBe(vaultMigrations.length);
    file.close();
  });
});
