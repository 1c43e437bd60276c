import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { bridgeChannels, type SportelloBridge } from '../../../src-shared/ipc/bridge';

/**
 * Sandboxed preload: it can only `require('electron')`, so it imports nothing else at run time
 * (bridgeChannels is a constant the bundler inlines). It exposes one narrow object and never
 * hands the page `ipcRenderer` or an IpcRendererEvent: listeners receive only the payload.
 * Main re-checks everything; these checks just fail fast on obvious misuse.
 */

const MAX_NAME_LENGTH = 64;

function isName(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_NAME_LENGTH;
}

const listeners = new Map<string, Set<(payload: unknown) => void>>();

// one IPC listener for every subscription, so page code never accumulates ipcRenderer listeners
ipcRenderer.on(bridgeChannels.event, (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  const set = listeners.get(name);
  if (!set) return;
  for (const listener of Array.from(set)) {
    try {
      listener(payload);
    } catch (error) {
      // one failing listener must not starve the others
      console.error('sportello: listener failed', error);
    }
  }
});

const bridge: SportelloBridge = {
  invoke(channel, input) {
    if (!isName(channel)) return Promise.reject(new TypeError('sportello.invoke: channel must be a string of 1-64 characters'));
    return ipcRenderer.invoke(bridgeChannels.invoke, channel, input) as ReturnType<SportelloBridge['invoke']>;
  },
  on(event, listener) {
    if (!isName(event)) throw new TypeError('sportello.on: event must be a string of 1-64 characters');
    if (typeof listener !== 'function') throw new TypeError('sportello.on: listener must be a function');
    // a private wrapper, so subscribing the same function twice yields two independent subscriptions
    const wrapped = (payload: unknown): void => listener(payload);
    let set = listeners.get(event);
    if (!set) {
      set = new Set();
      listeners.set(event, set);
    }
    set.add(wrapped);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      set.delete(wrapped);
      if (set.size === 0 && listeners.get(event) === set) listeners.delete(event);
    };
  },
};

contextBridge.exposeInMainWorld('sportello', bridge);
