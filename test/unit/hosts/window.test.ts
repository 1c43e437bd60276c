import { EventEmitter } from 'node:events';
import type { MenuItemConstructorOptions, Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { bindSessionLifetime, buildMenuTemplate, hardenSession, hardenWebContents, mainWindowOptions, printWindowOptions } from '../../../src-main/hosts/electron/window';
import { isAppUrl } from '../../../src-main/hosts/electron/senderPolicy';

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
}

function navigation(url: string, extra: Record<string, unknown> = {}) {
  return { url, preventDefault: vi.fn(), ...extra };
}

describe('main window options', () => {
  it('are sandboxed, isolated, without Node, with web security, hidden until ready', () => {
    const options = mainWindowOptions({ preloadPath: '/app/out/preload/preload.cjs', kiosk: false, devTools: false });
    expect(options.show).toBe(false);
    expect(options.title).toBe('Sportello');
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
    expect(mainWindowOptions({ preloadPath: 'p', kiosk: true, devTools: true }).kiosk).toBe(true);
  });

  it('the hidden print window keeps every lock of the main window, has no preload and no DevTools', () => {
    const main = mainWindowOptions({ preloadPath: 'p', kiosk: false, devTools: true }).webPreferences ?? {};
    const print = printWindowOptions();
    expect(print.show).toBe(false);
    const { preload: _preload, devTools: _devTools, ...locks } = main;
    expect(print.webPreferences).toMatchObject(locks);
    expect(print.webPreferences).not.toHaveProperty('preload');
    expect(print.webPreferences?.devTools).toBe(false);
  });
});

describe('webContents hardening', () => {
  function hardened() {
    const contents = new FakeContents();
    const refused = vi.fn();
    hardenWebContents(contents as unknown as WebContents, (url) => isAppUrl(url, null), refused);
    return { contents, refused };
  }

  it('denies every window.open', () => {
    const { contents, refused } = hardened();
    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'app://sportello/#/x' })).toEqual({ action: 'deny' });
    expect(refused).toHaveBeenCalledWith('window-open', 'https://evil.example/');
  });

  it('blocks navigation and redirects away from the app, allows in-app ones', () => {
    const { contents } = hardened();
    const away = navigation('https://evil.example/');
    const file = navigation('file:///etc/passwd');
    const inside = navigation('app://sportello/#/ec');
    contents.emit('will-navigate', away);
    contents.emit('will-navigate', file);
    contents.emit('will-navigate', inside);
    expect(away.preventDefault).toHaveBeenCalled();
    expect(file.preventDefault).toHaveBeenCalled();
    expect(inside.preventDefault).not.toHaveBeenCalled();

    const redirect = navigation('https://evil.example/');
    contents.emit('will-redirect', redirect);
    expect(redirect.preventDefault).toHaveBeenCalled();

    const subframe = navigation('https://evil.example/', { isMainFrame: false });
    contents.emit('will-frame-navigate', subframe);
    expect(subframe.preventDefault).toHaveBeenCalled();
  });

  it('never attaches a <webview>', () => {
    const { contents } = hardened();
    const attach = navigation('');
    contents.emit('will-attach-webview', attach, {}, {});
    expect(attach.preventDefault).toHaveBeenCalled();
  });
});

describe('session lifetime', () => {
  it('ends the window session when a new document commits (reload included), not before; forgets the window when destroyed', () => {
    const contents = new FakeContents();
    const end = vi.fn();
    const forget = vi.fn();
    bindSessionLifetime(contents as unknown as WebContents, end, forget);

    // hash changes are in-page (did-navigate-in-page); a navigation merely starting may still be refused
    contents.emit('did-navigate-in-page', {}, 'app://sportello/#/ec/iban', true);
    contents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false, url: 'https://evil.example/' });
    expect(end).not.toHaveBeenCalled();

    contents.emit('did-navigate', {}, 'app://sportello/', -1, '');
    expect(end).toHaveBeenCalledTimes(1);

    contents.emit('render-process-gone', {}, { reason: 'crashed' });
    expect(end).toHaveBeenCalledTimes(2);

    contents.emit('destroyed');
    expect(end).toHaveBeenCalledTimes(3);
    expect(forget).toHaveBeenCalledTimes(1);
  });
});

describe('session permissions', () => {
  it('deny every request and check', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: (...args: never[]) => unknown) => (handlers.request = h),
      setPermissionCheckHandler: (h: (...args: never[]) => unknown) => (handlers.check = h),
      setDevicePermissionHandler: (h: (...args: never[]) => unknown) => (handlers.device = h),
    };
    hardenSession(session as unknown as Session);
    const callback = vi.fn();
    (handlers.request as unknown as (c: unknown, p: string, cb: (ok: boolean) => void) => void)({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect((handlers.check as unknown as () => boolean)()).toBe(false);
    expect((handlers.device as unknown as () => boolean)()).toBe(false);
  });

  it('allow writing to the clipboard ("Copia" of an API key), never reading it', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: (...args: never[]) => unknown) => (handlers.request = h),
      setPermissionCheckHandler: (h: (...args: never[]) => unknown) => (handlers.check = h),
      setDevicePermissionHandler: (h: (...args: never[]) => unknown) => (handlers.device = h),
    };
    hardenSession(session as unknown as Session);
    const request = handlers.request as unknown as (c: unknown, p: string, cb: (ok: boolean) => void) => void;
    const check = handlers.check as unknown as (c: unknown, p: string) => boolean;
    const write = vi.fn();
    const read = vi.fn();
    request({}, 'clipboard-sanitized-write', write);
    request({}, 'clipboard-read', read);
    expect(write).toHaveBeenCalledWith(true);
    expect(read).toHaveBeenCalledWith(false);
    expect(check({}, 'clipboard-sanitized-write')).toBe(true);
    expect(check({}, 'clipboard-read')).toBe(false);
  });
});

describe('application menu', () => {
  function roles(template: MenuItemConstructorOptions[]): string[] {
    return template.flatMap((item) => [item.role ?? '', ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]).filter(Boolean);
  }

  it('is Italian and has no DevTools or reload in production', () => {
    const production = buildMenuTemplate({ isMac: false, devTools: false });
    expect(production.map((item) => item.label)).toEqual(['File', 'Modifica', 'Visualizza', 'Finestra']);
    expect(roles(production)).not.toContain('toggleDevTools');
    expect(roles(production)).not.toContain('reload');
    expect(roles(production)).toEqual(expect.arrayContaining(['quit', 'copy', 'paste', 'zoomIn', 'zoomOut', 'resetZoom']));
  });

  it('adds DevTools in development and the app menu on macOS', () => {
    expect(roles(buildMenuTemplate({ isMac: false, devTools: true }))).toContain('toggleDevTools');
    expect(buildMenuTemplate({ isMac: true, devTools: false })[0]?.label).toBe('Sportello');
  });
});
