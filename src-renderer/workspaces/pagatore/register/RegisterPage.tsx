import { useEffect, useState, type FormEvent } from 'react';
import { Box, Button, Checkbox, FormControl, FormControlLabel, FormHelperText, Paper, Stack, TextField, Typography } from '@mui/material';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PRIVACY_NOTICE_VERSION } from '../../../../src-shared/pagatore/privacyNotice';
import { api, type ApiError } from '../../../api/client';
import { useSession } from '../../../stores/session';
import { PublicLayout } from '../../../components/PublicLayout';
import { PageHeading } from '../../../components/PageHeading';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PasswordField, fieldState, fromFieldErrors, hasErrors, withoutError, type FormErrors } from '../../../components/forms';
import { useUnsavedChanges } from '../../../components/useUnsavedChanges';
import { FiscalCodeField, personFiscalCodeProblem } from '../FiscalCodeField';
import type { ActivationState } from '../activate/ActivatePage';
import { PageLinks } from '../layout/PageLinks';

const empty = { fiscalCode: '', firstName: '', lastName: '', email: '', password: '', passwordConfirm: '' };
type Field = keyof typeof empty;

/** Self-registration: personal data, a password, the privacy notice and its consent. */
export function RegisterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const ec = useSession((s) => s.ec);
  const [values, setValues] = useState(empty);
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<FormErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [registered, setRegistered] = useState<ActivationState | null>(null);
  const guard = useUnsavedChanges(registered === null && Object.values(values).some((v) => v !== ''));
  // navigate once the guard has seen the form as saved, or it would ask to discard it
  useEffect(() => {
    if (registered) navigate('/pagatore/attivazione', { state: registered });
  }, [registered, navigate]);

  const bind = (field: Exclude<Field, 'fiscalCode'>, help?: string) => ({
    value: values[field],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      setValues((v) => ({ ...v, [field]: e.target.value }));
      setErrors((x) => withoutError(x, field));
    },
    ...fieldState(errors, field, help),
  });

  const check = (): FormErrors => {
    const out: FormErrors = {};
    const fc = values.fiscalCode.trim() === '' ? t('pagatore.fiscalCode.required') : personFiscalCodeProblem(values.fiscalCode);
    if (fc) out.fiscalCode = fc;
    if (values.firstName.trim() === '') out.firstName = t('pagatore.register.errors.firstNameRequired');
    if (values.lastName.trim() === '') out.lastName = t('pagatore.register.errors.lastNameRequired');
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())) out.email = t('pagatore.register.errors.email');
    const pw = values.password;
    if (pw.length < 10 || !/[A-Za-z]/.test(pw) || !/[0-9]/.test(pw)) out.password = t('pagatore.register.errors.passwordPolicy');
    if (values.passwordConfirm !== pw) out.passwordConfirm = t('pagatore.register.errors.passwordMismatch');
    if (!consent) out.privacyAccepted = t('pagatore.register.errors.privacyRequired');
    return out;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = check();
    setErrors(found);
    setError(null);
    if (hasErrors(found)) {
      // the first field in error takes the focus, so keyboard and screen-reader users land on it
      const first = (['fiscalCode', 'firstName', 'lastName', 'email', 'password', 'passwordConfirm', 'privacyAccepted'] as const).find((k) => found[k]);
      if (first) document.getElementById(`register-${first}`)?.focus();
      return;
    }
    setBusy(true);
    const result = await api.invoke('payer.register', { ...values, privacyAccepted: true, privacyVersion: PRIVACY_NOTICE_VERSION });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      setErrors(fromFieldErrors(result.error.fieldErrors));
      return;
    }
    setRegistered({ fiscalCode: result.data.fiscalCode, emailHint: result.data.emailHint, codeExpiresAt: result.data.codeExpiresAt });
  };

  const ecName = ec?.name ?? t('common.appName');

  return (
    <PublicLayout product={t('pagatore.product')}>
      <PageHeading title={t('pagatore.register.heading')} subtitle={t('pagatore.register.intro')} />
      <Paper variant="outlined" sx={{ p: { xs: 2, sm: 4 } }}>
        <Stack spacing={3} component="form" noValidate onSubmit={(e) => void submit(e)} aria-label={t('pagatore.register.formLabel')}>
          <ErrorAlert error={error} />
          <Typography variant="h5" component="h2">
            {t('pagatore.register.personTitle')}
          </Typography>
          <FiscalCodeField
            id="register-fiscalCode"
            required
            value={values.fiscalCode}
            serverError={errors.fiscalCode}
            onChange={(v) => {
              setValues((x) => ({ ...x, fiscalCode: v }));
              setErrors((x) => withoutError(x, 'fiscalCode'));
            }}
          />
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3}>
            <TextField id="register-firstName" label={t('pagatore.register.firstName')} required autoComplete="given-name" fullWidth inputProps={{ maxLength: 100 }} {...bind('firstName')} />
            <TextField id="register-lastName" label={t('pagatore.register.lastName')} required autoComplete="family-name" fullWidth inputProps={{ maxLength: 100 }} {...bind('lastName')} />
          </Stack>
          <TextField id="register-email" label={t('pagatore.register.email')} type="email" required autoComplete="email" inputProps={{ maxLength: 254 }} {...bind('email', t('pagatore.register.emailHelp'))} />
          <PasswordField id="register-password" label={t('pagatore.register.password')} required autoComplete="new-password" {...bind('password', t('pagatore.register.passwordHelp'))} />
          <PasswordField id="register-passwordConfirm" label={t('pagatore.register.passwordConfirm')} required autoComplete="new-password" {...bind('passwordConfirm')} />

          <Box component="section" aria-labelledby="privacy-title" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, bgcolor: 'background.default' }}>
            <Typography id="privacy-title" variant="h6" component="h2">
              {t('pagatore.register.privacyTitle')}
            </Typography>
            <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
              {t('pagatore.register.privacyVersion', { version: PRIVACY_NOTICE_VERSION })}
            </Typography>
            <Stack spacing={1}>
              <Typography variant="body2">{t('pagatore.register.privacy1', { ec: ecName })}</Typography>
              <Typography variant="body2">{t('pagatore.register.privacy2')}</Typography>
              <Typography variant="body2">{t('pagatore.register.privacy3')}</Typography>
            </Stack>
          </Box>
          <FormControl error={Boolean(errors.privacyAccepted)} required>
            <FormControlLabel
              control={
                <Checkbox
                  id="register-privacyAccepted"
                  checked={consent}
                  onChange={(e) => {
                    setConsent(e.target.checked);
                    setErrors((x) => withoutError(x, 'privacyAccepted'));
                  }}
                  inputProps={{ 'aria-describedby': errors.privacyAccepted ? 'privacy-error' : undefined, 'aria-invalid': Boolean(errors.privacyAccepted) }}
                />
              }
              label={t('pagatore.register.privacyConsent')}
            />
            {errors.privacyAccepted ? <FormHelperText id="privacy-error">{errors.privacyAccepted}</FormHelperText> : null}
          </FormControl>
          <Button type="submit" variant="contained" size="large" disabled={busy}>
            {busy ? t('pagatore.register.submitting') : t('pagatore.register.submit')}
          </Button>
        </Stack>
      </Paper>
      <PageLinks
        links={[
          { to: '/pagatore/accedi', label: t('pagatore.register.signInLink') },
          { to: '/pagatore', label: t('common.back') },
        ]}
      />
      {guard}
    </PublicLayout>
  );
}
