import type { z } from 'zod';
import { canAccess } from '../../src-shared/auth/permissions';
import { AppError, type FieldErrors } from '../../src-shared/errors';
import {
  channels,
  grantsOf,
  isChannelName,
  type Grant,
  type ChannelName,
  type ChannelOutput,
  type ChannelParsedInput,
  type IpcResult,
} from '../../src-shared/ipc/contract';
import type { SessionUser } from '../../src-shared/ipc/schemas/session';
import type { PayerSessionUser } from '../../src-shared/ipc/schemas/pagatore';
import type { SessionStore } from '../auth/sessionStore';
import type { PayerAccount } from '../pagatore/payerAccountRepository';
import { payerActor, toPayerSessionUser, type PayerSessionStore } from '../pagatore';
import type { Logger } from '../platform/logger';
import type { StaffRepository } from '../repositories/staffRepository';
import type { Actor } from '../services/actor';
import { actorOf, toSessionUser } from '../services/authService';

/** What a host knows about a call: which window (webContents or web connection) it came from. */
export interface CallOrigin {
  windowId: string;
}

export interface HandlerContext {
  windowId: string;
  /** the signed-in staff user, null on public channels called while signed out, and for payers */
  user: SessionUser | null;
  /** the signed-in payer (Pagatore) of the window; never set together with `user` */
  payer: PayerSessionUser | null;
  actor: Actor;
}

export type Handler<C extends ChannelName> = (
  input: ChannelParsedInput<C>,
  context: HandlerContext,
) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

export type Handlers = { [C in ChannelName]: Handler<C> };

export interface RouterDeps {
  handlers: Handlers;
  sessions: SessionStore;
  staff: StaffRepository;
  payerSessions: PayerSessionStore;
  payerAccounts: { findById(id: number): PayerAccount | null };
  logger: Logger;
  /** a session just expired on this window: the host pushes the `session.expired` event */
  onSessionExpired(windowId: string): void;
}

export interface Router {
  invoke(origin: CallOrigin, channel: unknown, input: unknown): Promise<IpcResult>;
}

const anonymous: Actor = { id: null, name: 'anonimo' };

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '_';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

function failure(error: AppError): IpcResult {
  return { ok: false, error: error.toPayload() };
}

/**
 * The single entry point of every host: channel -> permission -> input -> service -> output.
 * Whatever arrives, it answers with an IpcResult and never throws; a refused call changes nothing.
 */
export function createRouter(deps: RouterDeps): Router {
  async function resolveUser(origin: CallOrigin): Promise<SessionUser | null | AppError> {
    const found = deps.sessions.get(origin.windowId);
    if (found === null) return null;
    if ('ended' in found) {
      if (found.justNow) deps.onSessionExpired(origin.windowId);
      return new AppError(found.ended === 'idle' ? 'AUTH_SESSION_EXPIRED' : 'AUTH_DISABLED');
    }
    const staff = deps.staff.findById(found.session.userId);
    if (!staff || !staff.enabled) {
      deps.sessions.end(origin.windowId);
      return new AppError(staff ? 'AUTH_DISABLED' : 'AUTH_REQUIRED');
    }
    return toSessionUser(staff);
  }

  function resolvePayer(origin: CallOrigin): PayerSessionUser | null | AppError {
    const found = deps.payerSessions.get(origin.windowId);
    if (found === null) return null;
    if ('ended' in found) {
      if (found.justNow) deps.onSessionExpired(origin.windowId);
      return new AppError(found.ended === 'idle' ? 'AUTH_SESSION_EXPIRED' : 'PAYER_ACCOUNT_CLOSED');
    }
    const account = deps.payerAccounts.findById(found.session.userId);
    if (!account || account.status !== 'active') {
      deps.payerSessions.end(origin.windowId);
      return new AppError('PAYER_ACCOUNT_CLOSED');
    }
    return toPayerSessionUser(account);
  }

  /** Whether the window's session satisfies one of the channel's grants. */
  function admits(grants: readonly Grant[], user: SessionUser | null, payer: PayerSessionUser | null): boolean {
    return grants.some((g) => (g === 'payer' ? payer !== null : user !== null && (g === 'signedIn' || canAccess(user.role, g))));
  }

  return {
    async invoke(origin, channel, input) {
      try {
        if (!isChannelName(channel)) return failure(new AppError('IPC_UNKNOWN_CHANNEL'));
        const def = channels[channel];

        const user = await resolveUser(origin);
        const payer = resolvePayer(origin);
        const sessionUser = user instanceof AppError ? null : user;
        const sessionPayer = payer instanceof AppError ? null : payer;
        const grants = grantsOf(def.permission);
        if (grants.length > 0) {
          if (!admits(grants, sessionUser, sessionPayer)) {
            if (sessionUser !== null || sessionPayer !== null) return failure(new AppError('AUTH_FORBIDDEN'));
            // no live session: say why the one the channel needs ended, if it did
            const wantsPayer = grants.includes('payer');
            const wantsStaff = grants.some((g) => g !== 'payer');
            if (wantsPayer && payer instanceof AppError) return failure(payer);
            if (wantsStaff && user instanceof AppError) return failure(user);
            return failure(new AppError('AUTH_REQUIRED'));
          }
          if (sessionPayer) deps.payerSessions.touch(origin.windowId);
          else deps.sessions.touch(origin.windowId);
        }

        const parsed = def.input.safeParse(input);
        if (!parsed.success) {
          return failure(new AppError('IPC_INVALID_INPUT', { fieldErrors: zodFieldErrors(parsed.error) }));
        }

        const handler = deps.handlers[channel] as Handler<typeof channel>;
        const context: HandlerContext = {
          windowId: origin.windowId,
          user: sessionUser,
          payer: sessionPayer,
          actor: sessionUser ? actorOf(sessionUser) : sessionPayer ? payerActor(sessionPayer.fiscalCode) : anonymous,
        };
        const result = await handler(parsed.data as never, context);
        // parsing the output strips anything the contract does not name (hashes, internal columns)
        const output = def.output.safeParse(result);
        if (!output.success) {
          deps.logger.error('ipc.output.invalid', { channel, issues: output.error.issues.slice(0, 5) });
          return failure(new AppError('INTERNAL'));
        }
        return { ok: true, data: output.data };
      } catch (error) {
        if (error instanceof AppError) return failure(error);
        deps.logger.error('ipc.handler.failed', { channel: typeof channel === 'string' ? channel.slice(0, 64) : null, error });
        return failure(new AppError('INTERNAL'));
      }
    },
  };
}
