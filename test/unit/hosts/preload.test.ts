import { beforeEach, describe, expect, it, vi } from 'vitest';

// The preload runs in Electron's sandbox; here `electron` is replaced by a recorder, so the test
// sees exactly what the page would get from contextBridge and what goes over IPC.
const recorded = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  ipcListeners: new Map<string, (...args: unknown[]) => void>(),
  invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, data: null }) as unknown),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => recorded.exposed.set(key, api) },
  ipcRenderer: {
    invoke: recorded.invoke,
    on: (channel: string, listener: (...args: unknown[]) => void) => recorded.ipcListeners.set(channel, listener),
  },
}));

interface Bridge {
  invoke(channel: unknown, input?: unknown): Promise<unknown>;
  on(event: unknown, listener: unknown): () => void;
}

let bridge: Bridge;
const ipcEvent = { sender: 'ipcRenderer would leak here', ports: [] };
const emit = (name: unknown, payload: unknown) => recorded.ipcListeners.get('sportello:event')?.(ipcEvent, name, payload);

beforeEach(async () => {
  vi.resetModules();
  recorded.exposed.clear();
  recorded.ipcListeners.clear();
  recorded.invoke.mockClear();
  await import('../../../src-main/hosts/electron/preload');
  bridge = recorded.exposed.get('sportello') as Bridge;
});

describe('preload bridge', () => {
  it('exposes only window.sportello with exactly invoke and on', () => {
    expect([...recorded.exposed.keys()]).toEqual(['sportello']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
  });

  it('forwards invoke on the one bridge channel', async () => {
    await expect(bridge.invoke('app.version', { x: 1 })).resolves.toEqual({ ok: true, data: null });
    expect(recorded.invoke).toHaveBeenCalledWith('sportello:invoke', 'app.version', { x: 1 });
  });

  it('rejects bad channel names without touching IPC', async () => {
    for (const channel of [undefined, 42, '', 'x'.repeat(65), { toString: () => 'app.version' }]) {
      await expect(bridge.invoke(channel)).rejects.toThrow(TypeError);
    }
    expect(recorded.invoke).not.toHaveBeenCalled();
  });

  it('gives listeners the payload only, never the IPC event', () => {
    const listener = vi.fn();
    bridge.on('session.expired', listener);
    emit('session.expired', { reason: 'idle' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([{ reason: 'idle' }]);
  });

  it('routes by event name and unsubscribes', () => {
    const a = vi.fn();
    const b = vi.fn();
    const offA = bridge.on('session.expired', a);
    bridge.on('job.progress', b);
    emit('job.progress', { done: 1 });
    expect(a).not.toHaveBeenCalled();
    expect(b).toHaveBeenCalledWith({ done: 1 });
    offA();
    offA();
    emit('session.expired', { reason: 'idle' });
    expect(a).not.toHaveBeenCalled();
  });

  it('keeps delivering when one listener throws', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const good = vi.fn();
    bridge.on('session.expired', () => {
      throw new Error('boom');
    });
    bridge.on('session.expired', good);
    emit('session.expired', { reason: 'idle' });
    expect(good).toHaveBeenCalled();
    error.mockRestore();
  });

  it('validates on() arguments', () => {
    expect(() => bridge.on('session.expired', 'not a function')).toThrow(TypeError);
    expect(() => bridge.on(5, () => {})).toThrow(TypeError);
    expect(() => bridge.on('y'.repeat(65), () => {})).toThrow(TypeError);
  });

  it('ignores malformed event messages', () => {
    const listener = vi.fn();
    bridge.on('session.expired', listener);
    emit(undefined, {});
    emit({ name: 'session.expired' }, {});
    expect(listener).not.toHaveBeenCalled();
  });
});
