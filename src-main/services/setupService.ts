import { AppError } from '../../src-shared/errors';
import type { SessionUser, SetupInput } from '../../src-shared/ipc/schemas/session';
import { hashPassword } from '../auth/password';
import type { SessionStore } from '../auth/sessionStore';
import type { Db } from '../db/openDatabase';
import type { Clock } from '../platform/clock';
import { nowIso } from '../platform/clock';
import type { EcProfileRepository } from '../repositories/ecProfileRepository';
import type { StaffRepository } from '../repositories/staffRepository';
import { actorOf, toSessionUser } from './authService';
import type { AuditService } from './auditService';

/** First run: the EC profile and its first Referente dei Pagamenti, created together or not at all. */
export class SetupService {
  constructor(
    private readonly db: Db,
    private readonly ec: EcProfileRepository,
    private readonly staff: StaffRepository,
    private readonly sessions: SessionStore,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  isDone(): boolean {
    return this.ec.get() !== null;
  }

  /** Creates EC + admin; with a windowId the admin is signed in on that window. */
  async complete(input: SetupInput, windowId: string | null): Promise<SessionUser> {
    if (this.isDone()) throw new AppError('SETUP_ALREADY_DONE');
    const passwordHash = await hashPassword(input.admin.password);
    const created = this.db.transaction(() => {
      // checked again inside the transaction: two windows may finish the wizard at once
      if (this.isDone()) throw new AppError('SETUP_ALREADY_DONE');
      const at = nowIso(this.clock);
      this.ec.insert(input.ec, at);
      const id = this.staff.insert(
        { username: input.admin.email, firstName: input.admin.firstName, lastName: input.admin.lastName, role: 'ecAdmin', passwordHash },
        at,
      );
      const admin = this.staff.findById(id)!;
      const actor = actorOf(admin);
      this.audit.record(actor, 'ec.created', 'ec', input.ec.fiscalCode, { ...input.ec });
      this.audit.record(actor, 'staff.created', 'staff', id, {
        username: admin.username,
        role: admin.role,
        firstName: admin.firstName,
        lastName: admin.lastName,
      });
      return admin;
    })();
    if (windowId !== null) this.sessions.start(windowId, created.id, created.role);
    return toSessionUser(created);
  }
}
