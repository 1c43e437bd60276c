import { AppError, fieldError } from '../../src-shared/errors';
import type { StaffCreateInput, StaffMember } from '../../src-shared/ipc/schemas/staff';
import { hashPassword } from '../auth/password';
import type { SessionStore } from '../auth/sessionStore';
import type { Db } from '../db/openDatabase';
import type { Clock } from '../platform/clock';
import { nowIso } from '../platform/clock';
import { toStaffMember, type StaffRepository } from '../repositories/staffRepository';
import type { Actor } from './actor';
import type { AuditService } from './auditService';

export class StaffService {
  constructor(
    private readonly db: Db,
    private readonly staff: StaffRepository,
    private readonly sessions: SessionStore,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    /** tells a window its session was ended (account disabled) */
    private readonly onSessionsEnded: (windowIds: string[]) => void,
  ) {}

  list(): StaffMember[] {
    return this.staff.list().map(toStaffMember);
  }

  async create(actor: Actor, input: StaffCreateInput): Promise<StaffMember> {
    if (this.staff.findByUsername(input.email)) {
      throw fieldError('STAFF_USERNAME_TAKEN', 'email', 'Esiste già un utente con questo indirizzo e-mail.');
    }
    const passwordHash = await hashPassword(input.password);
    return this.db.transaction(() => {
      if (this.staff.findByUsername(input.email)) {
        throw fieldError('STAFF_USERNAME_TAKEN', 'email', 'Esiste già un utente con questo indirizzo e-mail.');
      }
      const id = this.staff.insert(
        { username: input.email, firstName: input.firstName, lastName: input.lastName, role: input.role, passwordHash },
        nowIso(this.clock),
      );
      this.audit.record(actor, 'staff.created', 'staff', id, {
        username: input.email,
        role: input.role,
        firstName: input.firstName,
        lastName: input.lastName,
      });
      return toStaffMember(this.staff.findById(id)!);
    })();
  }

  setEnabled(actor: Actor, id: number, enabled: boolean): StaffMember {
    const result = this.db.transaction(() => {
      const target = this.staff.findById(id);
      if (!target) throw new AppError('STAFF_NOT_FOUND');
      if (target.enabled === enabled) return toStaffMember(target);
      if (!enabled && target.id === actor.id) throw new AppError('STAFF_SELF_DISABLE');
      if (!enabled && target.role === 'ecAdmin' && this.staff.countEnabledByRole('ecAdmin') <= 1) {
        throw new AppError('STAFF_LAST_ADMIN');
      }
      this.staff.setEnabled(id, enabled, nowIso(this.clock));
      this.audit.record(actor, enabled ? 'staff.enabled' : 'staff.disabled', 'staff', id, { username: target.username });
      return toStaffMember(this.staff.findById(id)!);
    })();
    if (!enabled) this.onSessionsEnded(this.sessions.endAllFor(id));
    return result;
  }
}
