import type { Migration } from './types';

/** First schema: EC profile, staff accounts, the IBAN list, the append-only audit log. */
export const migration0001: Migration = {
  version: 1,
  name: 'staff_ec_iban_audit',
  up(db) {
    db.exec(`
      CREATE TABLE ec_profile (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        fiscal_code TEXT NOT NULL CHECK (length(fiscal_code) = 11),
        segregation_code TEXT NOT NULL CHECK (length(segregation_code) = 2),
        environment TEXT NOT NULL DEFAULT 'collaudo' CHECK (environment IN ('collaudo', 'esercizio')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE staff (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL COLLATE NOCASE UNIQUE,
        first_name TEXT NOT NULL,
        last_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('ecAdmin', 'ecOperator')),
        password_hash TEXT NOT NULL,
        enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        last_sign_in_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE iban (
        id INTEGER PRIMARY KEY,
        iban TEXT NOT NULL CHECK (length(iban) BETWEEN 15 AND 34),
        description TEXT NOT NULL DEFAULT '',
        is_postal INTEGER NOT NULL CHECK (is_postal IN (0, 1)),
        valid_from TEXT NOT NULL,
        valid_to TEXT,
        deletion_date TEXT,
        deleted_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (valid_to IS NULL OR valid_to >= valid_from)
      ) STRICT;
      -- deleted rows stay for history (receipts may name them); a live IBAN is unique
      CREATE UNIQUE INDEX iban_live_unique ON iban (iban) WHERE deleted_at IS NULL;
      CREATE INDEX iban_due_deletion ON iban (deletion_date) WHERE deleted_at IS NULL AND deletion_date IS NOT NULL;

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor_id INTEGER REFERENCES staff (id),
        actor_name TEXT NOT NULL,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT,
        details TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details))
      ) STRICT;
      CREATE INDEX audit_log_action ON audit_log (action, id);

      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `);
  },
};
