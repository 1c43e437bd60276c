import { useId, useMemo, useState, type FormEvent } from 'react';
import {
  Checkbox,
  Dialog,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { StationView } from '../../../../src-shared/ipc/schemas/stations';
import { api, type ApiError } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PasswordField, fieldState, fromFieldErrors, withoutError, type FormErrors, FormDialogActions } from '../../../components/forms';
import { useDiscardConfirmation, useUnsavedChanges } from '../../../components/useUnsavedChanges';

interface StationFormDialogProps {
  /** null: a new station; otherwise the station to edit */
  station: StationView | null;
  /** the code the Nodo will assign (new stations) */
  nextCode: string | null;
  ecSegregationCode: string | null;
  onClose(): void;
  onSaved(station: StationView, created: boolean): void;
}

const NUMBER_FIELDS = ['connection.port', 'timeouts.verifyMs', 'timeouts.getPaymentMs', 'timeouts.sendReceiptMs'] as const;

function initialValues(station: StationView | null, ecSegregationCode: string | null) {
  return {
    protocol: station?.connection.protocol ?? 'https',
    host: station?.connection.host ?? '',
    port: String(station?.connection.port ?? 443),
    path: station?.connection.path ?? '',
    password: '',
    primitiveVersion: String(station?.primitiveVersion ?? 2),
    verifyMs: String(station?.timeouts.verifyMs ?? 15_000),
    getPaymentMs: String(station?.timeouts.getPaymentMs ?? 15_000),
    sendReceiptMs: String(station?.timeouts.sendReceiptMs ?? 15_000),
    segregationCode: station?.segregationCode ?? ecSegregationCode ?? '',
    broadcast: station?.broadcast ?? false,
    flagStandIn: station?.flagStandIn ?? false,
  };
}
type Values = ReturnType<typeof initialValues>;

/** A whole number from a text field, or NaN: main reports anything out of range on the field. */
function integer(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

export function StationFormDialog({ station, nextCode, ecSegregationCode, onClose, onSaved }: StationFormDialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const initial = useMemo(() => initialValues(station, ecSegregationCode), [station, ecSegregationCode]);
  const [values, setValues] = useState<Values>(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const dirty = (Object.keys(initial) as (keyof Values)[]).some((k) => values[k] !== initial[k]);
  const routeGuard = useUnsavedChanges(dirty);
  const { requestClose, confirmation } = useDiscardConfirmation(dirty, onClose);

  const set = (field: keyof Values, errorKey: string) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const value = e.target.type === 'checkbox' ? e.target.checked : e.target.value;
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((x) => withoutError(x, errorKey));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const numbers = {
      'connection.port': integer(values.port),
      'timeouts.verifyMs': integer(values.verifyMs),
      'timeouts.getPaymentMs': integer(values.getPaymentMs),
      'timeouts.sendReceiptMs': integer(values.sendReceiptMs),
    };
    const clientErrors: FormErrors = {};
    for (const key of NUMBER_FIELDS) if (Number.isNaN(numbers[key])) clientErrors[key] = t('stations.form.numberInvalid');
    setErrors(clientErrors);
    if (Object.keys(clientErrors).length > 0) return;

    const common = {
      connection: { protocol: values.protocol as 'http' | 'https', host: values.host, port: numbers['connection.port'], path: values.path },
      primitiveVersion: values.primitiveVersion === '1' ? (1 as const) : (2 as const),
      timeouts: { verifyMs: numbers['timeouts.verifyMs'], getPaymentMs: numbers['timeouts.getPaymentMs'], sendReceiptMs: numbers['timeouts.sendReceiptMs'] },
      flagStandIn: values.flagStandIn,
      broadcast: values.broadcast,
    };
    setBusy(true);
    const result = station
      ? await api.invoke('stations.update', {
          code: station.code,
          version: station.version,
          ...common,
          ...(values.password !== '' ? { password: values.password } : {}),
        })
      : await api.invoke('stations.create', { ...common, password: values.password, segregationCode: values.segregationCode });
    setBusy(false);
    if (result.ok) {
      onSaved(result.data, station === null);
      return;
    }
    setError(result.error);
    setErrors(fromFieldErrors(result.error.fieldErrors));
  };

  return (
    <Dialog open onClose={busy ? undefined : requestClose} aria-labelledby={titleId} maxWidth="md" fullWidth>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <DialogTitle id={titleId}>{station ? t('stations.form.editTitle', { code: station.code }) : t('stations.form.addTitle')}</DialogTitle>
        <DialogContent>
          <Stack spacing={3} sx={{ pt: 1 }}>
            <ErrorAlert error={error} />
            <TextField
              label={t('stations.form.code')}
              value={station?.code ?? nextCode ?? ''}
              InputProps={{ readOnly: true }}
              helperText={t('stations.form.codeHelp')}
              inputProps={{ style: { fontFamily: '"DM Mono", monospace' } }}
            />

            <Typography variant="h6" component="h2">
              {t('stations.form.connection')}
            </Typography>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <TextField
                select
                label={t('stations.form.protocol')}
                value={values.protocol}
                onChange={set('protocol', 'connection.protocol')}
                sx={{ minWidth: 140 }}
                {...fieldState(errors, 'connection.protocol')}
              >
                <MenuItem value="https">https</MenuItem>
                <MenuItem value="http">http</MenuItem>
              </TextField>
              <TextField
                label={t('stations.form.host')}
                required
                autoFocus={station === null}
                fullWidth
                value={values.host}
                onChange={set('host', 'connection.host')}
                inputProps={{ autoComplete: 'off', spellCheck: false, maxLength: 253 }}
                {...fieldState(errors, 'connection.host', t('stations.form.hostHelp'))}
              />
              <TextField
                label={t('stations.form.port')}
                required
                value={values.port}
                onChange={set('port', 'connection.port')}
                inputProps={{ inputMode: 'numeric', maxLength: 5 }}
                sx={{ maxWidth: { sm: 140 } }}
                {...fieldState(errors, 'connection.port')}
              />
            </Stack>
            <TextField
              label={t('stations.form.path')}
              required
              value={values.path}
              onChange={set('path', 'connection.path')}
              inputProps={{ autoComplete: 'off', spellCheck: false, maxLength: 255 }}
              {...fieldState(errors, 'connection.path', t('stations.form.pathHelp'))}
            />
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <PasswordField
                label={t('stations.form.password')}
                required={station === null}
                fullWidth
                value={values.password}
                onChange={set('password', 'password')}
                inputProps={{ autoComplete: 'new-password', maxLength: 64 }}
                {...fieldState(errors, 'password', station ? t('stations.form.passwordEditHelp') : t('stations.form.passwordHelp'))}
              />
              <TextField
                select
                label={t('stations.form.primitiveVersion')}
                value={values.primitiveVersion}
                onChange={set('primitiveVersion', 'primitiveVersion')}
                fullWidth
                {...fieldState(errors, 'primitiveVersion')}
              >
                <MenuItem value="2">{t('stations.form.v2')}</MenuItem>
                <MenuItem value="1">{t('stations.form.v1')}</MenuItem>
              </TextField>
            </Stack>

            <Typography variant="h6" component="h2">
              {t('stations.form.timeouts')}
            </Typography>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              {(['verifyMs', 'getPaymentMs', 'sendReceiptMs'] as const).map((key) => (
                <TextField
                  key={key}
                  label={t(`stations.form.${key}`)}
                  required
                  fullWidth
                  value={values[key]}
                  onChange={set(key, `timeouts.${key}`)}
                  inputProps={{ inputMode: 'numeric', maxLength: 6 }}
                  {...fieldState(errors, `timeouts.${key}`)}
                />
              ))}
            </Stack>

            <Typography variant="h6" component="h2">
              {t('stations.form.link')}
            </Typography>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <TextField label={t('stations.form.auxDigit')} value="3" InputProps={{ readOnly: true }} helperText={t('stations.form.auxDigitHelp')} fullWidth />
              <TextField
                label={t('stations.form.segregationCode')}
                required
                fullWidth
                value={values.segregationCode}
                onChange={set('segregationCode', 'segregationCode')}
                InputProps={{ readOnly: station !== null }}
                inputProps={{ inputMode: 'numeric', maxLength: 2 }}
                {...fieldState(
                  errors,
                  'segregationCode',
                  station ? t('stations.form.segregationReadOnly') : t('stations.form.segregationHelp', { code: ecSegregationCode ?? '—' }),
                )}
              />
            </Stack>
            <Stack>
              <FormControlLabel control={<Checkbox checked={values.broadcast} onChange={set('broadcast', 'broadcast')} />} label={t('stations.form.broadcast')} />
              <FormControlLabel control={<Checkbox checked={values.flagStandIn} onChange={set('flagStandIn', 'flagStandIn')} />} label={t('stations.form.flagStandIn')} />
            </Stack>
          </Stack>
        </DialogContent>
        <FormDialogActions busy={busy} onCancel={requestClose} submitLabel={station ? t('stations.form.submitEdit') : t('stations.form.submitAdd')} />
      </form>
      {confirmation}
      {routeGuard}
    </Dialog>
  );
}
