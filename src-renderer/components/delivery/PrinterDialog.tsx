import { useEffect, useId, useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormLabel,
  Radio,
  RadioGroup,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { DocumentRef, PrintedDocument, PrinterEntry } from '../../../src-shared/ipc/schemas/delivery';
import { api, type ApiError } from '../../api/client';
import { ErrorAlert } from '../ErrorAlert';
import { LoadingStatus } from '../LoadingStatus';

/** The radio value meaning "whatever the system's default printer is" (no deviceName sent). */
const SYSTEM_DEFAULT = '';

interface PrinterDialogProps {
  open: boolean;
  document: DocumentRef;
  fileName: string;
  onCancel(): void;
  onPrinted(result: PrintedDocument): void;
}

/**
 * Sportello's own printer choice: the system's printers with the default preselected. When the OS
 * does not say which one is the default, "the system's default printer" is offered first instead.
 */
export function PrinterDialog({ open, document, fileName, onCancel, onPrinted }: PrinterDialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const [printers, setPrinters] = useState<PrinterEntry[] | null>(null);
  const [choice, setChoice] = useState<string>(SYSTEM_DEFAULT);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    let live = true;
    setPrinters(null);
    setError(null);
    void api.invoke('delivery.printers').then((result) => {
      if (!live) return;
      if (!result.ok) {
        setError(result.error);
        setPrinters([]);
        return;
      }
      setPrinters(result.data.printers);
      setChoice(result.data.printers.find((p) => p.isDefault)?.name ?? SYSTEM_DEFAULT);
    });
    return () => {
      live = false;
    };
  }, [open]);

  const hasDefault = printers?.some((p) => p.isDefault) ?? false;

  const print = async () => {
    setBusy(true);
    setError(null);
    const result = await api.invoke('delivery.print', { document, ...(choice !== SYSTEM_DEFAULT ? { deviceName: choice } : {}) });
    setBusy(false);
    if (result.ok) onPrinted(result.data);
    else setError(result.error);
  };

  return (
    <Dialog open={open} onClose={busy ? undefined : onCancel} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>{t('delivery.printerDialog.title', { name: fileName })}</DialogTitle>
      <DialogContent>
        <ErrorAlert error={error} sx={{ mb: 2 }} />
        {printers === null ? (
          <LoadingStatus label={t('delivery.printerDialog.loading')} />
        ) : printers.length === 0 && !error ? (
          <Typography>{t('delivery.printerDialog.none')}</Typography>
        ) : printers.length > 0 ? (
          <FormControl>
            <FormLabel id={`${titleId}-printers`}>{t('delivery.printerDialog.printer')}</FormLabel>
            <RadioGroup aria-labelledby={`${titleId}-printers`} value={choice} onChange={(e) => setChoice(e.target.value)}>
              {hasDefault ? null : <FormControlLabel value={SYSTEM_DEFAULT} control={<Radio />} label={t('delivery.printerDialog.systemDefault')} />}
              {printers.map((p) => (
                <FormControlLabel
                  key={p.name}
                  value={p.name}
                  control={<Radio />}
                  label={p.isDefault ? t('delivery.printerDialog.defaultPrinter', { name: p.displayName }) : p.displayName}
                />
              ))}
            </RadioGroup>
          </FormControl>
        ) : null}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onCancel} disabled={busy} variant="outlined">
          {t('common.cancel')}
        </Button>
        <Button onClick={() => void print()} disabled={busy || printers === null || printers.length === 0} variant="contained">
          {busy ? t('delivery.printerDialog.printing') : t('delivery.printerDialog.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
