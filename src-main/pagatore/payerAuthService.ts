import { AppError, fieldError } from '../../src-shared/errors';
import type { PayerSessionUser } from '../../src-shared/ipc/schemas/pagatore';
import { decoyPasswordHash, verifyPassword } from '../auth/password';
import type { SessionStore } from '../auth/sessionStore';
import type { Db } from '../db/openDatabase';
import type { Clock } from '../platform/clock';
import { nowIso } from '../platform/clock';
import type { AuditService } from '../services/auditService';
import { LOCKOUT_MS, MAX_FAILED_ATTEMPTS, lockedError } from '../services/authService';
import { payerActor, unknownPayerActor } from './payerActor';
import type { PayerAccount, PayerAccountRepository } from './payerAccountRepository';

export const PAYER_ROLE = 'payer';
export type PayerSessionStore = SessionStore<typeof PAYER_ROLE>;

export function toPayerSessionUser(a: PayerAccount): PayerSessionUser {
  return { id: a.id, fiscalCode: a.fiscalCode, firstName: a.firstName, lastName: a.lastName, email: a.email };
}

/** What the personal-data erasure removes: named in the audit entry so the log says what went. */
const ERASED_FIELDS = ['fiscalCode', 'firstName', 'lastName', 'email', 'passwordHash'] as const;

export interface PayerAuthServiceDeps {
  db: Db;
  accounts: PayerAccountRepository;
  sessions: PayerSessionStore;
  audit: AuditService;
  clock: Clock;
  /** a payer signing in on a window ends any staff session there: one kind of session per window */
  endStaffSession(windowId: string): void;
  /** the account was closed: its other windows are told (the host pushes `session.expired`) */
  onSignedOutElsewhere(windowIds: readonly string[]): void;
}

/**
 * Payer sign-in with the staff rules (5 wrong passwords lock for 15 minutes, a decoy hash for an
 * unknown code so timing says nothing), sign-out, and revoking the privacy consent, which closes
 * the account and erases what was held only for it.
 */
export class PayerAuthService {
  constructor(private readonly deps: PayerAuthServiceDeps) {}

  async signIn(windowId: string, fiscalCode: string, password: string): Promise<PayerSessionUser> {
    const { accounts, db, audit, clock } = this.deps;
    const account = accounts.findByFiscalCode(fiscalCode);
    if (!account) {
      await verifyPassword(password, await decoyPasswordHash());
      db.transaction(() => audit.record(unknownPayerActor, 'payer.signInFailed', 'payerAccount', null, { reason: 'unknownAccount' }))();
      throw new AppError('PAYER_INVALID_CREDENTIALS');
    }
    const now = clock.now();
    if (account.lockedUntil !== null && new Date(account.lockedUntil) > now) throw lockedError(account.lockedUntil, now);

    const passwordOk = await verifyPassword(password, account.passwordHash);
    const fresh = accounts.findById(account.id);
    if (!fresh) throw new AppError('PAYER_INVALID_CREDENTIALS');
    if (!passwordOk) this.failedPassword(fresh, now, 'payer.signInFailed', new AppError('PAYER_INVALID_CREDENTIALS'));
    // only after the right password: a guesser learns nothing about the account's state
    if (fresh.status !== 'active') throw new AppError('PAYER_NOT_ACTIVE');

    db.transaction(() => {
      accounts.recordSignIn(fresh.id, nowIso(clock));
      audit.record(payerActor(fresh.fiscalCode), 'payer.signIn', 'payerAccount', fresh.id);
    })();
    this.deps.endStaffSession(windowId);
    this.deps.sessions.start(windowId, fresh.id, PAYER_ROLE);
    return toPayerSessionUser(fresh);
  }

  signOut(windowId: string, payer: PayerSessionUser): void {
    this.deps.sessions.end(windowId);
    this.deps.db.transaction(() => this.deps.audit.record(payerActor(payer.fiscalCode), 'payer.signOut', 'payerAccount', payer.id))();
  }

  /**
   * Confirmed with the password. The account becomes a tombstone (no fiscal code, name, e-mail or
   * password); debt positions and receipts are the EC's records and stay. Every session of the
   * account ends, this window's included.
   */
  async revokeConsent(windowId: string, payer: PayerSessionUser, password: string): Promise<null> {
    const { accounts, db, audit, clock } = this.deps;
    const account = accounts.findById(payer.id);
    if (!account) throw new AppError('PAYER_ACCOUNT_CLOSED');
    const now = clock.now();
    if (account.lockedUntil !== null && new Date(account.lockedUntil) > now) throw lockedError(account.lockedUntil, now);
    const passwordOk = await verifyPassword(password, account.passwordHash);
    const fresh = accounts.findById(account.id);
    if (!fresh) throw new AppError('PAYER_ACCOUNT_CLOSED');
    if (!passwordOk) {
      // the same count as sign-in: an unattended kiosk must not become a password oracle
      this.failedPassword(fresh, now, 'payer.revokeConsentFailed', fieldError('PAYER_WRONG_PASSWORD', 'password', 'La password non è corretta.'), windowId);
    }
    db.transaction(() => {
      accounts.close(fresh.id, nowIso(clock));
      audit.record(payerActor(fresh.fiscalCode), 'payer.consentRevoked', 'payerAccount', fresh.id, {
        privacyVersion: fresh.privacyVersion,
        erased: ERASED_FIELDS,
      });
    })();
    this.deps.sessions.end(windowId);
    const others = this.deps.sessions.endAllFor(fresh.id);
    if (others.length > 0) this.deps.onSignedOutElsewhere(others);
    return null;
  }

  /** Counts a wrong password, locks at the limit (ending this window's session, if any), and throws. */
  private failedPassword(account: PayerAccount, now: Date, action: string, error: AppError, windowId?: string): never {
    const attempts = account.failedAttempts + 1;
    const locks = attempts >= MAX_FAILED_ATTEMPTS;
    const lockedUntil = locks ? new Date(now.getTime() + LOCKOUT_MS).toISOString() : null;
    const actor = payerActor(account.fiscalCode);
    this.deps.db.transaction(() => {
      this.deps.accounts.recordFailedSignIn(account.id, locks ? 0 : attempts, lockedUntil, now.toISOString());
      this.deps.audit.record(actor, action, 'payerAccount', account.id, { attempt: attempts });
      if (locks) this.deps.audit.record(actor, 'payer.locked', 'payerAccount', account.id, { until: lockedUntil });
    })();
    if (locks && lockedUntil) {
      if (windowId !== undefined) this.deps.sessions.end(windowId);
      throw lockedError(lockedUntil, now);
    }
    throw error;
  }
}
