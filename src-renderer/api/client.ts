import type { ChannelInput, ChannelName, ChannelOutput, IpcResult } from '../../src-shared/ipc/contract';
import { events, type EventName, type EventPayload } from '../../src-shared/ipc/events';
import { errorMessages, type AppErrorPayload, type ErrorCode } from '../../src-shared/errors';

export type { IpcResult };
export type ApiError = AppErrorPayload;

/** Channels whose input is `undefined` may be called with no second argument. */
type InputArgs<C extends ChannelName> = undefined extends ChannelInput<C> ? [input?: ChannelInput<C>] : [input: ChannelInput<C>];

/** Codes meaning "this window no longer has a session": the app goes back to sign-in. */
export type SessionLostCode = Extract<ErrorCode, 'AUTH_SESSION_EXPIRED' | 'AUTH_REQUIRED' | 'PAYER_ACCOUNT_CLOSED'>;
const sessionLostCodes: ReadonlySet<string> = new Set<SessionLostCode>(['AUTH_SESSION_EXPIRED', 'AUTH_REQUIRED', 'PAYER_ACCOUNT_CLOSED']);
/** Calls that start or end a session answer for themselves: their errors are not "session lost". */
const sessionEdgeChannels: ReadonlySet<ChannelName> = new Set<ChannelName>(['auth.signIn', 'auth.signOut', 'payer.signIn', 'payer.signOut']);

let sessionLostHandler: ((code: SessionLostCode) => void) | null = null;

/** The session store registers itself here; kept as a callback so the client has no store import. */
export function setSessionLostHandler(handler: ((code: SessionLostCode) => void) | null): void {
  sessionLostHandler = handler;
}

function localError(code: ErrorCode): { ok: false; error: ApiError } {
  return { ok: false, error: { code, message: errorMessages[code] } };
}

function bridge() {
  return typeof window !== 'undefined' ? window.sportello : undefined;
}

/**
 * Typed call to main. Never throws: a missing bridge or a broken transport becomes an error result,
 * so every caller handles failures in one way.
 */
export async function invoke<C extends ChannelName>(channel: C, ...args: InputArgs<C>): Promise<IpcResult<ChannelOutput<C>>> {
  const b = bridge();
  if (!b) return localError('IPC_FORBIDDEN_SENDER');
  let result: IpcResult;
  try {
    result = await b.invoke(channel, args[0]);
  } catch {
    return localError('INTERNAL');
  }
  if (typeof result !== 'object' || result === null || typeof result.ok !== 'boolean') return localError('INTERNAL');
  if (!result.ok && sessionLostCodes.has(result.error.code) && !sessionEdgeChannels.has(channel)) {
    sessionLostHandler?.(result.error.code as SessionLostCode);
  }
  // main validated the output against the contract before sending it
  return result as IpcResult<ChannelOutput<C>>;
}

/** Subscribes to a main-process event; payloads that do not match the contract are dropped. */
export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  const b = bridge();
  if (!b) return () => {};
  return b.on(event, (raw) => {
    const parsed = events[event].safeParse(raw);
    if (parsed.success) listener(parsed.data as EventPayload<E>);
  });
}

export const api = { invoke, onEvent };
