import type { z } from 'zod';
import type { auditListInput, auditPage } from '../../src-shared/ipc/schemas/audit';
import type { Clock } from '../platform/clock';
import { nowIso } from '../platform/clock';
import type { AuditRepository } from '../repositories/auditRepository';
import type { Actor } from './actor';

/** Every change goes through `record`, inside the same transaction as the change itself. */
export class AuditService {
  constructor(
    private readonly repository: AuditRepository,
    private readonly clock: Clock,
  ) {}

  record(actor: Actor, action: string, entity: string, entityId: string | number | null, details: Record<string, unknown> = {}): void {
    this.repository.append({
      at: nowIso(this.clock),
      actorId: actor.id,
      actorName: actor.name,
      action,
      entity,
      entityId: entityId === null ? null : String(entityId),
      details,
    });
  }

  page(input: z.output<typeof auditListInput>): z.output<typeof auditPage> {
    const items = this.repository.page({ limit: input.limit + 1, beforeId: input.beforeId, action: input.action });
    const hasMore = items.length > input.limit;
    const pageItems = hasMore ? items.slice(0, input.limit) : items;
    return { items: pageItems, nextBeforeId: hasMore ? pageItems[pageItems.length - 1]!.id : null };
  }
}
