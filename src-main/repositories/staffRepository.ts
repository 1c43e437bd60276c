import type { StaffRole } from '../../src-shared/auth/roles';
import type { StaffMember } from '../../src-shared/ipc/schemas/staff';
import type { Db } from '../db/openDatabase';
import { cached } from '../db/statementCache';

export interface StaffRecord extends StaffMember {
  passwordHash: string;
  failedAttempts: number;
}

interface StaffRow {
  id: number;
  username: string;
  first_name: string;
  last_name: string;
  role: StaffRole;
  password_hash: string;
  enabled: number;
  failed_attempts: number;
  locked_until: string | null;
  last_sign_in_at: string | null;
  created_at: string;
}

function toRecord(row: StaffRow): StaffRecord {
  return {
    id: row.id,
    username: row.username,
    firstName: row.first_name,
    lastName: row.last_name,
    role: row.role,
    enabled: row.enabled === 1,
    lockedUntil: row.locked_until,
    lastSignInAt: row.last_sign_in_at,
    createdAt: row.created_at,
    passwordHash: row.password_hash,
    failedAttempts: row.failed_attempts,
  };
}

/** Strips the credential fields before anything leaves the service layer. */
export function toStaffMember(record: StaffRecord): StaffMember {
  const { passwordHash: _hash, failedAttempts: _attempts, ...member } = record;
  return member;
}

export interface NewStaff {
  username: string;
  firstName: string;
  lastName: string;
  role: StaffRole;
  passwordHash: string;
}

export class StaffRepository {
  constructor(private readonly db: Db) {}

  findById(id: number): StaffRecord | null {
    const row = cached<[number], StaffRow>(this.db, 'SELECT * FROM staff WHERE id = ?').get(id);
    return row ? toRecord(row) : null;
  }

  findByUsername(username: string): StaffRecord | null {
    const row = cached<[string], StaffRow>(this.db, 'SELECT * FROM staff WHERE username = ?').get(username);
    return row ? toRecord(row) : null;
  }

  list(): StaffRecord[] {
    return cached<[], StaffRow>(
      this.db,
      'SELECT * FROM staff ORDER BY role, last_name COLLATE NOCASE, first_name COLLATE NOCASE, id',
    )
      .all()
      .map(toRecord);
  }

  countEnabledByRole(role: StaffRole): number {
    return cached<[string], { n: number }>(this.db, 'SELECT count(*) AS n FROM staff WHERE role = ? AND enabled = 1').get(role)!
      .n;
  }

  insert(staff: NewStaff, at: string): number {
    const result = cached(
      this.db,
      `INSERT INTO staff (username, first_name, last_name, role, password_hash, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(staff.username, staff.firstName, staff.lastName, staff.role, staff.passwordHash, at, at);
    return Number(result.lastInsertRowid);
  }

  setEnabled(id: number, enabled: boolean, at: string): void {
    cached(this.db, 'UPDATE staff SET enabled = ?, failed_attempts = 0, locked_until = NULL, updated_at = ? WHERE id = ?').run(
      enabled ? 1 : 0,
      at,
      id,
    );
  }

  recordFailedAttempt(id: number, failedAttempts: number, lockedUntil: string | null, at: string): void {
    cached(this.db, 'UPDATE staff SET failed_attempts = ?, locked_until = ?, updated_at = ? WHERE id = ?').run(
      failedAttempts,
      lockedUntil,
      at,
      id,
    );
  }

  recordSignIn(id: number, at: string): void {
    cached(
      this.db,
      'UPDATE staff SET failed_attempts = 0, locked_until = NULL, last_sign_in_at = ?, updated_at = ? WHERE id = ?',
    ).run(at, at, id);
  }
}
