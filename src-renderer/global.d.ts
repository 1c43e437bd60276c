import type { SportelloBridge } from '../src-shared/ipc/bridge';

declare global {
  interface Window {
    /** Provided by the Electron preload or the web host's shim; absent when opened any other way. */
    readonly sportello?: SportelloBridge;
  }
}

export {};
