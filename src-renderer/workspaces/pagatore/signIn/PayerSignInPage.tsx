import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Paper, Stack } from '@mui/material';
import { useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../../../api/client';
import { useSession, type SessionNotice } from '../../../stores/session';
import { PublicLayout } from '../../../components/PublicLayout';
import { PageHeading } from '../../../components/PageHeading';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PasswordField, fieldState, fromFieldErrors, withoutError, type FormErrors } from '../../../components/forms';
import { FiscalCodeField, personFiscalCodeProblem } from '../FiscalCodeField';
import { PageLinks } from '../layout/PageLinks';

interface SignInState {
  /** back from activation */
  activated?: boolean;
  fiscalCode?: string;
  from?: string;
}

/** Why the sign-in page is shown again, in the words of this workspace. */
const noticeKeys = {
  idle: 'pagatore.signIn.notice.idle',
  required: 'pagatore.signIn.notice.required',
  signedOutElsewhere: 'pagatore.signIn.notice.signedOutElsewhere',
  signedOut: 'pagatore.signIn.notice.signedOut',
} as const satisfies Record<SessionNotice['reason'], string>;

/** Payer sign-in with codice fiscale and password; lockout and wrong-credential messages come from main. */
export function PayerSignInPage() {
  const { t } = useTranslation();
  const state = (useLocation().state as SignInState | null) ?? {};
  const notice = useSession((s) => s.payerNotice);
  const accountClosed = useSession((s) => s.payerAccountClosed);
  const signedIn = useSession((s) => s.payerSignedIn);
  const [fiscalCode, setFiscalCode] = useState(state.fiscalCode ?? '');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FormErrors = {};
    const fc = fiscalCode.trim() === '' ? t('pagatore.fiscalCode.required') : personFiscalCodeProblem(fiscalCode);
    if (fc) found.fiscalCode = fc;
    if (password === '') found.password = t('pagatore.signIn.passwordRequired');
    setErrors(found);
    setError(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const result = await api.invoke('payer.signIn', { fiscalCode, password });
    setBusy(false);
    if (result.ok) {
      // PayerSignedOutOnly takes the payer on to the payments (or back where the session was lost)
      signedIn(result.data);
      return;
    }
    setError(result.error);
    setErrors(fromFieldErrors(result.error.fieldErrors));
    setPassword('');
  };

  const banner = error
    ? null
    : accountClosed
      ? { severity: 'success' as const, text: t('pagatore.signIn.closed') }
      : state.activated
        ? { severity: 'success' as const, text: t('pagatore.signIn.activated') }
        : notice
          ? { severity: notice.reason === 'signedOut' ? ('success' as const) : ('warning' as const), text: t(noticeKeys[notice.reason]) }
          : null;

  return (
    <PublicLayout maxWidth="sm" product={t('pagatore.product')}>
      <PageHeading title={t('pagatore.signIn.heading')} />
      <Paper variant="outlined" sx={{ p: { xs: 2, sm: 4 } }}>
        <Stack spacing={3} component="form" noValidate onSubmit={(e) => void submit(e)} aria-label={t('pagatore.signIn.formLabel')}>
          {banner ? (
            <Alert severity={banner.severity} role={banner.severity === 'warning' ? 'alert' : 'status'}>
              {banner.text}
              {notice?.lostUnsavedData && !state.activated && !accountClosed ? <Box component="span" sx={{ display: 'block', mt: 0.5 }}>{t('signIn.notice.lostData')}</Box> : null}
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
          <PasswordField
            label={t('pagatore.signIn.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => {
              setPassword(e.target.value);
              setErrors((x) => withoutError(x, 'password'));
            }}
            {...fieldState(errors, 'password')}
          />
          <Button type="submit" variant="contained" size="large" disabled={busy}>
            {busy ? t('pagatore.signIn.submitting') : t('pagatore.signIn.submit')}
          </Button>
        </Stack>
      </Paper>
      <PageLinks
        links={[
          { to: '/pagatore/registrazione', label: t('pagatore.signIn.register') },
          { to: '/pagatore/attivazione', label: t('pagatore.signIn.activate') },
          { to: '/', label: t('pagatore.back') },
        ]}
      />
    </PublicLayout>
  );
}
