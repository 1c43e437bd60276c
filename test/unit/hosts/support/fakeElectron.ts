import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * Just enough of the `electron` module for src-main/hosts/electron/main.ts to run under vitest:
 * records what the host asks of Electron (order included) and lets a test drive the app's life.
 */

export const calls: string[] = [];

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  processId: number;
  routingId: number;
}

let nextId = 1;

export interface FakePrinter {
  name: string;
  displayName: string;
  description: string;
  options: Record<string, string>;
}

/** The system's printers as getPrintersAsync reports them, and how the next print job ends. */
export const printing = {
  printers: [] as FakePrinter[],
  outcome: { success: true, failureReason: '' },
  /** every webContents.print call: the page it printed and the options it got */
  jobs: [] as Array<{ url: string; options: Record<string, unknown> }>,
  /** when true, a print job waits until the test calls `finishJobs()` */
  hold: false,
  held: [] as Array<() => void>,
  finishJobs(): void {
    for (const finish of this.held.splice(0)) finish();
  },
};

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly mainFrame: FakeFrame = { url: '', parent: null, processId: 100 + this.id, routingId: 1 };
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  destroyed = false;
  send = vi.fn();
  getPrintersAsync = vi.fn(async () => printing.printers.map((p) => ({ ...p })));
  print = vi.fn((options: Record<string, unknown>, callback?: (success: boolean, failureReason: string) => void) => {
    calls.push('webContents.print');
    printing.jobs.push({ url: this.mainFrame.url, options });
    const finish = () => callback?.(printing.outcome.success, printing.outcome.failureReason);
    if (printing.hold) printing.held.push(finish);
    else finish();
  });
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** what Electron does when a window closes */
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static windows: FakeBrowserWindow[] = [];
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.windows.filter((w) => !w.destroyed);
  }
  static fromWebContents(contents: FakeWebContents): FakeBrowserWindow | null {
    return FakeBrowserWindow.windows.find((w) => w.webContents === contents) ?? null;
  }
  readonly webContents = new FakeWebContents();
  destroyed = false;
  visible = false;
  loadedUrl: string | null = null;
  constructor(readonly options: Record<string, unknown>) {
    super();
    calls.push('new BrowserWindow');
    FakeBrowserWindow.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
  }
  show(): void {
    this.visible = true;
  }
  focus(): void {}
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  close(): void {
    this.destroyed = true;
    this.emit('closed');
    this.webContents.destroy();
  }
  /** closes at once, as Electron's destroy() does */
  destroy(): void {
    if (this.destroyed) return;
    calls.push('BrowserWindow.destroy');
    this.close();
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  lockGranted = true;
  readonly paths = new Map<string, string>([['userData', '/nonexistent/default-user-data']]);
  readonly switches = new Map<string, string>();
  private resolveReady: () => void = () => {};
  private readyPromise = new Promise<void>((resolve) => (this.resolveReady = resolve));
  readonly commandLine = {
    appendSwitch: (name: string, value = '') => {
      calls.push(`appendSwitch ${name}`);
      this.switches.set(name, value);
    },
    hasSwitch: (name: string) => this.switches.has(name),
  };
  quit = vi.fn(() => calls.push('quit'));
  exit = vi.fn((code?: number) => calls.push(`exit ${code ?? 0}`));
  setAboutPanelOptions = vi.fn();
  setAppUserModelId = vi.fn();
  enableSandbox = vi.fn(() => calls.push('enableSandbox'));
  /** back to a freshly launched process */
  reset(): void {
    this.removeAllListeners();
    this.isPackaged = false;
    this.lockGranted = true;
    this.paths.clear();
    this.paths.set('userData', '/nonexistent/default-user-data');
    this.switches.clear();
    this.readyPromise = new Promise<void>((resolve) => (this.resolveReady = resolve));
    this.quit.mockClear();
    this.exit.mockClear();
    this.setAboutPanelOptions.mockClear();
    this.enableSandbox.mockClear();
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  /** the test's stand-in for Chromium finishing its start-up */
  ready(): void {
    this.resolveReady();
  }
  getPath(name: string): string {
    const value = this.paths.get(name);
    if (value === undefined) throw new Error(`no path ${name}`);
    return value;
  }
  setPath(name: string, value: string): void {
    calls.push(`setPath ${name}`);
    this.paths.set(name, value);
  }
  requestSingleInstanceLock(): boolean {
    calls.push('requestSingleInstanceLock');
    return this.lockGranted;
  }
}

export const app = new FakeApp();

export const ipcMain = {
  handlers: new Map<string, (...args: unknown[]) => unknown>(),
  handle(channel: string, handler: (...args: unknown[]) => unknown) {
    calls.push(`ipcMain.handle ${channel}`);
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  },
};

export const protocol = {
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
  registerSchemesAsPrivileged: vi.fn((schemes: unknown) => {
    calls.push('registerSchemesAsPrivileged');
    return schemes;
  }),
  handle(scheme: string, handler: (request: Request) => Promise<Response>) {
    calls.push(`protocol.handle ${scheme}`);
    this.handlers.set(scheme, handler);
  },
};

class FakeSession extends EventEmitter {
  setPermissionRequestHandler = vi.fn();
  setPermissionCheckHandler = vi.fn();
  setDevicePermissionHandler = vi.fn();
}

export const session = { defaultSession: new FakeSession() };

export const webContents = {
  fromId: (id: number) => FakeBrowserWindow.windows.map((w) => w.webContents).find((c) => c.id === id),
};

export const Menu = {
  setApplicationMenu: vi.fn(),
  buildFromTemplate: (template: unknown) => ({ template }),
};

/** what the folder dialog answers next (a test sets it before the call) */
export const dialogAnswer = { canceled: true, filePaths: [] as string[] };

export const dialog = {
  showErrorBox: vi.fn((title: string, content: string) => calls.push(`showErrorBox ${title}: ${content}`)),
  showOpenDialog: vi.fn(async (..._args: unknown[]) => {
    calls.push('dialog.showOpenDialog');
    return { canceled: dialogAnswer.canceled, filePaths: [...dialogAnswer.filePaths] };
  }),
};

/** what shell.openPath answers next: '' is success, anything else the OS's error message */
export const shellAnswer = { openPath: '' };

export const shell = {
  openPath: vi.fn(async (file: string) => {
    calls.push(`shell.openPath ${file}`);
    return shellAnswer.openPath;
  }),
};

/** A working keychain: "encryption" is a reversible marker, enough for the vault's key store. */
export const safeStorage = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (text: string) => Buffer.from(`fake:${text}`, 'utf8'),
  decryptString: (data: Buffer) => data.toString('utf8').replace(/^fake:/, ''),
};

export const BrowserWindow = FakeBrowserWindow;

/**
 * vitest keeps a mocked module's instance across vi.resetModules(), so every test resets this one
 * in place (and reaches it through `import('electron')`).
 */
export function resetFake(): void {
  calls.length = 0;
  FakeBrowserWindow.windows = [];
  app.reset();
  ipcMain.handlers.clear();
  protocol.handlers.clear();
  protocol.registerSchemesAsPrivileged.mockClear();
  session.defaultSession.removeAllListeners();
  session.defaultSession.setPermissionRequestHandler.mockClear();
  session.defaultSession.setPermissionCheckHandler.mockClear();
  session.defaultSession.setDevicePermissionHandler.mockClear();
  Menu.setApplicationMenu.mockClear();
  dialog.showErrorBox.mockClear();
  dialog.showOpenDialog.mockClear();
  dialogAnswer.canceled = true;
  dialogAnswer.filePaths = [];
  shell.openPath.mockClear();
  shellAnswer.openPath = '';
  printing.printers = [];
  printing.outcome = { success: true, failureReason: '' };
  printing.jobs = [];
  printing.hold = false;
  printing.held = [];
}
