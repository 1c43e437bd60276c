import { constants as fsConstants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserWindow, Dialog, OpenDialogOptions, PrinterInfo, Shell, WebContents } from 'electron';
import { AppError } from '../../../src-shared/errors';
import type { DeliveryCapabilities, PrinterEntry } from '../../../src-shared/ipc/schemas/delivery';
import type { DeliverableFile, DocumentDelivery, PrintRequest } from '../../delivery/documentDelivery';

export interface ElectronDeliveryDeps {
  /** a counter kiosk: nothing but silent printing to the default printer */
  kiosk: boolean;
  /** the core's print folder (<dataDir>/stampe): the only files this host ever copies, opens or prints */
  filesRoot: string;
  dialog: Pick<Dialog, 'showOpenDialog'>;
  shell: Pick<Shell, 'openPath'>;
  /** one of our windows by the router's window id, for the folder dialog's parent and the printer list */
  windowFor(windowId: string): BrowserWindow | null;
  /** a new hidden print window (printWindowOptions) allowed to show exactly `fileUrl` */
  openPrintWindow(fileUrl: string): BrowserWindow;
  defaultPrinterName(): Promise<string | null>;
  /** how long the PDF viewer may take to render before printing anyway */
  viewerSettleMs?: number;
  /** a print job that never reports back is given up after this */
  printTimeoutMs?: number;
}

const kioskCapabilities: DeliveryCapabilities = { download: false, saveToFolder: false, openInViewer: false, print: 'defaultPrinter' };
// a kiosk offers no folder dialog, viewer or download: each would hand a citizen the computer's files or other programs
const desktopCapabilities: DeliveryCapabilities = { download: true, saveToFolder: true, openInViewer: true, print: 'choosePrinter' };

const MAX_NAME_ATTEMPTS = 100;

function isInside(root: string, file: string): boolean {
  const relative = path.relative(path.resolve(root), path.resolve(file));
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** "avviso-X.pdf", then "avviso-X (2).pdf", ...: a save never overwrites what is already in the folder. */
function candidateName(fileName: string, attempt: number): string {
  if (attempt === 1) return fileName;
  const ext = path.extname(fileName);
  return `${fileName.slice(0, fileName.length - ext.length)} (${attempt})${ext}`;
}

async function copyWithoutOverwriting(source: string, folder: string, fileName: string): Promise<string> {
  for (let attempt = 1; attempt <= MAX_NAME_ATTEMPTS; attempt++) {
    const target = path.join(folder, candidateName(fileName, attempt));
    try {
      await fs.copyFile(source, target, fsConstants.COPYFILE_EXCL);
      return target;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new AppError('DELIVERY_SAVE_FAILED');
    }
  }
  throw new AppError('DELIVERY_SAVE_FAILED');
}

function toEntry(printer: PrinterInfo, defaultName: string | null): PrinterEntry {
  return { name: printer.name, displayName: printer.displayName || printer.name, isDefault: printer.name === defaultName };
}

/**
 * Resolves once Chromium's PDF viewer has had its chance to render: its frame finished loading, or
 * `settleMs` passed (printing too early is what gave blank pages in older Electron releases).
 */
function viewerSettled(contents: WebContents, settleMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      contents.removeListener('did-frame-finish-load', onFrame);
      resolve();
    };
    const onFrame = (_event: unknown, isMainFrame: boolean): void => {
      if (!isMainFrame) done();
    };
    const timer = setTimeout(done, settleMs);
    contents.on('did-frame-finish-load', onFrame);
  });
}

/**
 * The desktop host's document delivery: a folder dialog and a copy, the system's PDF viewer, and
 * printing. Printing loads the PDF into a hidden, locked-down window and calls webContents.print():
 * it reaches every printer the OS knows on all three platforms with no external tool, and the two
 * known failures with PDF documents are fixed in the Electron we ship (blank pages, electron#30947,
 * fixed in 30+ by electron#43309; silent jobs stuck in the spooler with the out-of-process PDF viewer,
 * electron#47272, fixed in 36+ by electron#47378). Our own dialog has already chosen the printer, so
 * the print is silent. A callback that never comes (seen in some releases) ends in PRINT_FAILED
 * after printTimeoutMs rather than leaving the window and the caller waiting.
 */
export function createElectronDelivery(deps: ElectronDeliveryDeps): DocumentDelivery {
  const settleMs = deps.viewerSettleMs ?? 1_500;
  const printTimeoutMs = deps.printTimeoutMs ?? 120_000;

  const ownFile = (file: DeliverableFile): string => {
    // the core resolves ids to its own files; this holds even if that ever went wrong
    if (!isInside(deps.filesRoot, file.path)) throw new AppError('DELIVERY_DOCUMENT_NOT_FOUND');
    return path.resolve(file.path);
  };

  const notInKiosk = (): void => {
    if (deps.kiosk) throw new AppError('DELIVERY_NOT_SUPPORTED');
  };

  return {
    capabilities: deps.kiosk ? kioskCapabilities : desktopCapabilities,

    async saveToFolder(windowId, file) {
      notInKiosk();
      const source = ownFile(file);
      const options: OpenDialogOptions = {
        title: 'Scegli la cartella in cui salvare il documento',
        buttonLabel: 'Salva qui',
        properties: ['openDirectory', 'createDirectory'],
      };
      const parent = deps.windowFor(windowId);
      const chosen = parent ? await deps.dialog.showOpenDialog(parent, options) : await deps.dialog.showOpenDialog(options);
      const folder = chosen.filePaths[0];
      if (chosen.canceled || folder === undefined) return null;
      return copyWithoutOverwriting(source, folder, path.basename(file.fileName));
    },

    async openInViewer(file) {
      notInKiosk();
      // openPath answers with an error message, empty on success
      const error = await deps.shell.openPath(ownFile(file));
      if (error !== '') throw new AppError('DELIVERY_OPEN_FAILED');
    },

    async listPrinters(windowId) {
      notInKiosk();
      const window = deps.windowFor(windowId);
      if (!window) throw new AppError('PRINT_FAILED');
      const [printers, defaultName] = await Promise.all([window.webContents.getPrintersAsync(), deps.defaultPrinterName()]);
      return printers.map((p) => toEntry(p, defaultName));
    },

    async print(file, request: PrintRequest) {
      const source = ownFile(file);
      const deviceName = deps.kiosk ? undefined : request.deviceName;
      const fileUrl = pathToFileURL(source).href;
      const window = deps.openPrintWindow(fileUrl);
      try {
        const contents = window.webContents;
        const [printers, defaultName] = await Promise.all([contents.getPrintersAsync(), deps.defaultPrinterName()]);
        const target = printers.find((p) => p.name === (deviceName ?? defaultName));
        // an unknown deviceName makes Chromium fail late and vaguely: refuse it up front
        if (deviceName !== undefined && !target) throw new AppError('DELIVERY_PRINTER_NOT_FOUND');
        await window.loadURL(fileUrl);
        await viewerSettled(contents, settleMs);
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new AppError('PRINT_FAILED')), printTimeoutMs);
          contents.print({ silent: deps.kiosk || request.silent, printBackground: true, ...(deviceName !== undefined ? { deviceName } : {}) }, (success) => {
            clearTimeout(timer);
            if (success) resolve();
            else reject(new AppError('PRINT_FAILED'));
          });
        });
        return { printer: target ? target.displayName || target.name : null };
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw new AppError('PRINT_FAILED');
      } finally {
        if (!window.isDestroyed()) window.destroy();
      }
    },
  };
}
