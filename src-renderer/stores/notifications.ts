import { create } from 'zustand';

export interface Notification {
  id: number;
  severity: 'success' | 'info' | 'warning' | 'error';
  message: string;
  /** error code shown small, for support */
  code?: string;
}

interface NotificationsState {
  current: Notification | null;
  notify(n: Omit<Notification, 'id'>): void;
  dismiss(): void;
}

let nextId = 1;

/** One toast at a time: a newer message replaces the older, which is what a live region reads anyway. */
export const useNotifications = create<NotificationsState>()((set) => ({
  current: null,
  notify(n) {
    set({ current: { ...n, id: nextId++ } });
  },
  dismiss() {
    set({ current: null });
  },
}));
