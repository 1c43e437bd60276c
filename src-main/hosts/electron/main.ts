import path from 'node:path';
import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, safeStorage, session, shell, webContents } from 'electron';
import { AppError, errorMessages } from '../../../src-shared/errors';
import { bridgeChannels } from '../../../src-shared/ipc/bridge';
import { createCore, type Core } from '../../core/createCore';
import { PRINT_FOLDER } from '../../print/printModule';
import { SafeStorageKeyStore } from '../../vault';
import { version } from '../../../package.json';
import { appScheme, createAppProtocolHandler } from './appProtocol';
import { parseElectronArgs, type ElectronHostOptions } from './args';
import { defaultPrinterName } from './defaultPrinter';
import { createElectronDelivery } from './documentDelivery';
import { createEventSink, createInvokeHandler } from './ipcBridge';
import { APP_SCHEME, APP_URL, devOriginFrom, isAppUrl, isPrintWindowUrl } from './senderPolicy';
import { bindSessionLifetime, blockDownloads, buildMenuTemplate, hardenSession, hardenWebContents, mainWindowOptions, printWindowOptions } from './window';

/**
 * The desktop host: the same core and router as the web host, reached through one IPC channel
 * from a sandboxed window that shows the renderer from app://sportello/. No business logic here.
 */

const TITLE = 'Sportello';
const APP_ID = 'it.sportello.app'; // electron-builder.yml appId
const SWEEP_INTERVAL_MS = 10_000;
// the bundle lives in out/main; its siblings are the renderer and the preload
const outDir = path.resolve(__dirname, '..');
const rendererDir = path.join(outDir, 'renderer');
const preloadPath = path.join(outDir, 'preload', 'preload.cjs');

function fail(message: string, exitCode: number): void {
  dialog.showErrorBox(TITLE, message);
  app.exit(exitCode);
}

function startHost(options: ElectronHostOptions): void {
  const devOrigin = devOriginFrom(process.env.ELECTRON_RENDERER_URL, app.isPackaged);
  const devTools = !app.isPackaged;
  const knownIds = new Set<number>();
  /** hidden print windows (webContents id) and the one file:// URL each may show */
  const printWindows = new Map<number, string>();
  let core: Core | null = null;
  let mainWindow: BrowserWindow | null = null;
  let sweep: NodeJS.Timeout | null = null;

  // every webContents, ours or not, gets the same navigation rules before it loads anything
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(
      contents,
      (url) => isAppUrl(url, devOrigin) || isPrintWindowUrl(printWindows.get(contents.id), url),
      (what, url) => core?.logger.warn('electron.refused', { what, origin: url ? safeOrigin(url) : null }),
    );
  });

  app.on('second-instance', () => {
    // a second launch on the same data folder just brings the running window forward
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) mainWindow = openWindow(core);
  });

  app.on('will-quit', (event) => {
    if (!core) return;
    // closing waits for the Nodo's in-flight receipt deliveries: quit again once it is done
    event.preventDefault();
    if (sweep) clearInterval(sweep);
    ipcMain.removeHandler(bridgeChannels.invoke);
    const closing = core;
    core = null;
    void closing.close().finally(() => app.quit());
  });

  function openWindow(current: Core): BrowserWindow {
    const window = new BrowserWindow(mainWindowOptions({ preloadPath, kiosk: options.kiosk, devTools }));
    const id = window.webContents.id;
    knownIds.add(id);
    bindSessionLifetime(
      window.webContents,
      () => current.endWindow(String(id)),
      () => knownIds.delete(id),
    );
    window.once('ready-to-show', () => window.show());
    // never leave a hidden window behind if the page cannot load
    window.webContents.once('did-fail-load', () => {
      if (!window.isDestroyed() && !window.isVisible()) window.show();
    });
    void window.loadURL(devOrigin ? (process.env.ELECTRON_RENDERER_URL as string) : APP_URL);
    return window;
  }

  function openPrintWindow(fileUrl: string): BrowserWindow {
    const window = new BrowserWindow(printWindowOptions());
    const id = window.webContents.id;
    printWindows.set(id, fileUrl);
    window.webContents.once('destroyed', () => printWindows.delete(id));
    return window;
  }

  app
    .whenReady()
    .then(async () => {
      const delivery = createElectronDelivery({
        kiosk: options.kiosk,
        filesRoot: path.join(app.getPath('userData'), PRINT_FOLDER),
        dialog,
        shell,
        windowFor: (windowId) => {
          const id = Number(windowId);
          const contents = Number.isSafeInteger(id) && knownIds.has(id) ? webContents.fromId(id) : undefined;
          return contents ? BrowserWindow.fromWebContents(contents) : null;
        },
        openPrintWindow,
        defaultPrinterName: () => defaultPrinterName(process.platform),
      });
      try {
        core = await createCore(
          {
            dataDir: app.getPath('userData'),
            demo: options.demo,
            ...(options.idleTimeoutMinutes ? { idleTimeoutMinutes: options.idleTimeoutMinutes } : {}),
            ...(options.payerIdleTimeoutMinutes ? { payerIdleTimeoutMinutes: options.payerIdleTimeoutMinutes } : {}),
          },
          {
            version,
            // the vault's data key, sealed by the OS keychain through Electron (basic_text only if accepted)
            keyStore: new SafeStorageKeyStore({ safeStorage, dataDir: app.getPath('userData'), allowInsecureBackend: options.acceptInsecureKeychain }),
            delivery,
          },
        );
      } catch (error) {
        // DB_DAMAGED / DB_NEWER_VERSION: say so and stop; the core has written nothing
        if (error instanceof AppError) fail(error.message, 1);
        else {
          console.error(error);
          fail(errorMessages.INTERNAL, 1);
        }
        return;
      }
      const current = core;
      hardenSession(session.defaultSession);
      if (options.kiosk) blockDownloads(session.defaultSession, () => current.logger.warn('electron.refused', { what: 'download', origin: null }));
      protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
      current.setEventSink(createEventSink({ fromId: (id) => webContents.fromId(id), knownIds }));
      ipcMain.handle(bridgeChannels.invoke, createInvokeHandler({ router: current.router, knownIds, devOrigin, logger: current.logger }));
      sweep = setInterval(() => current.sweepIdleSessions(), SWEEP_INTERVAL_MS);
      // a kiosk has no menu at all, so no shortcut can quit or close it
      Menu.setApplicationMenu(options.kiosk ? null : Menu.buildFromTemplate(buildMenuTemplate({ isMac: process.platform === 'darwin', devTools })));
      app.setAboutPanelOptions({ applicationName: TITLE, applicationVersion: version });
      mainWindow = openWindow(current);
      current.logger.info('electron.started', { dataDir: current.dataDir, demo: options.demo, kiosk: options.kiosk, dev: devOrigin !== null });
    })
    .catch((error: unknown) => {
      console.error(error);
      fail(errorMessages.INTERNAL, 1);
    });
}

/** scheme and host of a refused URL, for the log: enough to diagnose, no paths or queries */
function safeOrigin(url: string): string | null {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/** Chromium switches that would let another local process drive the renderer. */
const remoteControlSwitches = ['remote-debugging-port', 'remote-debugging-pipe', 'remote-allow-origins'];

function main(): void {
  let options: ElectronHostOptions;
  try {
    options = parseElectronArgs(process.argv.slice(1));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error), 2);
    return;
  }
  if (app.isPackaged && remoteControlSwitches.some((name) => app.commandLine.hasSwitch(name))) {
    fail('Sportello non si avvia con opzioni di debug remoto.', 2);
    return;
  }
  // before anything asks for it: userData is also what the single-instance lock is keyed on,
  // so two data folders may run side by side (tests) while the same folder never opens twice
  if (options.dataDir) app.setPath('userData', options.dataDir);
  // every renderer sandboxed, including any this file does not create itself
  app.enableSandbox();
  // Chromium's own texts (form validation bubbles, context menus) in Italian, like the app
  app.commandLine.appendSwitch('lang', 'it-IT');
  protocol.registerSchemesAsPrivileged([appScheme]);
  // taskbar grouping and notifications on Windows follow the installer's appId
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  startHost(options);
}

main();
