import type { Db } from '../db/openDatabase';
import { cached } from '../db/statementCache';

export type PayerStatus = 'pending' | 'active' | 'closed';

/** An open account (pending or active): the personal data is there. */
export interface PayerAccount {
  id: number;
  status: Exclude<PayerStatus, 'closed'>;
  fiscalCode: string;
  firstName: string;
  lastName: string;
  email: string;
  passwordHash: string;
  privacyVersion: string;
  privacyAcceptedAt: string;
  activationCodeHash: string | null;
  activationExpiresAt: string | null;
  activationAttempts: number;
  activationSentAt: string | null;
  activationSends: number;
  activationWindowStart: string | null;
  failedAttempts: number;
  lockedUntil: string | null;
  lastSignInAt: string | null;
  activatedAt: string | null;
  createdAt: string;
}

interface PayerRow {
  id: number;
  status: PayerStatus;
  fiscal_code: string | null;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  password_hash: string | null;
  privacy_version: string;
  privacy_accepted_at: string;
  activation_code_hash: string | null;
  activation_expires_at: string | null;
  activation_attempts: number;
  activation_sent_at: string | null;
  activation_sends: number;
  activation_window_start: string | null;
  failed_attempts: number;
  locked_until: string | null;
  last_sign_in_at: string | null;
  activated_at: string | null;
  created_at: string;
}

/** A closed row is a tombstone with no personal data: callers never get it as an account. */
function toAccount(row: PayerRow | undefined): PayerAccount | null {
  if (!row || row.status === 'closed' || row.fiscal_code === null) return null;
  return {
    id: row.id,
    status: row.status,
    fiscalCode: row.fiscal_code,
    firstName: row.first_name ?? '',
    lastName: row.last_name ?? '',
    email: row.email ?? '',
    passwordHash: row.password_hash ?? '',
    privacyVersion: row.privacy_version,
    privacyAcceptedAt: row.privacy_accepted_at,
    activationCodeHash: row.activation_code_hash,
    activationExpiresAt: row.activation_expires_at,
    activationAttempts: row.activation_attempts,
    activationSentAt: row.activation_sent_at,
    activationSends: row.activation_sends,
    activationWindowStart: row.activation_window_start,
    failedAttempts: row.failed_attempts,
    lockedUntil: row.locked_until,
    lastSignInAt: row.last_sign_in_at,
    activatedAt: row.activated_at,
    createdAt: row.created_at,
  };
}

/** What registration stores; the rest starts empty. The first activation code is part of it. */
export type NewPayerAccount = Pick<PayerAccount, 'fiscalCode' | 'firstName' | 'lastName' | 'email' | 'passwordHash' | 'privacyVersion'> & {
  activationCodeHash: string;
  activationExpiresAt: string;
};

export interface ActivationCodeSent {
  codeHash: string;
  expiresAt: string;
  sends: number;
  windowStart: string;
}

export class PayerAccountRepository {
  constructor(private readonly db: Db) {}

  findById(id: number): PayerAccount | null {
    return toAccount(cached<[number], PayerRow>(this.db, 'SELECT * FROM payer_account WHERE id = ?').get(id));
  }

  findByFiscalCode(fiscalCode: string): PayerAccount | null {
    return toAccount(cached<[string], PayerRow>(this.db, 'SELECT * FROM payer_account WHERE fiscal_code = ?').get(fiscalCode));
  }

  /** The status of any row, tombstones included (tests, audit views). */
  statusOf(id: number): PayerStatus | null {
    return cached<[number], { status: PayerStatus }>(this.db, 'SELECT status FROM payer_account WHERE id = ?').get(id)?.status ?? null;
  }

  insert(account: NewPayerAccount, at: string): number {
    const result = cached(
      this.db,
      `INSERT INTO payer_account (status, fiscal_code, first_name, last_name, email, password_hash, privacy_version,
         privacy_accepted_at, activation_code_hash, activation_expires_at, activation_sent_at, activation_sends,
         activation_window_start, created_at, updated_at)
       VALUES ('pending', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
    ).run(
      account.fiscalCode,
      account.firstName,
      account.lastName,
      account.email,
      account.passwordHash,
      account.privacyVersion,
      at,
      account.activationCodeHash,
      account.activationExpiresAt,
      at,
      at,
      at,
      at,
    );
    return Number(result.lastInsertRowid);
  }

  /** A new code replaces the old one (which stops working) and its failed tries. */
  replaceActivationCode(id: number, sent: ActivationCodeSent, at: string): void {
    cached(
      this.db,
      `UPDATE payer_account SET activation_code_hash = ?, activation_expires_at = ?, activation_attempts = 0,
         activation_sent_at = ?, activation_sends = ?, activation_window_start = ?, updated_at = ?
       WHERE id = ? AND status = 'pending'`,
    ).run(sent.codeHash, sent.expiresAt, at, sent.sends, sent.windowStart, at, id);
  }

  recordActivationAttempt(id: number, attempts: number, at: string): void {
    cached(this.db, "UPDATE payer_account SET activation_attempts = ?, updated_at = ? WHERE id = ? AND status = 'pending'").run(attempts, at, id);
  }

  activate(id: number, at: string): void {
    cached(
      this.db,
      `UPDATE payer_account SET status = 'active', activation_code_hash = NULL, activation_expires_at = NULL,
         activation_attempts = 0, activated_at = ?, updated_at = ?
       WHERE id = ? AND status = 'pending'`,
    ).run(at, at, id);
  }

  recordFailedSignIn(id: number, failedAttempts: number, lockedUntil: string | null, at: string): void {
    cached(this.db, 'UPDATE payer_account SET failed_attempts = ?, locked_until = ?, updated_at = ? WHERE id = ?').run(failedAttempts, lockedUntil, at, id);
  }

  recordSignIn(id: number, at: string): void {
    cached(this.db, 'UPDATE payer_account SET failed_attempts = 0, locked_until = NULL, last_sign_in_at = ?, updated_at = ? WHERE id = ?').run(at, at, id);
  }

  /** Privacy consent revoked: the row becomes a tombstone without any personal data. */
  close(id: number, at: string): void {
    cached(
      this.db,
      `UPDATE payer_account SET status = 'closed', fiscal_code = NULL, first_name = NULL, last_name = NULL, email = NULL,
         password_hash = NULL, activation_code_hash = NULL, activation_expires_at = NULL, locked_until = NULL,
         privacy_revoked_at = ?, closed_at = ?, updated_at = ?
       WHERE id = ? AND status <> 'closed'`,
    ).run(at, at, at, id);
  }
}
