import type { StaffRole } from '../../src-shared/auth/roles';
import type { Clock } from '../platform/clock';

export interface Session {
  userId: number;
  role: StaffRole;
  lastActivityMs: number;
}

/**
 * Staff sessions, one per window (an Electron webContents, or a web-host connection).
 * Authority lives here, never in the renderer.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly clock: Clock,
    readonly idleTimeoutMs: number,
  ) {}

  start(windowId: string, userId: number, role: StaffRole): Session {
    const session: Session = { userId, role, lastActivityMs: this.clock.now().getTime() };
    this.sessions.set(windowId, session);
    return session;
  }

  /** The live session of a window; an idle one is ended and reported as 'expired'. */
  get(windowId: string): { session: Session } | { expired: true } | null {
    const session = this.sessions.get(windowId);
    if (!session) return null;
    if (this.isIdle(session)) {
      this.sessions.delete(windowId);
      return { expired: true };
    }
    return { session };
  }

  touch(windowId: string): void {
    const session = this.sessions.get(windowId);
    if (session) session.lastActivityMs = this.clock.now().getTime();
  }

  end(windowId: string): void {
    this.sessions.delete(windowId);
  }

  /** Ends every session of a user (account disabled): returns the windows affected. */
  endAllFor(userId: number): string[] {
    const windows: string[] = [];
    for (const [windowId, session] of this.sessions) {
      if (session.userId === userId) {
        this.sessions.delete(windowId);
        windows.push(windowId);
      }
    }
    return windows;
  }

  /** Ends idle sessions; returns their windows so the host can tell them. */
  sweepIdle(): string[] {
    const expired: string[] = [];
    for (const [windowId, session] of this.sessions) {
      if (this.isIdle(session)) {
        this.sessions.delete(windowId);
        expired.push(windowId);
      }
    }
    return expired;
  }

  private isIdle(session: Session): boolean {
    return this.clock.now().getTime() - session.lastActivityMs >= this.idleTimeoutMs;
  }
}
