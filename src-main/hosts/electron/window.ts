import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions, Session, WebContents } from 'electron';

/**
 * Window, webContents and session settings of the desktop host. Electron objects come in as
 * parameters (type-only imports) so these rules are unit-tested with fakes.
 */

/** What every window of ours gets: sandboxed, isolated, no Node, no webview, no mixed content. */
const lockedDown = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
  safeDialogs: true,
} as const satisfies BrowserWindowConstructorOptions['webPreferences'];

export interface MainWindowSettings {
  preloadPath: string;
  kiosk: boolean;
  /** false in packaged builds: no DevTools at all, not even by shortcut */
  devTools: boolean;
}

export function mainWindowOptions(settings: MainWindowSettings): BrowserWindowConstructorOptions {
  return {
    title: 'Sportello',
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 600,
    // shown on ready-to-show, so nobody sees a blank frame
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    kiosk: settings.kiosk,
    webPreferences: {
      preload: settings.preloadPath,
      ...lockedDown,
      devTools: settings.devTools,
    },
  };
}

/**
 * The hidden window that prints one PDF: the same lockdown as the main window, no preload (it never
 * talks to main), no DevTools, and plugins on only because Chromium's PDF viewer is one: without it
 * the file would be offered as a download instead of being rendered for the printer.
 */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    title: 'Sportello – stampa',
    show: false,
    width: 820,
    height: 1160,
    skipTaskbar: true,
    webPreferences: {
      ...lockedDown,
      devTools: false,
      plugins: true,
      // a hidden window is throttled by default, which can stall the viewer's rendering
      backgroundThrottling: false,
    },
  };
}

/**
 * Applied to every webContents the app ever creates (from `web-contents-created`): no new windows,
 * no navigation or redirect away from the app's own origin, no <webview>.
 */
export function hardenWebContents(contents: WebContents, isAllowedUrl: (url: string) => boolean, onRefused: (what: string, url: string) => void = () => {}): void {
  contents.setWindowOpenHandler(({ url }) => {
    onRefused('window-open', url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (!isAllowedUrl(event.url)) {
      event.preventDefault();
      onRefused('navigate', event.url);
    }
  });
  // subframes too (the CSP already forbids frames; this holds even if it is ever loosened)
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isAllowedUrl(event.url)) {
      event.preventDefault();
      onRefused('frame-navigate', event.url);
    }
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedUrl(event.url)) {
      event.preventDefault();
      onRefused('redirect', event.url);
    }
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    onRefused('webview', '');
  });
}

/**
 * Sessions belong to windows: a window that closes, crashes, reloads or commits another document
 * loses its signed-in session, so a fresh page never inherits authority it did not earn.
 * `did-navigate` fires only when a main-frame, cross-document navigation commits: hash-router
 * changes keep the session, and so does a navigation that will-navigate refused (did-start-navigation
 * would fire before that refusal and sign the user out for clicking a blocked link).
 */
export function bindSessionLifetime(contents: WebContents, endSession: () => void, onDestroyed: () => void): void {
  contents.on('did-navigate', () => endSession());
  contents.on('render-process-gone', () => endSession());
  contents.once('destroyed', () => {
    endSession();
    onDestroyed();
  });
}

/**
 * Writing to the clipboard, for "Copia" on the API keys page (onboarding part A): the one thing a page
 * may do. Reading the clipboard stays denied.
 */
const allowedPermissions: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** No page may use the camera, notifications, geolocation, USB, HID, serial, … */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(allowedPermissions.has(permission)));
  session.setPermissionCheckHandler((_contents, permission) => allowedPermissions.has(permission));
  session.setDevicePermissionHandler(() => false);
}

/**
 * A kiosk never downloads: Chromium would open a "save as" dialog, and with it the computer's
 * folders, in front of a citizen. Documents reach the kiosk's printer instead.
 */
export function blockDownloads(session: Session, onRefused: () => void = () => {}): void {
  session.on('will-download', (event) => {
    event.preventDefault();
    onRefused();
  });
}

/**
 * A small Italian menu: editing shortcuts (needed for copy/paste on macOS), zoom for people who
 * need larger text, quit. DevTools and reload only in development.
 */
export function buildMenuTemplate(options: { isMac: boolean; devTools: boolean }): MenuItemConstructorOptions[] {
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const template: MenuItemConstructorOptions[] = [];
  if (options.isMac) {
    template.push({
      label: 'Sportello',
      submenu: [
        { role: 'about', label: 'Informazioni su Sportello' },
        separator,
        { role: 'hide', label: 'Nascondi Sportello' },
        { role: 'hideOthers', label: 'Nascondi altre' },
        { role: 'unhide', label: 'Mostra tutte' },
        separator,
        { role: 'quit', label: 'Esci da Sportello' },
      ],
    });
  } else {
    template.push({ label: 'File', submenu: [{ role: 'quit', label: 'Esci' }] });
  }
  template.push({
    label: 'Modifica',
    submenu: [
      { role: 'undo', label: 'Annulla' },
      { role: 'redo', label: 'Ripeti' },
      separator,
      { role: 'cut', label: 'Taglia' },
      { role: 'copy', label: 'Copia' },
      { role: 'paste', label: 'Incolla' },
      { role: 'selectAll', label: 'Seleziona tutto' },
    ],
  });
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: 'Dimensioni reali' },
    { role: 'zoomIn', label: 'Aumenta lo zoom' },
    { role: 'zoomOut', label: 'Riduci lo zoom' },
    separator,
    { role: 'togglefullscreen', label: 'Schermo intero' },
  ];
  if (options.devTools) view.push(separator, { role: 'reload', label: 'Ricarica' }, { role: 'toggleDevTools', label: 'Strumenti per sviluppatori' });
  template.push({ label: 'Visualizza', submenu: view });
  template.push({
    label: 'Finestra',
    submenu: [
      { role: 'minimize', label: 'Riduci a icona' },
      { role: 'close', label: 'Chiudi' },
    ],
  });
  return template;
}
