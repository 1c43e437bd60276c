import { useId, useMemo, useState, type FormEvent } from 'react';
import { Alert, Dialog, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatIban, normalizeIban, validateIban } from '../../../../src-shared/domain/iban';
import { formatItalianDate, parseItalianDate, todayIso } from '../../../../src-shared/domain/date';
import type { IbanEntry } from '../../../../src-shared/ipc/schemas/iban';
import { api, type ApiError } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { DateField, fieldState, fromFieldErrors, withoutError, type FormErrors, FormDialogActions } from '../../../components/forms';
import { useDiscardConfirmation, useUnsavedChanges } from '../../../components/useUnsavedChanges';

interface IbanFormDialogProps {
  /** null: add a new IBAN; an entry: edit its description and validity */
  entry: IbanEntry | null;
  onClose(): void;
  onSaved(entry: IbanEntry, created: boolean): void;
}

/** Italian IBANs are 27 characters: from there on a wrong one is worth flagging while typing. */
const IT_IBAN_LENGTH = 27;

export function IbanFormDialog({ entry, onClose, onSaved }: IbanFormDialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const initial = useMemo(
    () => ({
      iban: entry ? formatIban(entry.iban) : '',
      description: entry?.description ?? '',
      validFrom: formatItalianDate(entry?.validFrom ?? todayIso(new Date())),
      validTo: entry?.validTo ? formatItalianDate(entry.validTo) : '',
    }),
    [entry],
  );
  const [values, setValues] = useState(initial);
  const [ibanBlurred, setIbanBlurred] = useState(false);
  const [errors, setErrors] = useState<FormErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const dirty = (Object.keys(initial) as (keyof typeof initial)[]).some((k) => values[k] !== initial[k]);
  const routeGuard = useUnsavedChanges(dirty);
  const { requestClose, confirmation } = useDiscardConfirmation(dirty, onClose);

  const set = (field: keyof typeof initial) => (e: React.ChangeEvent<HTMLInputElement>) => {
    setValues((v) => ({ ...v, [field]: e.target.value }));
    setErrors((x) => withoutError(x, field));
  };

  // Live check with the same rule main applies; main still decides on submit.
  const ibanCheck = validateIban(values.iban);
  const showIbanProblem = !entry && !ibanCheck.ok && values.iban.trim() !== '' && (ibanBlurred || normalizeIban(values.iban).length >= IT_IBAN_LENGTH);
  const ibanHelp = ibanCheck.ok
    ? ibanCheck.value.isPostal
      ? t('iban.form.postalDetected')
      : t('iban.form.valid')
    : t('iban.form.ibanHelp');
  const ibanState = errors.iban
    ? fieldState(errors, 'iban')
    : showIbanProblem && !ibanCheck.ok
      ? { error: true, helperText: ibanCheck.message }
      : { error: false, helperText: ibanHelp };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const clientErrors: FormErrors = {};
    const validFrom = parseItalianDate(values.validFrom);
    if (validFrom === null) clientErrors.validFrom = values.validFrom.trim() === '' ? t('iban.form.validFromRequired') : t('common.invalidDate');
    const validTo = values.validTo.trim() === '' ? null : parseItalianDate(values.validTo);
    if (values.validTo.trim() !== '' && validTo === null) clientErrors.validTo = t('common.invalidDate');
    setErrors(clientErrors);
    if (validFrom === null || Object.keys(clientErrors).length > 0) return;

    setBusy(true);
    const common = { description: values.description, validFrom, validTo };
    const result = entry
      ? await api.invoke('iban.update', { id: entry.id, ...common })
      : await api.invoke('iban.create', { iban: values.iban, ...common });
    setBusy(false);
    if (result.ok) {
      onSaved(result.data, entry === null);
      return;
    }
    setError(result.error);
    setErrors(fromFieldErrors(result.error.fieldErrors));
  };

  const title = entry ? t('iban.form.editTitle') : t('iban.form.addTitle');
  return (
    <Dialog open onClose={busy ? undefined : requestClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={3} sx={{ pt: 1 }}>
            <ErrorAlert error={error} />
            {entry ? (
              <TextField label={t('iban.form.iban')} value={values.iban} InputProps={{ readOnly: true }} helperText={t('iban.form.ibanReadOnly')} inputProps={{ style: { fontFamily: '"DM Mono", monospace' } }} />
            ) : (
              <TextField
                label={t('iban.form.iban')}
                required
                autoFocus
                value={values.iban}
                onChange={set('iban')}
                onBlur={() => setIbanBlurred(true)}
                inputProps={{ autoComplete: 'off', spellCheck: false, maxLength: 42, style: { fontFamily: '"DM Mono", monospace', textTransform: 'uppercase' } }}
                FormHelperTextProps={{ role: ibanCheck.ok ? 'status' : undefined }}
                {...ibanState}
              />
            )}
            {!entry && ibanCheck.ok && ibanCheck.value.isPostal ? (
              <Alert severity="info">{t('iban.form.postalNote')}</Alert>
            ) : null}
            <TextField
              label={t('iban.form.description')}
              value={values.description}
              onChange={set('description')}
              inputProps={{ maxLength: 140 }}
              {...fieldState(errors, 'description', t('iban.form.descriptionHelp'))}
            />
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3}>
              <DateField
                label={t('iban.form.validFrom')}
                required
                fullWidth
                value={values.validFrom}
                onChange={set('validFrom')}
                {...fieldState(errors, 'validFrom', t('common.dateFormatHint'))}
              />
              <DateField
                label={t('iban.form.validTo')}
                fullWidth
                value={values.validTo}
                onChange={set('validTo')}
                {...fieldState(errors, 'validTo', t('iban.form.validToHelp'))}
              />
            </Stack>
          </Stack>
        </DialogContent>
        <FormDialogActions busy={busy} onCancel={requestClose} submitLabel={entry ? t('iban.form.submitEdit') : t('iban.form.submitAdd')} />
      </form>
      {confirmation}
      {routeGuard}
    </Dialog>
  );
}
