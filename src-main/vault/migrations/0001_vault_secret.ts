import type { Migration } from '../../db/migrations/types';

/**
 * The vault's own schema (vault.db, apart from the main database): one row per secret, holding only
 * its envelope (key_id repeats the envelope's key id so status checks need not parse every row),
 * and a few facts about the vault itself, such as which kind of key store holds its data key.
 */
export const vaultMigration0001: Migration = {
  version: 1,
  name: 'vault_secret',
  up(db) {
    db.exec(`
      CREATE TABLE vault_secret (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
        purpose TEXT NOT NULL CHECK (length(purpose) BETWEEN 1 AND 64),
        key_id TEXT NOT NULL CHECK (length(key_id) = 16),
        -- any envelope version, but its key id must be this row's key_id
        envelope TEXT NOT NULL CHECK (envelope GLOB ('v[0-9]*:' || key_id || ':*')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX vault_secret_key_id ON vault_secret (key_id);

      CREATE TABLE vault_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
