import { useState, type FormEvent } from 'react';
import { Box, Button, Paper, Stack, Step, StepLabel, Stepper, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { validateLegalFiscalCode } from '../../../../src-shared/domain/fiscalCode';
import { isAllowedSegregationCode } from '../../../../src-shared/domain/noticeNumber';
import { api, type ApiError } from '../../../api/client';
import { useSession } from '../../../stores/session';
import { useNotifications } from '../../../stores/notifications';
import { PublicLayout } from '../../../components/PublicLayout';
import { PageHeading } from '../../../components/PageHeading';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PasswordField, fieldState, fromFieldErrors, hasErrors, withoutError, type FormErrors } from '../../../components/forms';
import { useUnsavedChanges } from '../../../components/useUnsavedChanges';

const empty = {
  'ec.name': '',
  'ec.fiscalCode': '',
  'ec.segregationCode': '',
  'admin.firstName': '',
  'admin.lastName': '',
  'admin.email': '',
  'admin.password': '',
  'admin.passwordConfirm': '',
};
type Field = keyof typeof empty;
const ecFields: readonly Field[] = ['ec.name', 'ec.fiscalCode', 'ec.segregationCode'];

/**
 * First run: the EC's profile, then its first Referente dei Pagamenti, created together by main
 * (all or nothing). Main signs the new admin in on this window.
 */
export function SetupPage() {
  const { t } = useTranslation();
  const signedIn = useSession((s) => s.signedIn);
  const load = useSession((s) => s.load);
  const notify = useNotifications((s) => s.notify);
  const [step, setStep] = useState(0);
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<FormErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const dirty = !done && Object.values(values).some((v) => v !== '');
  const guard = useUnsavedChanges(dirty);

  const bind = (field: Field, help?: string) => ({
    value: values[field],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      setValues((v) => ({ ...v, [field]: e.target.value }));
      setErrors((x) => withoutError(x, field));
    },
    ...fieldState(errors, field, help),
  });

  const checkEc = (): FormErrors => {
    const out: FormErrors = {};
    if (values['ec.name'].trim() === '') out['ec.name'] = t('setup.errors.nameRequired');
    const fc = validateLegalFiscalCode(values['ec.fiscalCode']);
    if (!fc.ok) out['ec.fiscalCode'] = fc.message;
    const seg = values['ec.segregationCode'].trim();
    if (!/^\d{2}$/.test(seg)) out['ec.segregationCode'] = t('setup.errors.segregationFormat');
    else if (!isAllowedSegregationCode(seg)) out['ec.segregationCode'] = t('setup.errors.segregationReserved');
    return out;
  };

  const checkAdmin = (): FormErrors => {
    const out: FormErrors = {};
    if (values['admin.firstName'].trim() === '') out['admin.firstName'] = t('setup.errors.firstNameRequired');
    if (values['admin.lastName'].trim() === '') out['admin.lastName'] = t('setup.errors.lastNameRequired');
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values['admin.email'].trim())) out['admin.email'] = t('setup.errors.email');
    const pw = values['admin.password'];
    if (pw.length < 10 || !/[A-Za-z]/.test(pw) || !/[0-9]/.test(pw)) out['admin.password'] = t('setup.errors.passwordPolicy');
    if (values['admin.passwordConfirm'] !== pw) out['admin.passwordConfirm'] = t('setup.errors.passwordMismatch');
    return out;
  };

  const next = (event: FormEvent) => {
    event.preventDefault();
    const found = checkEc();
    setErrors(found);
    setError(null);
    if (!hasErrors(found)) setStep(1);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkAdmin();
    setErrors(found);
    setError(null);
    if (hasErrors(found)) return;
    setBusy(true);
    const result = await api.invoke('setup.complete', {
      ec: { name: values['ec.name'], fiscalCode: values['ec.fiscalCode'], segregationCode: values['ec.segregationCode'] },
      admin: {
        firstName: values['admin.firstName'],
        lastName: values['admin.lastName'],
        email: values['admin.email'],
        password: values['admin.password'],
        passwordConfirm: values['admin.passwordConfirm'],
      },
    });
    if (!result.ok) {
      setBusy(false);
      const mapped = fromFieldErrors(result.error.fieldErrors);
      setErrors(mapped);
      setError(result.error);
      // an EC field refused by main sends the user back to the step where it can be fixed
      if (hasErrors(mapped, ecFields)) setStep(0);
      return;
    }
    setDone(true);
    signedIn(result.data);
    notify({ severity: 'success', message: t('setup.done', { name: result.data.firstName }) });
    // reloading the status flips setupDone: the EC routes take over and open the overview
    await load();
  };

  const stepTitle = step === 0 ? t('setup.steps.ec') : t('setup.steps.admin');

  return (
    <PublicLayout product={t('shell.product')}>
      <PageHeading title={t('setup.heading')} subtitle={t('setup.intro')} />
      <Stepper activeStep={step} sx={{ mb: 3 }} aria-hidden>
        <Step>
          <StepLabel>{t('setup.steps.ec')}</StepLabel>
        </Step>
        <Step>
          <StepLabel>{t('setup.steps.admin')}</StepLabel>
        </Step>
      </Stepper>
      <Paper variant="outlined" sx={{ p: { xs: 2, sm: 4 } }}>
        <Typography variant="overline" component="p" color="text.secondary">
          {t('setup.stepOf', { current: step + 1, total: 2 })}
        </Typography>
        <Typography variant="h5" component="h2" sx={{ mb: 1 }}>
          {stepTitle}
        </Typography>
        <ErrorAlert error={error} sx={{ my: 2 }} />
        {step === 0 ? (
          <Stack key="ec" spacing={3} component="form" noValidate onSubmit={next} aria-label={stepTitle} sx={{ mt: 2 }}>
            <Typography color="text.secondary">{t('setup.ec.intro')}</Typography>
            <TextField label={t('setup.ec.name')} required autoComplete="organization" {...bind('ec.name', t('setup.ec.nameHelp'))} />
            <TextField
              label={t('setup.ec.fiscalCode')}
              required
              inputProps={{ inputMode: 'numeric', maxLength: 11 }}
              {...bind('ec.fiscalCode', t('setup.ec.fiscalCodeHelp'))}
            />
            <TextField
              label={t('setup.ec.segregationCode')}
              required
              inputProps={{ inputMode: 'numeric', maxLength: 2 }}
              sx={{ maxWidth: 360 }}
              {...bind('ec.segregationCode', t('setup.ec.segregationCodeHelp'))}
            />
            <Box sx={{ display: 'flex', justifyContent: 'flex-end' }}>
              <Button type="submit" variant="contained">
                {t('common.next')}
              </Button>
            </Box>
          </Stack>
        ) : (
          <Stack key="admin" spacing={3} component="form" noValidate onSubmit={(e) => void submit(e)} aria-label={stepTitle} sx={{ mt: 2 }}>
            <Typography color="text.secondary">{t('setup.admin.intro')}</Typography>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3}>
              <TextField label={t('setup.admin.firstName')} required fullWidth autoComplete="given-name" {...bind('admin.firstName')} />
              <TextField label={t('setup.admin.lastName')} required fullWidth autoComplete="family-name" {...bind('admin.lastName')} />
            </Stack>
            <TextField label={t('setup.admin.email')} type="email" required autoComplete="username" {...bind('admin.email', t('setup.admin.emailHelp'))} />
            <PasswordField label={t('setup.admin.password')} required autoComplete="new-password" {...bind('admin.password', t('setup.admin.passwordHelp'))} />
            <PasswordField label={t('setup.admin.passwordConfirm')} required autoComplete="new-password" {...bind('admin.passwordConfirm')} />
            <Stack direction="row" spacing={2} justifyContent="space-between">
              <Button variant="outlined" onClick={() => setStep(0)} disabled={busy}>
                {t('common.back')}
              </Button>
              <Button type="submit" variant="contained" disabled={busy}>
                {busy ? t('setup.submitting') : t('setup.submit')}
              </Button>
            </Stack>
          </Stack>
        )}
      </Paper>
      {guard}
    </PublicLayout>
  );
}
