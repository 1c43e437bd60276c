import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintedDocumentFileData } from '../../../src-shared/ipc/schemas/print';
import { downloadOnly, isDownloadOnly, isPrintOnly, useDelivery } from '../../stores/delivery';
import { useNotifications } from '../../stores/notifications';
import { downloadPdf } from '../download';
import { printOnDefaultPrinter } from './DocumentActions';
import { DocumentReadyDialog } from './DocumentReadyDialog';

/**
 * What a page does with a notice or receipt main has just produced, by host: a kiosk prints it at
 * once on the default printer, the web host downloads it, the desktop app asks (save, open, print)
 * in a dialog. `downloaded` words the confirmation of a download. Render `dialog` once on the page.
 */
export function usePrintedDocument(downloaded: (fileName: string) => string): {
  deliver(file: PrintedDocumentFileData): Promise<void>;
  dialog: ReactElement;
} {
  const { t } = useTranslation();
  const notify = useNotifications((s) => s.notify);
  const capabilities = useDelivery((s) => s.capabilities) ?? downloadOnly;
  const loadCapabilities = useDelivery((s) => s.load);
  const [ready, setReady] = useState<PrintedDocumentFileData | null>(null);

  useEffect(() => {
    void loadCapabilities();
  }, [loadCapabilities]);

  const deliver = async (file: PrintedDocumentFileData) => {
    const caps = await loadCapabilities();
    if (isPrintOnly(caps)) {
      // a kiosk: "Stampa" means paper, at once, on the default printer
      await printOnDefaultPrinter(t, notify, { kind: 'document', documentId: file.documentId });
    } else if (isDownloadOnly(caps)) {
      downloadPdf(file);
      notify({ severity: 'success', message: downloaded(file.fileName) });
    } else {
      setReady(file);
    }
  };

  const dialog = (
    <DocumentReadyDialog
      ready={ready ? { document: { kind: 'document', documentId: ready.documentId }, fileName: ready.fileName } : null}
      capabilities={capabilities}
      onDownload={() => {
        if (ready) downloadPdf(ready);
      }}
      onClose={() => setReady(null)}
    />
  );
  return { deliver, dialog };
}
