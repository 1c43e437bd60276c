import path from 'node:path';
import { AppError } from '../../src-shared/errors';
import type { DeliveryCapabilities, DocumentRef, PrintedDocument, PrinterEntry, SavedDocument } from '../../src-shared/ipc/schemas/delivery';
import type { PrintModule } from '../print/printModule';
import type { Actor } from '../services/actor';
import type { AuditService } from '../services/auditService';
import type { DeliverableFile, DocumentDelivery } from './documentDelivery';

export interface DeliveryServiceDeps {
  host: DocumentDelivery;
  print: Pick<PrintModule, 'documents' | 'batchFilePath'>;
  audit: AuditService;
}

/** Who asks: staff deliver any document of their window; a payer only the single ones (their receipts). */
export interface DeliveryCaller {
  actor: Actor;
  windowId: string;
  kind: 'staff' | 'payer';
}

interface ResolvedDocument extends DeliverableFile {
  /** for the audit log: what was delivered */
  entity: 'notice' | 'receipt' | 'printBatch';
  entityId: string;
}

/**
 * Saving, opening and printing the core's own PDFs through the host. A document is found only by
 * the ids the core handed out (and a single document only by the window it was made for), so the
 * renderer can never point the host at a path of its choosing. What leaves the app (a copy on disk,
 * a sheet of paper) is audited; opening in a viewer is not a change and is not.
 */
export class DeliveryService {
  constructor(private readonly deps: DeliveryServiceDeps) {}

  capabilities(): DeliveryCapabilities {
    return this.deps.host.capabilities;
  }

  private resolve(caller: DeliveryCaller, ref: DocumentRef): ResolvedDocument {
    if (ref.kind === 'document') {
      const doc = this.deps.print.documents.get(caller.windowId, ref.documentId);
      if (!doc) throw new AppError('DELIVERY_DOCUMENT_NOT_FOUND');
      return { path: doc.path, fileName: doc.fileName, entity: doc.kind, entityId: String(doc.positionId) };
    }
    // batch files hold many debtors' notices: back-office staff only
    if (caller.kind !== 'staff') throw new AppError('AUTH_FORBIDDEN');
    const file = this.deps.print.batchFilePath(ref.jobId, ref.index);
    if (!file) throw new AppError('DELIVERY_DOCUMENT_NOT_FOUND');
    return { ...file, entity: 'printBatch', entityId: ref.jobId };
  }

  async saveToFolder(caller: DeliveryCaller, ref: DocumentRef): Promise<SavedDocument> {
    if (!this.capabilities().saveToFolder) throw new AppError('DELIVERY_NOT_SUPPORTED');
    const doc = this.resolve(caller, ref);
    const saved = await this.deps.host.saveToFolder(caller.windowId, { path: doc.path, fileName: doc.fileName });
    if (saved === null) return { outcome: 'cancelled' };
    // a copy of personal data now lives outside the app: say where
    this.deps.audit.record(caller.actor, 'document.saved', doc.entity, doc.entityId, { fileName: path.basename(saved), folder: path.dirname(saved) });
    return { outcome: 'saved', path: saved };
  }

  async open(caller: DeliveryCaller, ref: DocumentRef): Promise<null> {
    if (!this.capabilities().openInViewer) throw new AppError('DELIVERY_NOT_SUPPORTED');
    const doc = this.resolve(caller, ref);
    await this.deps.host.openInViewer({ path: doc.path, fileName: doc.fileName });
    return null;
  }

  async printers(windowId: string): Promise<{ printers: PrinterEntry[] }> {
    if (this.capabilities().print !== 'choosePrinter') throw new AppError('DELIVERY_NOT_SUPPORTED');
    return { printers: await this.deps.host.listPrinters(windowId) };
  }

  /**
   * Always without the system dialog: the person chose the printer in Sportello's own dialog, and a
   * kiosk has nobody to answer one. In a kiosk the default printer is used whatever was asked.
   */
  async print(caller: DeliveryCaller, ref: DocumentRef, deviceName: string | undefined): Promise<PrintedDocument> {
    const mode = this.capabilities().print;
    if (mode === 'none') throw new AppError('DELIVERY_NOT_SUPPORTED');
    const doc = this.resolve(caller, ref);
    const request = mode === 'choosePrinter' && deviceName !== undefined ? { silent: true, deviceName } : { silent: true };
    const result = await this.deps.host.print({ path: doc.path, fileName: doc.fileName }, request);
    this.deps.audit.record(caller.actor, 'document.printed', doc.entity, doc.entityId, {
      fileName: doc.fileName,
      printer: result.printer,
      defaultPrinter: request.deviceName === undefined,
    });
    return result;
  }
}
