import { z } from 'zod';

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditListInput = z.object({
  limit: z.number().int().min(1).max(500).default(100),
  /** keyset cursor: entries with id lower than this */
  beforeId: z.number().int().positive().optional(),
  action: z.string().max(64).optional(),
});
export type AuditListInput = z.input<typeof auditListInput>;

export const auditPage = z.object({
  items: z.array(auditEntry),
  nextBeforeId: z.number().int().nullable(),
});
