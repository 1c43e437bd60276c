import { AppError } from '../../src-shared/errors';
import type { DeliveryCapabilities, PrinterEntry } from '../../src-shared/ipc/schemas/delivery';

/** A PDF the core produced, as the host receives it: always a file under the core's own stampe/ folder. */
export interface DeliverableFile {
  path: string;
  fileName: string;
}

export interface PrintRequest {
  /** the system name of the printer; omitted: the system's default printer */
  deviceName?: string;
  /** no system print dialog */
  silent: boolean;
}

/**
 * What a host can do with a produced PDF beyond handing its bytes to the renderer. The core owns
 * the rules (which document, who may, what is audited); the host only talks to the OS. The Electron
 * host implements it with dialog, shell and webContents.print; the web host and the CLI offer only
 * the download, which needs nothing from main.
 */
export interface DocumentDelivery {
  readonly capabilities: DeliveryCapabilities;
  /** asks the person for a folder (over their window) and copies the file there: the new path, or null when they cancel */
  saveToFolder(windowId: string, file: DeliverableFile): Promise<string | null>;
  openInViewer(file: DeliverableFile): Promise<void>;
  listPrinters(windowId: string): Promise<PrinterEntry[]>;
  /** the printer's display name, or null when the system default took it without saying which */
  print(file: DeliverableFile, request: PrintRequest): Promise<{ printer: string | null }>;
}

const unsupported = (): never => {
  throw new AppError('DELIVERY_NOT_SUPPORTED');
};

/** The web host and the CLI: the renderer downloads the bytes it already has; nothing else. */
export const downloadOnlyDelivery: DocumentDelivery = {
  capabilities: { download: true, saveToFolder: false, openInViewer: false, print: 'none' },
  saveToFolder: async () => unsupported(),
  openInViewer: async () => unsupported(),
  listPrinters: async () => unsupported(),
  print: async () => unsupported(),
};
