import type { AuditEntry } from '../../src-shared/ipc/schemas/audit';
import type { Db } from '../db/openDatabase';
import { cached } from '../db/statementCache';

interface AuditRow {
  id: number;
  at: string;
  actor_id: number | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string | null;
  details: string;
}

export interface NewAuditEntry {
  at: string;
  actorId: number | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | null;
  details: Record<string, unknown>;
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    details: JSON.parse(row.details) as Record<string, unknown>,
  };
}

/** Append-only: the table's triggers refuse UPDATE and DELETE, so this class offers neither. */
export class AuditRepository {
  constructor(private readonly db: Db) {}

  append(entry: NewAuditEntry): void {
    cached(
      this.db,
      'INSERT INTO audit_log (at, actor_id, actor_name, action, entity, entity_id, details) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(entry.at, entry.actorId, entry.actorName, entry.action, entry.entity, entry.entityId, JSON.stringify(entry.details));
  }

  /** Newest first, keyset-paginated on id. */
  page(options: { limit: number; beforeId?: number | undefined; action?: string | undefined }): AuditEntry[] {
    const where: string[] = [];
    const params: Array<string | number> = [];
    if (options.beforeId !== undefined) {
      where.push('id < ?');
      params.push(options.beforeId);
    }
    if (options.action !== undefined) {
      where.push('action = ?');
      params.push(options.action);
    }
    const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`;
    params.push(options.limit);
    return cached<Array<string | number>, AuditRow>(this.db, sql)
      .all(...params)
      .map(toEntry);
  }
}
