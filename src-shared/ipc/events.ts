import { z } from 'zod';
import { printJobStatus } from './schemas/print';

/** Events main pushes to a window. Payloads are zod-checked on both sides. */
export const events = {
  'session.expired': z.object({ reason: z.enum(['idle', 'signedOutElsewhere']) }),
  /** a batch print job moved on, or ended (state other than running) */
  'print.progress': printJobStatus,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}
