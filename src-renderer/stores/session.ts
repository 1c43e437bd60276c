import { create } from 'zustand';
import type { AppStatus, SessionUser } from '../../src-shared/ipc/schemas/session';
import type { EcProfile } from '../../src-shared/ipc/schemas/ec';
import type { PayerSessionUser } from '../../src-shared/ipc/schemas/pagatore';
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
  /** the signed-in payer (Pagatore) of this window; main never sets both */
  payer: PayerSessionUser | null;
  idleTimeoutMinutes: number;
  version: string;
  notice: SessionNotice | null;
  /** why the payer is back on the Pagatore's sign-in page */
  payerNotice: SessionNotice | null;
  /** the payer just closed their account from this window: the sign-in page confirms it */
  payerAccountClosed: boolean;
  /** reads app.status from main: the only source of truth for setup and session */
  load(): Promise<void>;
  signedIn(user: SessionUser): void;
  signOut(): Promise<void>;
  payerSignedIn(payer: PayerSessionUser): void;
  payerSignOut(): Promise<void>;
  /** the account was closed from this window (privacy consent revoked): no notice, the page says it */
  payerClosed(): void;
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
    payer: status.payer,
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
  payer: null,
  idleTimeoutMinutes: 15,
  version: '',
  notice: null,
  payerNotice: null,
  payerAccountClosed: false,

  async load() {
    const result = await api.invoke('app.status');
    if (result.ok) set(applyStatus(result.data));
    else set({ phase: 'error', loadError: result.error });
  },

  signedIn(user) {
    // the notice stays: the sign-in page reads it once more to decide where to go back to,
    // and the next sign-out or lost session replaces it before it is ever shown again
    // (main ended any payer session on this window)
    set({ user, payer: null });
  },

  payerSignedIn(payer) {
    set({ payer, user: null, payerAccountClosed: false });
  },

  async payerSignOut() {
    const previous = get().payer;
    await api.invoke('payer.signOut');
    useDirtyForms.getState().reset();
    useNotifications.getState().dismiss();
    set({ payer: null, payerNotice: previous ? { reason: 'signedOut', lostUnsavedData: false, previousUserId: previous.id } : null });
  },

  payerClosed() {
    useDirtyForms.getState().reset();
    set({ payer: null, payerNotice: null, payerAccountClosed: true });
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
    const payer = get().payer;
    if (payer !== null) {
      const lostUnsavedData = useDirtyForms.getState().count() > 0;
      useDirtyForms.getState().reset();
      useNotifications.getState().dismiss();
      set({ payer: null, payerNotice: { reason, lostUnsavedData, previousUserId: payer.id } });
      return;
    }
    const previous = get().user;
    if (previous === null) return;
    const lostUnsavedData = useDirtyForms.getState().count() > 0;
    useDirtyForms.getState().reset();
    useNotifications.getState().dismiss();
    set({ user: null, notice: { reason, lostUnsavedData, previousUserId: previous.id } });
  },

  clearNotice() {
    set({ notice: null, payerNotice: null, payerAccountClosed: false });
  },
}));

setSessionLostHandler((code) => {
  useSession.getState().sessionLost(code === 'AUTH_SESSION_EXPIRED' ? 'idle' : code === 'PAYER_ACCOUNT_CLOSED' ? 'signedOutElsewhere' : 'required');
});
