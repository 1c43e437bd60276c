import type { IpcResult } from './contract';

/**
 * The one object the preload (Electron) or the web shim exposes as `window.sportello`.
 * Untyped at this edge on purpose: the typed client in the renderer wraps it, and main re-validates.
 */
export interface SportelloBridge {
  invoke(channel: string, input?: unknown): Promise<IpcResult>;
  /** Subscribes to a main-process event; returns the unsubscribe function. */
  on(event: string, listener: (payload: unknown) => void): () => void;
}

/** Electron IPC channel names used by the preload; kept here so main and preload agree. */
export const bridgeChannels = {
  invoke: 'sportello:invoke',
  event: 'sportello:event',
} as const;
