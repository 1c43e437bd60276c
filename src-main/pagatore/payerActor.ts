import type { Actor } from '../services/actor';

/**
 * How a payer appears in the audit log: "Cittadino RSSMRA80A01H501U". No staff id (the log's
 * actor_id names staff only); the account's own id goes in the entry's entity id.
 */
export function payerActor(fiscalCode: string): Actor {
  return { id: null, name: `Cittadino ${fiscalCode}` };
}

/** A sign-in attempt for a code with no account: the typed code is not kept in the log. */
export const unknownPayerActor: Actor = { id: null, name: 'Cittadino (non registrato)' };
