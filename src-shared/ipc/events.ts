import { z } from 'zod';

/** Events main pushes to a window. Payloads are zod-checked on both sides. */
export const events = {
  'session.expired': z.object({ reason: z.enum(['idle', 'signedOutElsewhere']) }),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}
