import { useId, useState, type FormEvent } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatIban } from '../../../../src-shared/domain/iban';
import { formatItalianDate, parseItalianDate, todayIso } from '../../../../src-shared/domain/date';
import type { IbanEntry } from '../../../../src-shared/ipc/schemas/iban';
import { api, type ApiError } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { DateField, fieldState, fromFieldErrors, type FormErrors } from '../../../components/forms';

interface ScheduleDeletionDialogProps {
  entry: IbanEntry;
  onClose(): void;
  /** `deleted` true when the date was today and main removed the IBAN at once */
  onDone(result: { deleted: boolean; date: string }): void;
}

/**
 * Deletion is planned for a date: until then the IBAN keeps working and the plan can be undone.
 * Today means "now", which cannot be undone, so the dialog says so and the button changes name.
 */
export function ScheduleDeletionDialog({ entry, onClose, onDone }: ScheduleDeletionDialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const descriptionId = useId();
  const today = todayIso(new Date());
  const [value, setValue] = useState(formatItalianDate(today));
  const [errors, setErrors] = useState<FormErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const parsed = parseItalianDate(value);
  const immediate = parsed === today;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (parsed === null) {
      setErrors({ date: t('common.invalidDate') });
      return;
    }
    setBusy(true);
    const result = await api.invoke('iban.scheduleDeletion', { id: entry.id, date: parsed });
    setBusy(false);
    if (result.ok) {
      onDone({ deleted: result.data === null, date: parsed });
      return;
    }
    setError(result.error);
    setErrors(fromFieldErrors(result.error.fieldErrors));
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} aria-describedby={descriptionId} maxWidth="sm" fullWidth>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <DialogTitle id={titleId}>{t('iban.deletion.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2.5}>
            <Typography>
              {t('iban.deletion.ibanLabel')}{' '}
              <Typography component="span" sx={{ fontFamily: '"DM Mono", monospace', fontWeight: 600 }}>
                {formatIban(entry.iban)}
              </Typography>
              {entry.description ? ` – ${entry.description}` : ''}
            </Typography>
            <DialogContentText id={descriptionId}>{t('iban.deletion.explain')}</DialogContentText>
            <ErrorAlert error={error} />
            <DateField
              label={t('iban.deletion.date')}
              required
              autoFocus
              value={value}
              onChange={(e) => {
                setValue(e.target.value);
                setErrors({});
              }}
              {...fieldState(errors, 'date', t('iban.deletion.dateHelp'))}
            />
            {immediate ? (
              <Alert severity="warning">{t('iban.deletion.immediateWarning')}</Alert>
            ) : parsed !== null && parsed > today ? (
              <Alert severity="info">{t('iban.deletion.scheduledNote', { date: formatItalianDate(parsed) })}</Alert>
            ) : null}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button variant="outlined" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" color="error" disabled={busy}>
            {immediate ? t('iban.deletion.submitNow') : t('iban.deletion.submitSchedule')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
