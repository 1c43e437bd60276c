import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { PrintedFile } from './printService';

export type StoredDocumentKind = 'notice' | 'receipt';

export interface StoredDocument {
  id: string;
  /** the window that produced it: only that window may save, open or print it */
  windowId: string;
  kind: StoredDocumentKind;
  positionId: number;
  fileName: string;
  path: string;
}

const DEFAULT_LIMIT = 200;

/**
 * Single notices and receipts on disk, so the desktop host can copy, open or print a real file.
 * Each sits in its own folder under a random id (the file keeps its readable name for the viewer's
 * title bar). The ids live in memory only, so the folder is emptied at start: a document from an
 * earlier run can no longer be asked for. The oldest files go once there are more than `limit`.
 */
export class DocumentStore {
  private readonly documents = new Map<string, StoredDocument>();

  constructor(
    private readonly dir: string,
    private readonly limit = DEFAULT_LIMIT,
  ) {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  put(windowId: string, kind: StoredDocumentKind, positionId: number, file: PrintedFile): StoredDocument {
    const id = randomBytes(16).toString('hex');
    const folder = path.join(this.dir, id);
    fs.mkdirSync(folder, { recursive: true });
    // the file name comes from PrintService (fileSafe), but basename keeps it inside the folder whatever happens
    const target = path.join(folder, path.basename(file.fileName));
    fs.writeFileSync(target, file.bytes);
    const doc: StoredDocument = { id, windowId, kind, positionId, fileName: path.basename(target), path: target };
    this.documents.set(id, doc);
    this.evict();
    return doc;
  }

  get(windowId: string, id: string): StoredDocument | null {
    const doc = this.documents.get(id);
    return doc && doc.windowId === windowId ? doc : null;
  }

  /**
   * A new session on the window (someone else, maybe, at a kiosk): what the previous one produced
   * can no longer be delivered from it.
   */
  forgetWindow(windowId: string): void {
    for (const [id, doc] of this.documents) {
      if (doc.windowId !== windowId) continue;
      this.documents.delete(id);
      fs.rmSync(path.join(this.dir, id), { recursive: true, force: true });
    }
  }

  private evict(): void {
    while (this.documents.size > this.limit) {
      const oldest = this.documents.keys().next().value;
      if (oldest === undefined) return;
      this.documents.delete(oldest);
      fs.rmSync(path.join(this.dir, oldest), { recursive: true, force: true });
    }
  }
}
