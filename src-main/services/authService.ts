import { AppError } from '../../src-shared/errors';
import type { SessionUser } from '../../src-shared/ipc/schemas/session';
import { decoyPasswordHash, verifyPassword } from '../auth/password';
import type { SessionStore } from '../auth/sessionStore';
import type { Db } from '../db/openDatabase';
import type { Clock } from '../platform/clock';
import { nowIso } from '../platform/clock';
import type { StaffRecord, StaffRepository } from '../repositories/staffRepository';
import type { Actor } from './actor';
import type { AuditService } from './auditService';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

export function toSessionUser(staff: StaffRecord): SessionUser {
  return { id: staff.id, username: staff.username, firstName: staff.firstName, lastName: staff.lastName, role: staff.role };
}

export function actorOf(staff: Pick<StaffRecord, 'id' | 'firstName' | 'lastName' | 'username'>): Actor {
  return { id: staff.id, name: `${staff.firstName} ${staff.lastName} (${staff.username})` };
}

export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly staff: StaffRepository,
    private readonly sessions: SessionStore,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async signIn(windowId: string, username: string, password: string): Promise<SessionUser> {
    const record = this.staff.findByUsername(username);
    if (!record) {
      await verifyPassword(password, await decoyPasswordHash());
      this.db.transaction(() =>
        this.audit.record({ id: null, name: username }, 'auth.signInFailed', 'staff', null, { reason: 'unknownUser' }),
      )();
      throw new AppError('AUTH_INVALID_CREDENTIALS');
    }

    const now = this.clock.now();
    if (record.lockedUntil !== null && new Date(record.lockedUntil) > now) {
      throw lockedError(record.lockedUntil, now);
    }

    const passwordOk = await verifyPassword(password, record.passwordHash);
    // re-read after the await: another window may have signed in or failed meanwhile
    const fresh = this.staff.findById(record.id) ?? record;
    if (!passwordOk) {
      const attempts = fresh.failedAttempts + 1;
      const locks = attempts >= MAX_FAILED_ATTEMPTS;
      const lockedUntil = locks ? new Date(now.getTime() + LOCKOUT_MS).toISOString() : null;
      this.db.transaction(() => {
        this.staff.recordFailedAttempt(fresh.id, locks ? 0 : attempts, lockedUntil, nowIso(this.clock));
        this.audit.record(actorOf(fresh), 'auth.signInFailed', 'staff', fresh.id, { attempt: attempts });
        if (locks) this.audit.record(actorOf(fresh), 'auth.locked', 'staff', fresh.id, { until: lockedUntil });
      })();
      if (locks && lockedUntil) throw lockedError(lockedUntil, now);
      throw new AppError('AUTH_INVALID_CREDENTIALS');
    }
    if (!fresh.enabled) throw new AppError('AUTH_DISABLED');

    this.db.transaction(() => {
      this.staff.recordSignIn(fresh.id, nowIso(this.clock));
      this.audit.record(actorOf(fresh), 'auth.signIn', 'staff', fresh.id);
    })();
    this.sessions.start(windowId, fresh.id, fresh.role);
    return toSessionUser(fresh);
  }

  signOut(windowId: string, actor: Actor): void {
    this.sessions.end(windowId);
    this.db.transaction(() => this.audit.record(actor, 'auth.signOut', 'staff', actor.id))();
  }
}

/** The lockout message with the minutes left; payers get the same rule and wording. */
export function lockedError(lockedUntil: string, now: Date): AppError {
  const minutes = Math.max(1, Math.ceil((new Date(lockedUntil).getTime() - now.getTime()) / 60_000));
  return new AppError('AUTH_LOCKED', {
    message: `Account bloccato per troppi tentativi non riusciti. Riprova tra ${minutes} ${minutes === 1 ? 'minuto' : 'minuti'}.`,
  });
}
