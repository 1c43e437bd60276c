import { useState, type FormEvent } from 'react';
import { Alert, Button, Divider, Paper, Stack, TextField, Typography } from '@mui/material';
import { useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../../../api/client';
import { PublicLayout } from '../../../components/PublicLayout';
import { PageHeading } from '../../../components/PageHeading';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { displayDateTime } from '../../../components/format';
import { fieldState, fromFieldErrors, withoutError, type FormErrors } from '../../../components/forms';
import { FiscalCodeField, personFiscalCodeProblem } from '../FiscalCodeField';
import { PageLinks } from '../layout/PageLinks';

/** What the registration page hands over: whose code was sent, where, until when. */
export interface ActivationState {
  fiscalCode: string;
  emailHint: string;
  codeExpiresAt: string;
}

/** Activation with the code from the e-mail; a new code on request (main limits how often). */
export function ActivatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const registered = (useLocation().state as ActivationState | null) ?? null;
  const [fiscalCode, setFiscalCode] = useState(registered?.fiscalCode ?? '');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [resent, setResent] = useState(false);
  const [busy, setBusy] = useState(false);

  const checkFiscalCode = (): FormErrors => {
    const problem = fiscalCode.trim() === '' ? t('pagatore.fiscalCode.required') : personFiscalCodeProblem(fiscalCode);
    return problem ? { fiscalCode: problem } : {};
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkFiscalCode();
    if (!/^\d{8}$/.test(code.replace(/[\s-]/g, ''))) found.code = t('pagatore.activate.codeFormat');
    setErrors(found);
    setError(null);
    setResent(false);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const result = await api.invoke('payer.activate', { fiscalCode, code });
    setBusy(false);
    if (result.ok) {
      navigate('/pagatore/accedi', { state: { activated: true, fiscalCode } });
      return;
    }
    setError(result.error);
    setErrors(fromFieldErrors(result.error.fieldErrors));
  };

  const resend = async () => {
    const found = checkFiscalCode();
    setErrors(found);
    setError(null);
    setResent(false);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const result = await api.invoke('payer.resendCode', { fiscalCode });
    setBusy(false);
    if (result.ok) setResent(true);
    else setError(result.error);
  };

  return (
    <PublicLayout maxWidth="sm" product={t('pagatore.product')}>
      <PageHeading title={t('pagatore.activate.heading')} subtitle={t('pagatore.activate.intro')} />
      <Paper variant="outlined" sx={{ p: { xs: 2, sm: 4 } }}>
        <Stack spacing={3} component="form" noValidate onSubmit={(e) => void submit(e)} aria-label={t('pagatore.activate.formLabel')}>
          {registered && !error && !resent ? (
            <Alert severity="success" role="status">
              {t('pagatore.activate.sent', { email: registered.emailHint, expires: displayDateTime(registered.codeExpiresAt) })}
            </Alert>
          ) : null}
          {resent ? (
            <Alert severity="info" role="status">
              {t('pagatore.activate.resent')}
            </Alert>
          ) : null}
          <ErrorAlert error={error} />
          <FiscalCodeField
            required
            value={fiscalCode}
            serverError={errors.fiscalCode}
            onChange={(v) => {
              setFiscalCode(v);
              setErrors((x) => withoutError(x, 'fiscalCode'));
            }}
          />
          <TextField
            label={t('pagatore.activate.code')}
            required
            value={code}
            onChange={(e) => {
              setCode(e.target.value);
              setErrors((x) => withoutError(x, 'code'));
            }}
            autoComplete="one-time-code"
            inputProps={{ inputMode: 'numeric', maxLength: 12, style: { fontFamily: '"DM Mono", monospace', letterSpacing: 2, fontSize: 20 } }}
            {...fieldState(errors, 'code', t('pagatore.activate.codeHelp'))}
          />
          <Button type="submit" variant="contained" size="large" disabled={busy}>
            {busy ? t('pagatore.activate.submitting') : t('pagatore.activate.submit')}
          </Button>
        </Stack>
        <Divider sx={{ my: 3 }} />
        <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
          {t('pagatore.activate.resendTitle')}
        </Typography>
        <Button variant="outlined" onClick={() => void resend()} disabled={busy}>
          {t('pagatore.activate.resend')}
        </Button>
      </Paper>
      <PageLinks
        links={[
          { to: '/pagatore/accedi', label: t('pagatore.activate.signInLink') },
          { to: '/pagatore', label: t('common.back') },
        ]}
      />
    </PublicLayout>
  );
}
