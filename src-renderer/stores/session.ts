import { create } from 'zustand';
import type { AppStatus, SessionUser } from '../../src-shared/ipc/schemas/session';
import type { EcProfile } from '../../src-shared/ipc/schemas/ec';
import { api, setSessionLostHandler, type ApiError } from '../api/client';
import { useDirtyForms } from './dirtyForms';
import { useNotifications } from './notifications';

/** Why the user is back on the sign-in page without having signed out. */
export type SessionEndReason = 'idle' | 'required' | 'signedOutElsewhere' | 'signedOut';

export interface SessionNotice {
  reason: SessionEndReason;
  /** a form had unsaved data when the session ended */
  lostUnsavedData: boolean;
  /** who was signed in: only the same person is taken back to the page they were on */
  previousUserId: number;
}

interface SessionState {
  phase: 'loading' | 'ready' | 'error';
  loadError: ApiError | null;
  setupDone: boolean;
  ec: EcProfile | null;
  user: SessionUser | null;
  idleTimeoutMinutes: number;
  version: string;
  notice: SessionNotice | null;
  /** reads app.status from main: the only source of truth for setup and session */
  load(): Promise<void>;
  signedIn(user: SessionUser): void;
  signOut(): Promise<void>;
  sessionLost(reason: SessionEndReason): void;
  clearNotice(): void;
}

function applyStatus(status: AppStatus) {
  return {
    phase: 'ready' as const,
    loadError: null,
    setupDone: status.setupDone,
    ec: status.ec,
    user: status.user,
    idleTimeoutMinutes: status.idleTimeoutMinutes,
    version: status.version,
  };
}

export const useSession = create<SessionState>()((set, get) => ({
  phase: 'loading',
  loadError: null,
  setupDone: false,
  ec: null,
  user: null,
  idleTimeoutMinutes: 15,
  version: '',
  notice: null,

  async load() {
    const result = await api.invoke('app.status');
    if (result.ok) set(applyStatus(result.data));
    else set({ phase: 'error', loadError: result.error });
  },

  signedIn(user) {
    // the notice stays: the sign-in page reads it once more to decide where to go back to,
    // and the next sign-out or lost session replaces it before it is ever shown again
    set({ user });
  },

  async signOut() {
    // whatever main answers (even "already expired"), this window is signed out
    const previous = get().user;
    await api.invoke('auth.signOut');
    useDirtyForms.getState().reset();
    // a toast about the previous user's work must not greet the next one
    useNotifications.getState().dismiss();
    set({ user: null, notice: previous ? { reason: 'signedOut', lostUnsavedData: false, previousUserId: previous.id } : null });
  },

  sessionLost(reason) {
    const previous = get().user;
    if (previous === null) return;
    const lostUnsavedData = useDirtyForms.getState().count() > 0;
    useDirtyForms.getState().reset();
    useNotifications.getState().dismiss();
    set({ user: null, notice: { reason, lostUnsavedData, previousUserId: previous.id } });
  },

  clearNotice() {
    set({ notice: null });
  },
}));

setSessionLostHandler((code) => {
  useSession.getState().sessionLost(code === 'AUTH_SESSION_EXPIRED' ? 'idle' : 'required');
});
