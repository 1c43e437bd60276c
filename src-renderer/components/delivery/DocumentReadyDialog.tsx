import { useId } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { DeliveryCapabilities, DocumentRef } from '../../../src-shared/ipc/schemas/delivery';
import { DocumentActions } from './DocumentActions';

interface DocumentReadyDialogProps {
  ready: { document: DocumentRef; fileName: string } | null;
  capabilities: DeliveryCapabilities;
  onDownload(): void;
  onClose(): void;
}

/** After a notice or receipt is produced in the desktop app: what to do with it. */
export function DocumentReadyDialog({ ready, capabilities, onDownload, onClose }: DocumentReadyDialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const bodyId = useId();
  return (
    <Dialog open={ready !== null} onClose={onClose} aria-labelledby={titleId} aria-describedby={bodyId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>{t('delivery.readyTitle')}</DialogTitle>
      <DialogContent>
        <DialogContentText id={bodyId} sx={{ mb: 2 }}>
          {t('delivery.readyBody', { name: ready?.fileName ?? '' })}
        </DialogContentText>
        {ready ? <DocumentActions document={ready.document} fileName={ready.fileName} capabilities={capabilities} onDownload={onDownload} size="medium" autoFocus /> : null}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose}>{t('common.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
