import { instant, text } from './sqlChecks';
import type { Migration } from './types';

/**
 * Payer accounts of the Pagatore workspace (citizens at a kiosk or at the counter), and the index
 * their payment history needs.
 *
 * An account starts 'pending' with a one-time activation code (only its hash is kept), becomes
 * 'active' once the code is entered, and 'closed' when its holder revokes the privacy consent. A
 * closed row is a tombstone: the personal data held only for the account (fiscal code, name,
 * e-mail, password hash) is erased, the consent record and the dates stay, so the audit log's
 * entries still point at a row. Debt positions and receipts are the EC's records and never
 * reference this table.
 *
 * History: receipts are found by the debtor's fiscal code (debt_position_debtor, then options
 * and receipt_option) and by the payer's: the partial index below serves the second, newest first.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'payer_accounts',
  up(db) {
    db.exec(`
      CREATE TABLE payer_account (
        id INTEGER PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'closed')),
        -- a person's code only; NULL once closed, so the same person may register again
        fiscal_code TEXT UNIQUE CHECK (fiscal_code IS NULL OR (length(fiscal_code) = 16 AND fiscal_code NOT GLOB '*[^A-Z0-9]*')),
        first_name TEXT CHECK (first_name IS NULL OR ${text('first_name', 100)}),
        last_name TEXT CHECK (last_name IS NULL OR ${text('last_name', 100)}),
        email TEXT CHECK (email IS NULL OR ${text('email', 254)}),
        password_hash TEXT CHECK (password_hash IS NULL OR password_hash GLOB 'scrypt$*'),
        privacy_version TEXT NOT NULL CHECK (${text('privacy_version', 20)}),
        privacy_accepted_at TEXT NOT NULL CHECK (${instant('privacy_accepted_at')}),
        privacy_revoked_at TEXT CHECK (privacy_revoked_at IS NULL OR ${instant('privacy_revoked_at')}),
        activation_code_hash TEXT CHECK (activation_code_hash IS NULL OR activation_code_hash GLOB 'scrypt$*'),
        activation_expires_at TEXT CHECK (activation_expires_at IS NULL OR ${instant('activation_expires_at')}),
        activation_attempts INTEGER NOT NULL DEFAULT 0 CHECK (activation_attempts >= 0),
        -- re-sends are rate-limited: when the last code went out and how many went out in the current day
        activation_sent_at TEXT CHECK (activation_sent_at IS NULL OR ${instant('activation_sent_at')}),
        activation_sends INTEGER NOT NULL DEFAULT 0 CHECK (activation_sends >= 0),
        activation_window_start TEXT CHECK (activation_window_start IS NULL OR ${instant('activation_window_start')}),
        failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
        locked_until TEXT CHECK (locked_until IS NULL OR ${instant('locked_until')}),
        last_sign_in_at TEXT CHECK (last_sign_in_at IS NULL OR ${instant('last_sign_in_at')}),
        activated_at TEXT CHECK (activated_at IS NULL OR ${instant('activated_at')}),
        closed_at TEXT CHECK (closed_at IS NULL OR ${instant('closed_at')}),
        created_at TEXT NOT NULL CHECK (${instant('created_at')}),
        updated_at TEXT NOT NULL CHECK (${instant('updated_at')}),
        -- personal data exists exactly while the account is open
        CHECK ((status = 'closed') = (fiscal_code IS NULL)),
        CHECK (status = 'closed' OR (first_name IS NOT NULL AND last_name IS NOT NULL AND email IS NOT NULL AND password_hash IS NOT NULL)),
        CHECK (status <> 'closed' OR (first_name IS NULL AND last_name IS NULL AND email IS NULL AND password_hash IS NULL
          AND activation_code_hash IS NULL AND closed_at IS NOT NULL AND privacy_revoked_at IS NOT NULL)),
        -- only a pending account has a code to enter
        CHECK (status = 'pending' OR activation_code_hash IS NULL),
        CHECK ((activation_code_hash IS NULL) = (activation_expires_at IS NULL)),
        CHECK (status <> 'active' OR activated_at IS NOT NULL)
      ) STRICT;

      CREATE INDEX receipt_payer ON receipt (payer_fiscal_code, id) WHERE payer_fiscal_code IS NOT NULL;
    `);
  },
};
