import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../../src-main/core/createCore';
import { silentLogger } from '../../../src-main/platform/logger';
import { systemActor } from '../../../src-main/services/actor';
import { SafeStorageKeyStore } from '../../../src-main/vault';
import { positionInput, single } from '../../support/positionsFixture';
import type * as FakeElectron from './support/fakeElectron';

// main.ts wired to a recording stand-in for Electron: the start-up order, the window it opens,
// the IPC path into the real core, and the refusal paths, all without the Electron runtime.
vi.mock('electron', () => import('./support/fakeElectron'));

let fake: typeof FakeElectron;
let dataDir: string;
const originalArgv = process.argv;

async function startMain(args: string[]): Promise<void> {
  process.argv = ['/usr/lib/electron/electron', 'out/main/electron.js', ...args];
  await import('../../../src-main/hosts/electron/main');
}

beforeEach(async () => {
  vi.resetModules();
  fake = (await import('electron')) as unknown as typeof FakeElectron;
  fake.resetFake();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-main-'));
  vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

/** Electron's quit: will-quit may be deferred (preventDefault) while the core closes, then app.quit() runs again. */
async function quit(): Promise<void> {
  const quitsBefore = fake.calls.filter((c) => c === 'quit').length;
  let deferred = false;
  fake.app.emit('will-quit', { preventDefault: () => (deferred = true) });
  if (deferred) await vi.waitFor(() => expect(fake.calls.filter((c) => c === 'quit').length).toBeGreaterThan(quitsBefore), { timeout: 10_000 });
}

afterEach(async () => {
  await quit();
  process.argv = originalArgv;
  vi.restoreAllMocks();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function invoke(sender: FakeElectron.FakeWebContents, channel: unknown, input?: unknown, frame: FakeElectron.FakeFrame = sender.mainFrame) {
  const handler = fake.ipcMain.handlers.get('sportello:invoke');
  if (!handler) throw new Error('no invoke handler');
  return handler({ sender, senderFrame: frame }, channel, input) as Promise<{ ok: boolean; data?: unknown; error?: { code: string } }>;
}

describe('Electron main process', () => {
  it('sets the data folder and registers app:// before asking for the single-instance lock', async () => {
    await startMain(['--data-dir', dataDir, '--demo']);
    expect(fake.app.paths.get('userData')).toBe(dataDir);
    const order = fake.calls.filter((c) => ['setPath userData', 'enableSandbox', 'registerSchemesAsPrivileged', 'requestSingleInstanceLock'].includes(c));
    expect(order).toEqual(['setPath userData', 'enableSandbox', 'registerSchemesAsPrivileged', 'requestSingleInstanceLock']);
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, bypassCSP: false } },
    ]);
    expect(fake.calls).not.toContain('new BrowserWindow');
  });

  it('opens one locked-down window on app://sportello/ and serves IPC from it into the core', async () => {
    await startMain(['--data-dir', dataDir, '--demo']);
    fake.app.ready();
    await vi.waitFor(() => expect(fake.FakeBrowserWindow.windows).toHaveLength(1), { timeout: 10_000 });
    const window = fake.FakeBrowserWindow.windows[0]!;
    expect(window.loadedUrl).toBe('app://sportello/');
    expect(window.options.show).toBe(false);
    expect(window.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, devTools: true });
    expect(String((window.options.webPreferences as { preload: string }).preload)).toMatch(/preload[\\/]preload\.cjs$/);
    expect(fake.calls).toContain('protocol.handle app');
    expect(fake.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(fs.existsSync(path.join(dataDir, 'sportello.db'))).toBe(true);

    // hardening reached the window's contents through web-contents-created
    expect(window.webContents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });

    const contents = window.webContents;
    expect(await invoke(contents, 'auth.keepAlive')).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });
    const signIn = await invoke(contents, 'auth.signIn', { username: 'referente.pagamenti@comune-test.it', password: 'Pagamenti2026!' });
    expect(signIn.ok).toBe(true);
    expect(await invoke(contents, 'auth.keepAlive')).toEqual({ ok: true, data: null });
    // downloads stay possible outside a kiosk (the "Scarica" button)
    expect(fake.session.defaultSession.listenerCount('will-download')).toBe(0);
    // the desktop delivery reached the core: save, open, print with a printer choice, download
    expect(await invoke(contents, 'delivery.capabilities')).toEqual({ ok: true, data: { download: true, saveToFolder: true, openInViewer: true, print: 'choosePrinter' } });

    // a subframe of the same window is refused, signed in or not
    const subframe = { ...contents.mainFrame, parent: contents.mainFrame, routingId: 2 };
    expect(await invoke(contents, 'auth.keepAlive', undefined, subframe)).toMatchObject({ ok: false, error: { code: 'IPC_FORBIDDEN_SENDER' } });

    // a new document in the window ends its session
    contents.emit('did-navigate', {}, 'app://sportello/', -1, '');
    expect(await invoke(contents, 'auth.keepAlive')).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });
  }, 20_000);

  it('refuses IPC from contents it did not create', async () => {
    await startMain(['--data-dir', dataDir]);
    fake.app.ready();
    await vi.waitFor(() => expect(fake.ipcMain.handlers.has('sportello:invoke')).toBe(true), { timeout: 10_000 });
    const stranger = new fake.FakeWebContents();
    stranger.mainFrame.url = 'app://sportello/';
    expect(await invoke(stranger, 'app.status')).toMatchObject({ ok: false, error: { code: 'IPC_FORBIDDEN_SENDER' } });
  }, 20_000);

  it('a second instance on the same data folder quits without touching anything', async () => {
    fake.app.lockGranted = false;
    await startMain(['--data-dir', dataDir]);
    fake.app.ready();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.calls).toContain('quit');
    expect(fake.calls).not.toContain('new BrowserWindow');
    expect(fake.ipcMain.handlers.size).toBe(0);
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('reports a damaged database in Italian, exits, and leaves the file as it was', async () => {
    const file = path.join(dataDir, 'sportello.db');
    const garbage = Buffer.from('questo non è un database SQLite '.repeat(200));
    fs.writeFileSync(file, garbage);
    await startMain(['--data-dir', dataDir]);
    fake.app.ready();
    await vi.waitFor(() => expect(fake.app.exit).toHaveBeenCalledWith(1), { timeout: 10_000 });
    expect(fake.dialog.showErrorBox).toHaveBeenCalledWith('Sportello', expect.stringContaining('Nessuna modifica è stata fatta'));
    expect(fake.calls).not.toContain('new BrowserWindow');
    expect(fs.readFileSync(file).equals(garbage)).toBe(true);
    expect(fs.readdirSync(dataDir)).toEqual(['sportello.db']);
  }, 20_000);

  it('refuses a bad flag with an Italian message before doing anything', async () => {
    await startMain(['--data-dir']);
    expect(fake.dialog.showErrorBox).toHaveBeenCalledWith('Sportello', 'Manca il valore per --data-dir');
    expect(fake.app.exit).toHaveBeenCalledWith(2);
    expect(fake.calls).not.toContain('requestSingleInstanceLock');
  });

  it('a packaged app refuses remote-debugging switches', async () => {
    fake.app.isPackaged = true;
    fake.app.switches.set('remote-debugging-port', '9222');
    await startMain(['--data-dir', dataDir]);
    expect(fake.app.exit).toHaveBeenCalledWith(2);
    expect(fake.calls).not.toContain('requestSingleInstanceLock');
  });

  it('kiosk mode opens a kiosk window with no application menu', async () => {
    await startMain(['--data-dir', dataDir, '--kiosk']);
    fake.app.ready();
    await vi.waitFor(() => expect(fake.FakeBrowserWindow.windows).toHaveLength(1), { timeout: 10_000 });
    expect(fake.FakeBrowserWindow.windows[0]!.options.kiosk).toBe(true);
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    // a download would open a "save as" dialog over the kiosk: refused
    const download = { preventDefault: vi.fn() };
    fake.session.defaultSession.emit('will-download', download, {}, {});
    expect(download.preventDefault).toHaveBeenCalled();
    // a kiosk prints to the default printer and offers nothing that opens the computer's files
    expect(await invoke(fake.FakeBrowserWindow.windows[0]!.webContents, 'delivery.capabilities')).toEqual({
      ok: true,
      data: { download: false, saveToFolder: false, openInViewer: false, print: 'defaultPrinter' },
    });
  }, 20_000);

  it('closing the window ends its session and forgets it; quitting closes the database', async () => {
    await startMain(['--data-dir', dataDir, '--demo']);
    fake.app.ready();
    await vi.waitFor(() => expect(fake.FakeBrowserWindow.windows).toHaveLength(1), { timeout: 10_000 });
    const window = fake.FakeBrowserWindow.windows[0]!;
    const contents = window.webContents;
    await invoke(contents, 'auth.signIn', { username: 'referente.pagamenti@comune-test.it', password: 'Pagamenti2026!' });
    window.close();
    // the same contents, were it to speak again, is no longer one of ours
    expect(await invoke(contents, 'auth.keepAlive')).toMatchObject({ ok: false, error: { code: 'IPC_FORBIDDEN_SENDER' } });
    fake.app.emit('window-all-closed');
    expect(fake.calls).toContain('quit');
    expect(fs.existsSync(path.join(dataDir, 'sportello.db-wal'))).toBe(true);
    await quit();
    expect(fake.ipcMain.handlers.has('sportello:invoke')).toBe(false);
    // SQLite folds the WAL back and removes it when the last connection closes
    expect(fs.existsSync(path.join(dataDir, 'sportello.db-wal'))).toBe(false);
  }, 20_000);

  it('prints a document from a hidden window that may show only that file and can never call main', async () => {
    // a published position, written beforehand on the same keychain stand-in the app will use
    const seed = await createCore({ dataDir, demo: true }, { logger: silentLogger, keyStore: new SafeStorageKeyStore({ safeStorage: fake.safeStorage, dataDir }) });
    const positions = seed.positions.positions;
    const position = positions.publish(systemActor, positions.create(systemActor, positionInput({ options: [single({ amount: 5_000 })] })).id);
    await seed.close();

    fake.printing.printers = [{ name: 'Ufficio', displayName: 'Ufficio Tributi', description: '', options: {} }];
    fake.printing.hold = true;
    await startMain(['--data-dir', dataDir]);
    fake.app.ready();
    await vi.waitFor(() => expect(fake.FakeBrowserWindow.windows).toHaveLength(1), { timeout: 10_000 });
    const contents = fake.FakeBrowserWindow.windows[0]!.webContents;
    expect((await invoke(contents, 'auth.signIn', { username: 'referente.tecnico@comune-test.it', password: 'Tecnico2026!' })).ok).toBe(true);
    const notice = (await invoke(contents, 'print.notice', { positionId: position.id })) as { ok: boolean; data: { documentId: string; fileName: string } };
    expect(notice.ok).toBe(true);

    const printing = invoke(contents, 'delivery.print', { document: { kind: 'document', documentId: notice.data.documentId }, deviceName: 'Ufficio' });
    await vi.waitFor(() => expect(fake.printing.jobs).toHaveLength(1), { timeout: 10_000 });
    const printWindow = fake.FakeBrowserWindow.windows[1]!;
    const fileUrl = fake.printing.jobs[0]!.url;
    expect(fileUrl).toMatch(/^file:\/\/.*\/stampe\/documenti\/[a-f0-9]{32}\/avviso-.*\.pdf$/);
    expect(fake.printing.jobs[0]!.options).toMatchObject({ silent: true, deviceName: 'Ufficio' });
    expect(printWindow.options.show).toBe(false);
    expect(printWindow.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: false, plugins: true });

    // hardened through web-contents-created like every window: only its own file and the PDF viewer
    const navigate = (event: string, url: string, extra: Record<string, unknown> = {}) => {
      const details = { url, preventDefault: vi.fn(), ...extra };
      printWindow.webContents.emit(event, details);
      return details.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('will-navigate', fileUrl)).toBe(false);
    expect(navigate('will-frame-navigate', 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html', { isMainFrame: false })).toBe(false);
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-redirect', 'https://evil.example/')).toBe(true);
    expect(printWindow.webContents.windowOpenHandler?.({ url: fileUrl })).toEqual({ action: 'deny' });
    // the print window is not one of the app's windows: main refuses whatever it sends
    expect(await invoke(printWindow.webContents, 'app.status')).toMatchObject({ ok: false, error: { code: 'IPC_FORBIDDEN_SENDER' } });
    // the main window may not show that file either
    const mainNavigation = { url: fileUrl, preventDefault: vi.fn() };
    contents.emit('will-navigate', mainNavigation);
    expect(mainNavigation.preventDefault).toHaveBeenCalled();

    fake.printing.finishJobs();
    expect(await printing).toEqual({ ok: true, data: { printer: 'Ufficio Tributi' } });
    expect(printWindow.isDestroyed()).toBe(true);
    // once it is gone, nothing is allowed to it any more
    expect(navigate('will-navigate', fileUrl)).toBe(true);
  }, 30_000);
});
