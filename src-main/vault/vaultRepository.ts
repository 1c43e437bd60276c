import type { Db } from '../db/openDatabase';
import { cached } from '../db/statementCache';

/** What anyone may know about a secret: never its value, never its envelope. */
export interface SecretInfo {
  name: string;
  purpose: string;
  keyId: string;
  createdAt: string;
  updatedAt: string;
}

export interface SecretRow extends SecretInfo {
  envelope: string;
}

interface Row {
  name: string;
  purpose: string;
  key_id: string;
  envelope: string;
  created_at: string;
  updated_at: string;
}

function toRow(row: Row): SecretRow {
  return {
    name: row.name,
    purpose: row.purpose,
    keyId: row.key_id,
    envelope: row.envelope,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toInfo(row: SecretRow): SecretInfo {
  return { name: row.name, purpose: row.purpose, keyId: row.keyId, createdAt: row.createdAt, updatedAt: row.updatedAt };
}

export class VaultRepository {
  constructor(private readonly db: Db) {}

  find(name: string): SecretRow | null {
    const row = cached<[string], Row>(this.db, 'SELECT * FROM vault_secret WHERE name = ?').get(name);
    return row ? toRow(row) : null;
  }

  exists(name: string): boolean {
    return cached<[string], { one: number }>(this.db, 'SELECT 1 AS one FROM vault_secret WHERE name = ?').get(name) !== undefined;
  }

  all(): SecretRow[] {
    return cached<[], Row>(this.db, 'SELECT * FROM vault_secret ORDER BY name').all().map(toRow);
  }

  count(): number {
    return cached<[], { n: number }>(this.db, 'SELECT count(*) AS n FROM vault_secret').get()!.n;
  }

  /** Inserts, or replaces the envelope and purpose of the secret with this name (keeping created_at). */
  upsert(name: string, purpose: string, keyId: string, envelope: string, at: string): void {
    cached(
      this.db,
      `INSERT INTO vault_secret (name, purpose, key_id, envelope, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET purpose = excluded.purpose, key_id = excluded.key_id,
           envelope = excluded.envelope, updated_at = excluded.updated_at`,
    ).run(name, purpose, keyId, envelope, at, at);
  }

  /** Re-encryption during a key rotation: the secret itself did not change, so updated_at stays. */
  replaceEnvelope(name: string, keyId: string, envelope: string): void {
    cached(this.db, 'UPDATE vault_secret SET key_id = ?, envelope = ? WHERE name = ?').run(keyId, envelope, name);
  }

  getMeta(key: string): string | null {
    return cached<[string], { value: string }>(this.db, 'SELECT value FROM vault_meta WHERE key = ?').get(key)?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    cached(this.db, 'INSERT INTO vault_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  delete(name: string): boolean {
    return cached(this.db, 'DELETE FROM vault_secret WHERE name = ?').run(name).changes > 0;
  }
}
