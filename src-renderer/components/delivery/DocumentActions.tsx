import { useState } from 'react';
import { Alert, Button, Stack, Typography } from '@mui/material';
import { Download, FolderOpen, OpenInNew, Print } from '@mui/icons-material';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DeliveryCapabilities, DocumentRef, PrintedDocument } from '../../../src-shared/ipc/schemas/delivery';
import { api } from '../../api/client';
import type { Notification } from '../../stores/notifications';
import { PrinterDialog } from './PrinterDialog';

type Outcome = Omit<Notification, 'id'>;
type Notify = (n: Outcome) => void;

export function printedMessage(t: TFunction, result: PrintedDocument, toDefault: boolean): string {
  if (toDefault) return result.printer ? t('delivery.printedDefaultNamed', { printer: result.printer }) : t('delivery.printedDefault');
  return result.printer ? t('delivery.printed', { printer: result.printer }) : t('delivery.printedDefault');
}

/** The kiosk's "Stampa": straight to the default printer, and the person is told where it went. */
export async function printOnDefaultPrinter(t: TFunction, notify: Notify, document: DocumentRef): Promise<void> {
  const result = await api.invoke('delivery.print', { document });
  if (result.ok) notify({ severity: 'success', message: printedMessage(t, result.data, true) });
  else notify({ severity: 'error', message: result.error.message, code: result.error.code });
}

interface DocumentActionsProps {
  document: DocumentRef;
  fileName: string;
  capabilities: DeliveryCapabilities;
  /** hands the bytes to the browser (the renderer already has them, or fetches them) */
  onDownload(): void | Promise<void>;
  size?: 'small' | 'medium';
  /** moves the keyboard focus to the first action (a dialog that has just opened) */
  autoFocus?: boolean;
}

/**
 * What this host can do with a produced PDF, as buttons: save to a folder, open in the system
 * viewer, print (a printer choice, or at once on the default printer in a kiosk), download.
 * Each names the file in its accessible name, so a list of files reads unambiguously.
 */
export function DocumentActions({ document, fileName, capabilities, onDownload, size = 'small', autoFocus = false }: DocumentActionsProps) {
  const { t } = useTranslation();
  // the outcome shows beside the buttons, not as a toast: inside a dialog a toast would be hidden
  // from assistive technology (everything outside a modal is aria-hidden)
  const [outcome, notify] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [choosingPrinter, setChoosingPrinter] = useState(false);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    notify(null);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };

  const save = () =>
    run(async () => {
      const result = await api.invoke('delivery.saveToFolder', { document });
      if (!result.ok) notify({ severity: 'error', message: result.error.message, code: result.error.code });
      else if (result.data.outcome === 'saved') notify({ severity: 'success', message: t('delivery.saved', { path: result.data.path }) });
    });

  const open = () =>
    run(async () => {
      const result = await api.invoke('delivery.open', { document });
      if (result.ok) notify({ severity: 'info', message: t('delivery.opened', { name: fileName }) });
      else notify({ severity: 'error', message: result.error.message, code: result.error.code });
    });

  const print = () => {
    notify(null);
    if (capabilities.print === 'choosePrinter') setChoosingPrinter(true);
    else void run(() => printOnDefaultPrinter(t, notify, document));
  };

  const actions = [];
  if (capabilities.saveToFolder) actions.push({ key: 'save', icon: <FolderOpen aria-hidden />, label: t('delivery.save'), aria: t('delivery.saveLabel', { name: fileName }), onClick: () => void save() });
  if (capabilities.openInViewer) actions.push({ key: 'open', icon: <OpenInNew aria-hidden />, label: t('delivery.open'), aria: t('delivery.openLabel', { name: fileName }), onClick: () => void open() });
  if (capabilities.print !== 'none') {
    const aria = capabilities.print === 'defaultPrinter' ? t('delivery.printDefaultLabel', { name: fileName }) : t('delivery.printLabel', { name: fileName });
    actions.push({ key: 'print', icon: <Print aria-hidden />, label: t('delivery.print'), aria, onClick: print });
  }
  if (capabilities.download) actions.push({ key: 'download', icon: <Download aria-hidden />, label: t('delivery.download'), aria: t('delivery.downloadLabel', { name: fileName }), onClick: () => void onDownload() });

  return (
    <>
      <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap">
        {actions.map((a, i) => (
          <Button key={a.key} size={size} variant={i === 0 ? 'contained' : 'outlined'} startIcon={a.icon} onClick={a.onClick} disabled={busy} aria-label={a.aria} autoFocus={autoFocus && i === 0}>
            {a.label}
          </Button>
        ))}
      </Stack>
      {/* always in the page, so the message that lands in it is announced */}
      <div role="status">
        {outcome && outcome.severity !== 'error' ? (
          <Alert severity={outcome.severity} role="none" sx={{ mt: 1 }}>
            {outcome.message}
          </Alert>
        ) : null}
      </div>
      {outcome?.severity === 'error' ? (
        <Alert severity="error" role="alert" sx={{ mt: 1 }}>
          {outcome.message}
          {outcome.code ? (
            <Typography component="span" variant="caption" sx={{ display: 'block' }}>
              {t('common.errorCode', { code: outcome.code })}
            </Typography>
          ) : null}
        </Alert>
      ) : null}
      {capabilities.print === 'choosePrinter' ? (
        <PrinterDialog
          open={choosingPrinter}
          document={document}
          fileName={fileName}
          onCancel={() => setChoosingPrinter(false)}
          onPrinted={(result) => {
            setChoosingPrinter(false);
            notify({ severity: 'success', message: printedMessage(t, result, false) });
          }}
        />
      ) : null}
    </>
  );
}
