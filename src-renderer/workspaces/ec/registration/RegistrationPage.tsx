import { useCallback, useEffect, useState, type FormEvent } from 'react';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  Paper,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ConnectionType, Registration, RegistrationView } from '../../../../src-shared/ipc/schemas/onboarding';
import { api, type ApiError } from '../../../api/client';
import { PageHeading } from '../../../components/PageHeading';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { displayDateTime } from '../../../components/format';
import { fieldState, fromFieldErrors, withoutError, type FormErrors } from '../../../components/forms';
import { useUnsavedChanges } from '../../../components/useUnsavedChanges';
import { useNotifications } from '../../../stores/notifications';
import { useOnboarding } from '../../../stores/onboarding';
import { LoadingStatus } from '../../../components/LoadingStatus';

interface FormValues {
  address: string;
  city: string;
  province: string;
  postalCode: string;
  fiscalDomicile: string;
  connectionType: ConnectionType;
  partnerFiscalCode: string;
}

const empty: FormValues = { address: '', city: '', province: '', postalCode: '', fiscalDomicile: '', connectionType: 'direct', partnerFiscalCode: '' };

function valuesOf(r: Registration | null): FormValues {
  if (!r) return empty;
  return {
    address: r.address,
    city: r.city,
    province: r.province,
    postalCode: r.postalCode,
    fiscalDomicile: r.fiscalDomicile ?? '',
    connectionType: r.connectionType,
    partnerFiscalCode: r.partnerFiscalCode ?? '',
  };
}

/** "Registrazione sul Nodo" (censimento): step 1 of the onboarding, by the Referente dei Pagamenti. */
export function RegistrationPage() {
  const { t } = useTranslation();
  const notify = useNotifications((s) => s.notify);
  const refreshOnboarding = useOnboarding((s) => s.refresh);
  const [view, setView] = useState<RegistrationView | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [initial, setInitial] = useState<FormValues>(empty);
  const [values, setValues] = useState<FormValues>(empty);
  const [errors, setErrors] = useState<FormErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const apply = useCallback((next: RegistrationView) => {
    setView(next);
    const v = valuesOf(next.registration);
    setInitial(v);
    setValues(v);
  }, []);

  useEffect(() => {
    void api.invoke('registration.get').then((result) => {
      if (result.ok) apply(result.data);
      else setLoadError(result.error);
    });
  }, [apply]);

  const dirty = (Object.keys(initial) as (keyof FormValues)[]).some((k) => values[k] !== initial[k]);
  const routeGuard = useUnsavedChanges(dirty);

  const set = (field: keyof FormValues) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const value = e.target.value;
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((x) => withoutError(x, field));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setBusy(true);
    const result = await api.invoke('registration.submit', {
      ...values,
      partnerFiscalCode: values.connectionType === 'partner' ? values.partnerFiscalCode : '',
    });
    setBusy(false);
    if (result.ok) {
      const first = view?.registration === null;
      apply(result.data);
      setErrors({});
      notify({ severity: 'success', message: first ? t('registration.registered') : t('registration.updated') });
      await refreshOnboarding();
      return;
    }
    setError(result.error);
    setErrors(fromFieldErrors(result.error.fieldErrors));
  };

  const reg = view?.registration ?? null;
  return (
    <>
      <PageHeading title={t('registration.heading')} subtitle={t('registration.intro')} />
      <ErrorAlert error={loadError} sx={{ mb: 2 }} />
      {view === null && !loadError ? (
        <LoadingStatus />
      ) : null}
      {view ? (
        <Stack spacing={3} sx={{ maxWidth: 760 }}>
          <Alert severity={reg ? 'success' : 'info'} role="status">
            <AlertTitle>{reg ? t('registration.status.registered') : t('registration.status.notRegistered')}</AlertTitle>
            {reg
              ? t('registration.status.registeredBody', {
                  when: displayDateTime(reg.registeredAt),
                  broker: reg.brokerFiscalCode,
                  environment: t(`environment.${reg.environment}`),
                })
              : t('registration.status.notRegisteredBody')}
          </Alert>
          <Paper variant="outlined" component="form" noValidate onSubmit={(e: FormEvent) => void submit(e)} aria-labelledby="registration-form-title" sx={{ p: 3 }}>
            <Typography variant="h6" component="h2" id="registration-form-title" sx={{ mb: 2 }}>
              {t('registration.formTitle')}
            </Typography>
            <Box component="dl" sx={{ m: 0, mb: 3, display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 3, rowGap: 1 }}>
              <Typography component="dt" color="text.secondary">{t('registration.ecName')}</Typography>
              <Typography component="dd" sx={{ m: 0, fontWeight: 600 }}>{view.ec.name}</Typography>
              <Typography component="dt" color="text.secondary">{t('registration.ecFiscalCode')}</Typography>
              <Typography component="dd" sx={{ m: 0, fontWeight: 600 }}>{view.ec.fiscalCode}</Typography>
            </Box>
            <Stack spacing={3}>
              <ErrorAlert error={error} />
              <TextField label={t('registration.address')} required value={values.address} onChange={set('address')} inputProps={{ maxLength: 140, autoComplete: 'street-address' }} {...fieldState(errors, 'address', t('registration.addressHelp'))} />
              <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3}>
                <TextField label={t('registration.city')} required fullWidth value={values.city} onChange={set('city')} inputProps={{ maxLength: 70 }} {...fieldState(errors, 'city')} />
                <TextField
                  label={t('registration.province')}
                  required
                  value={values.province}
                  onChange={set('province')}
                  inputProps={{ maxLength: 2, style: { textTransform: 'uppercase' } }}
                  sx={{ minWidth: 160 }}
                  {...fieldState(errors, 'province', t('registration.provinceHelp'))}
                />
                <TextField
                  label={t('registration.postalCode')}
                  required
                  value={values.postalCode}
                  onChange={set('postalCode')}
                  inputProps={{ maxLength: 5, inputMode: 'numeric', autoComplete: 'postal-code' }}
                  sx={{ minWidth: 140 }}
                  {...fieldState(errors, 'postalCode', t('registration.postalCodeHelp'))}
                />
              </Stack>
              <TextField label={t('registration.fiscalDomicile')} value={values.fiscalDomicile} onChange={set('fiscalDomicile')} inputProps={{ maxLength: 140 }} {...fieldState(errors, 'fiscalDomicile', t('registration.fiscalDomicileHelp'))} />
              <FormControl error={Boolean(errors.connectionType)} disabled={view.connectionLocked}>
                <FormLabel id="connection-label">{t('registration.connection')}</FormLabel>
                <RadioGroup
                  aria-labelledby="connection-label"
                  value={values.connectionType}
                  onChange={(e) => {
                    setValues((v) => ({ ...v, connectionType: e.target.value as ConnectionType }));
                    setErrors((x) => withoutError(withoutError(x, 'connectionType'), 'partnerFiscalCode'));
                  }}
                >
                  <FormControlLabel value="direct" control={<Radio />} label={t('registration.direct')} />
                  <FormControlLabel value="partner" control={<Radio />} label={t('registration.partner')} />
                </RadioGroup>
                <FormHelperText>{errors.connectionType ?? (view.connectionLocked ? t('registration.connectionLocked') : t('registration.connectionHelp'))}</FormHelperText>
              </FormControl>
              {values.connectionType === 'partner' ? (
                <TextField
                  label={t('registration.partnerFiscalCode')}
                  required
                  value={values.partnerFiscalCode}
                  onChange={set('partnerFiscalCode')}
                  disabled={view.connectionLocked}
                  inputProps={{ maxLength: 11, inputMode: 'numeric' }}
                  {...fieldState(errors, 'partnerFiscalCode', t('registration.partnerFiscalCodeHelp'))}
                />
              ) : null}
              <Box>
                <Button type="submit" variant="contained" disabled={busy || (reg !== null && !dirty)}>
                  {busy ? t('registration.submitting') : reg ? t('registration.submitUpdate') : t('registration.submit')}
                </Button>
              </Box>
            </Stack>
          </Paper>
        </Stack>
      ) : null}
      {routeGuard}
    </>
  );
}
