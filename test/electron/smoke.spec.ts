import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { findElectronRuntime } from '../../scripts/electronRuntime.mjs';

/**
 * The desktop app for real: it starts on a fresh data folder with the demo EC, its window is locked
 * down, the page sees only window.sportello, and a demo account can sign in through the IPC bridge.
 * The runtime is located without require('electron'), which would try to download it.
 */

const projectDir = path.resolve(__dirname, '..', '..');
const mainBundle = path.join(projectDir, 'out', 'main', 'electron.js');
const runtime = findElectronRuntime({ projectDir });
const skipReason = runtime.ok
  ? ''
  : `Electron runtime not installed (${runtime.reason}); get it with \`node node_modules/electron/install.js\` ` +
    'or point ELECTRON_OVERRIDE_DIST_PATH at one. `npm test` covers the same app through the web host.';
if (!runtime.ok) console.log(`[test:electron] skipped: ${skipReason}`);

const demoAdmin = { email: 'referente.pagamenti@comune-test.it', password: 'Pagamenti2026!' };

/** The page's global object, typed loosely: this project compiles tests without DOM types. */
type PageGlobal = Record<string, unknown> & {
  location: { href: string; hash: string };
  sportello: { invoke(channel: string, input?: unknown): Promise<{ ok: boolean; error?: { code: string } }> };
};

test.describe.configure({ mode: 'serial' });
test.skip(!runtime.ok, skipReason);

let app: ElectronApplication | undefined;
let page: Page;
let dataDir: string;

test.beforeAll(async () => {
  if (!runtime.ok) return;
  if (!fs.existsSync(mainBundle)) throw new Error(`${mainBundle} is missing: run \`npx electron-vite build\` first (npm run test:electron does).`);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-electron-'));
  const env = Object.fromEntries(
    Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[0] !== 'ELECTRON_RENDERER_URL' && entry[0] !== 'ELECTRON_RUN_AS_NODE'),
  );
  app = await electron.launch({
    executablePath: runtime.executable,
    // Chromium refuses to run as root with its OS sandbox (CI containers); the renderer sandbox
    // asserted below is Electron's webPreferences.sandbox and stays on either way
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), mainBundle, '--data-dir', dataDir, '--demo'],
    cwd: projectDir,
    env,
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test('starts on the app:// origin and writes its database to --data-dir', async () => {
  expect(page.url()).toMatch(/^app:\/\/sportello\//);
  expect(await app!.evaluate(({ app: electronApp }) => electronApp.getPath('userData'))).toBe(dataDir);
  expect(fs.existsSync(path.join(dataDir, 'sportello.db'))).toBe(true);
  await expect(page).toHaveTitle(/Sportello/);
});

test('the window is sandboxed, isolated and without Node', async () => {
  const prefs = await app!.evaluate(({ BrowserWindow }) => {
    // undocumented (absent from electron.d.ts) but the one way to read the effective preferences
    const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> | null } | undefined;
    if (typeof contents?.getLastWebPreferences !== 'function') return 'getLastWebPreferences unavailable in this Electron';
    const p = contents.getLastWebPreferences();
    return p ? { sandbox: p.sandbox, contextIsolation: p.contextIsolation, nodeIntegration: p.nodeIntegration, webSecurity: p.webSecurity } : null;
  });
  expect(prefs).toEqual({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true });
});

test('the page has no Node globals and exactly window.sportello.{invoke,on}', async () => {
  const globals = await page.evaluate(() => {
    const g = globalThis as unknown as PageGlobal;
    return {
      require: typeof g.require,
      process: typeof g.process,
      module: typeof g.module,
      ipcRenderer: typeof g.ipcRenderer,
      bridgeKeys: Object.keys(g.sportello as object).sort(),
      invoke: typeof g.sportello.invoke,
    };
  });
  expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', ipcRenderer: 'undefined', bridgeKeys: ['invoke', 'on'], invoke: 'function' });
});

test('navigation away from the app is refused', async () => {
  await page.evaluate(() => {
    (globalThis as unknown as PageGlobal).location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toMatch(/^app:\/\/sportello\//);
});

test('a demo account signs in, and the session lives in main for this window only', async () => {
  const keepAlive = () => page.evaluate(() => (globalThis as unknown as PageGlobal).sportello.invoke('auth.keepAlive'));
  expect(await keepAlive()).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });

  await page.evaluate(() => {
    (globalThis as unknown as PageGlobal).location.hash = '/ec';
  });
  const email = page.getByRole('textbox', { name: 'E-mail' });
  await expect(email).toBeVisible();
  await email.fill(demoAdmin.email);
  await page.getByLabel(/^Password/).fill(demoAdmin.password);
  await page.getByRole('button', { name: 'Accedi', exact: true }).click();
  await expect(email).toBeHidden();
  expect(await keepAlive()).toEqual({ ok: true, data: null });

  // a refused navigation leaves the page, and its session, as they were
  await page.evaluate(() => {
    (globalThis as unknown as PageGlobal).location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toMatch(/^app:\/\/sportello\//);
  expect(await keepAlive()).toEqual({ ok: true, data: null });

  // a reload is a new document: it must not inherit the signed-in session
  await page.reload();
  await page.waitForLoadState('domcontentloaded');
  expect(await keepAlive()).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });
});

test('offers the desktop delivery of documents, and lists the system printers through main', async () => {
  const call = (channel: string) => page.evaluate((c) => (globalThis as unknown as PageGlobal).sportello.invoke(c), channel);
  expect(await call('delivery.capabilities')).toEqual({ ok: true, data: { download: true, saveToFolder: true, openInViewer: true, print: 'choosePrinter' } });
  // the reload above signed the window out: the printer list is for signed-in staff only
  expect(await call('delivery.printers')).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });
});
