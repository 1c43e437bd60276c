import type { StaffRole } from '../../src-shared/auth/roles';
import type { Clock } from '../platform/clock';

export interface Session<R extends string = StaffRole> {
  userId: number;
  role: R;
  lastActivityMs: number;
}

/** How long a window keeps being told why its session ended (not just "signed out"). */
const ENDING_MEMORY_MS = 24 * 60 * 60 * 1000;

export type EndReason = 'idle' | 'disabled';

export type SessionLookup<R extends string = StaffRole> =
  | { session: Session<R> }
  /** `justNow`: this lookup ended it (tell the window once) */
  | { ended: EndReason; justNow: boolean }
  | null;

/**
 * Sessions, one per window (an Electron webContents, or a web-host connection): one store for
 * staff, another for payers (role 'payer'). Authority lives here, never in the renderer.
 */
export class SessionStore<R extends string = StaffRole> {
  private readonly sessions = new Map<string, Session<R>>();
  /** windows whose session was ended by the system, so every later call can say why, not just the first */
  private readonly ended = new Map<string, { reason: EndReason; at: number }>();

  constructor(
    private readonly clock: Clock,
    readonly idleTimeoutMs: number,
  ) {}

  start(windowId: string, userId: number, role: R): Session<R> {
    const session: Session<R> = { userId, role, lastActivityMs: this.clock.now().getTime() };
    this.sessions.set(windowId, session);
    this.ended.delete(windowId);
    return session;
  }

  /** The live session of a window; an idle one is ended here and reported with its reason. */
  get(windowId: string): SessionLookup<R> {
    const session = this.sessions.get(windowId);
    if (!session) {
      const ending = this.ended.get(windowId);
      if (ending === undefined) return null;
      if (this.clock.now().getTime() - ending.at > ENDING_MEMORY_MS) {
        this.ended.delete(windowId);
        return null;
      }
      return { ended: ending.reason, justNow: false };
    }
    if (this.isIdle(session)) {
      this.endFor(windowId, 'idle');
      return { ended: 'idle', justNow: true };
    }
    return { session };
  }

  touch(windowId: string): void {
    const session = this.sessions.get(windowId);
    if (session) session.lastActivityMs = this.clock.now().getTime();
  }

  /** Sign-out or window closed: nothing to remember. */
  end(windowId: string): void {
    this.sessions.delete(windowId);
    this.ended.delete(windowId);
  }

  /** Ends every session of a user (account disabled): returns the windows affected. */
  endAllFor(userId: number): string[] {
    const windows: string[] = [];
    for (const [windowId, session] of this.sessions) {
      if (session.userId === userId) {
        this.endFor(windowId, 'disabled');
        windows.push(windowId);
      }
    }
    return windows;
  }

  /** Ends idle sessions; returns their windows so the host can tell them. */
  sweepIdle(): string[] {
    const now = this.clock.now().getTime();
    for (const [windowId, ending] of this.ended) if (now - ending.at > ENDING_MEMORY_MS) this.ended.delete(windowId);
    const expired: string[] = [];
    for (const [windowId, session] of this.sessions) {
      if (this.isIdle(session)) {
        this.endFor(windowId, 'idle');
        expired.push(windowId);
      }
    }
    return expired;
  }

  private endFor(windowId: string, reason: EndReason): void {
    this.sessions.delete(windowId);
    this.ended.set(windowId, { reason, at: this.clock.now().getTime() });
  }

  private isIdle(session: Session<R>): boolean {
    return this.clock.now().getTime() - session.lastActivityMs >= this.idleTimeoutMs;
  }
}
