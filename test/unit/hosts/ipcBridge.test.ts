import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createEventSink, createInvokeHandler } from '../../../src-main/hosts/electron/ipcBridge';
import { silentLogger } from '../../../src-main/platform/logger';

interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  processId: number;
  routingId: number;
}

function fakeEvent(options: { id?: number; url?: string; subframe?: boolean; frameGone?: boolean; otherMain?: boolean } = {}): IpcMainInvokeEvent {
  const main: FakeFrame = { url: options.url ?? 'app://sportello/#/', parent: null, processId: 4, routingId: 1 };
  const child: FakeFrame = { url: options.url ?? 'app://sportello/#/', parent: main, processId: 4, routingId: 2 };
  const sender = { id: options.id ?? 7, mainFrame: options.otherMain ? { ...main, routingId: 99 } : main };
  return { sender, senderFrame: options.frameGone ? null : options.subframe ? child : main } as unknown as IpcMainInvokeEvent;
}

function setup() {
  const router = { invoke: vi.fn(async () => ({ ok: true as const, data: 'pong' })) };
  const logger = { ...silentLogger, warn: vi.fn() };
  const handler = createInvokeHandler({ router, knownIds: new Set([7]), devOrigin: null, logger });
  return { router, logger, handler };
}

describe('IPC invoke handler', () => {
  it('passes a trusted call to the router with the webContents id as the window', async () => {
    const { router, handler } = setup();
    await expect(handler(fakeEvent(), 'app.version', { a: 1 })).resolves.toEqual({ ok: true, data: 'pong' });
    expect(router.invoke).toHaveBeenCalledWith({ windowId: '7' }, 'app.version', { a: 1 });
  });

  it.each([
    ['a subframe', { subframe: true }],
    ['a frame that is gone', { frameGone: true }],
    ['a frame that is not the sender\'s main frame', { otherMain: true }],
    ['a window the host did not create', { id: 8 }],
    ['a foreign origin', { url: 'https://evil.example/' }],
    ['a file:// page', { url: 'file:///tmp/x.html' }],
    ['another app:// host', { url: 'app://other/' }],
  ])('refuses %s with IPC_FORBIDDEN_SENDER and never reaches the router', async (_name, options) => {
    const { router, logger, handler } = setup();
    const result = await handler(fakeEvent(options), 'auth.signIn', { username: 'x', password: 'y' });
    expect(result).toEqual({ ok: false, error: { code: 'IPC_FORBIDDEN_SENDER', message: 'Richiesta rifiutata: origine non autorizzata.' } });
    expect(router.invoke).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledWith('ipc.sender.refused', expect.objectContaining({ webContentsId: (options as { id?: number }).id ?? 7 }));
  });

  it('logs the origin of a refused sender, never its full URL', async () => {
    const { logger, handler } = setup();
    await handler(fakeEvent({ url: 'https://evil.example/path?cf=RSSMRA80A01H501U' }), 'x', undefined);
    expect(JSON.stringify(logger.warn.mock.calls)).not.toContain('RSSMRA');
  });

  it('treats a frame whose properties throw (destroyed mid-call) as untrusted', async () => {
    const { router, handler } = setup();
    const event = fakeEvent();
    Object.defineProperty(event.sender, 'mainFrame', { get: () => { throw new Error('Render frame was disposed'); } });
    const result = await handler(event, 'app.version', undefined);
    expect(result.ok).toBe(false);
    expect(router.invoke).not.toHaveBeenCalled();
  });
});

describe('event sink', () => {
  function contents(id: number, destroyed = false) {
    return { id, isDestroyed: () => destroyed, send: vi.fn() };
  }

  it('sends to a live window the host created, on the bridge event channel', () => {
    const window = contents(7);
    const sink = createEventSink({ fromId: (id) => (id === 7 ? (window as unknown as WebContents) : undefined), knownIds: new Set([7]) });
    sink('7', 'session.expired', { reason: 'idle' });
    expect(window.send).toHaveBeenCalledWith('sportello:event', 'session.expired', { reason: 'idle' });
  });

  it('drops events for unknown, destroyed or malformed windows', () => {
    const stranger = contents(9);
    const dead = contents(7, true);
    const fromId = vi.fn((id: number) => (id === 9 ? stranger : dead) as unknown as WebContents);
    const sink = createEventSink({ fromId, knownIds: new Set([7]) });
    sink('9', 'session.expired', { reason: 'idle' });
    sink('7', 'session.expired', { reason: 'idle' });
    sink('web-abc', 'session.expired', { reason: 'idle' });
    expect(stranger.send).not.toHaveBeenCalled();
    expect(dead.send).not.toHaveBeenCalled();
  });
});
