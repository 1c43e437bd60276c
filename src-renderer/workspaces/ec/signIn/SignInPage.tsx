import { useState, type FormEvent } from 'react';
import { Alert, Box, Button, Link, Paper, Stack, TextField } from '@mui/material';
import { Link as RouterLink, Navigate, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../../../api/client';
import { useSession, type SessionNotice } from '../../../stores/session';
import { PublicLayout } from '../../../components/PublicLayout';
import { PageHeading } from '../../../components/PageHeading';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PasswordField, fieldState, fromFieldErrors, withoutError, type FormErrors } from '../../../components/forms';

/** Why the sign-in page is shown again, in the words of this workspace. */
const noticeKeys = {
  idle: 'signIn.notice.idle',
  required: 'signIn.notice.required',
  signedOutElsewhere: 'signIn.notice.signedOutElsewhere',
  signedOut: 'signIn.notice.signedOut',
} as const satisfies Record<SessionNotice['reason'], string>;

/** Staff sign-in. Lockout and wrong-credential messages come from main, worded for the user. */
export function SignInPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const user = useSession((s) => s.user);
  const ec = useSession((s) => s.ec);
  const notice = useSession((s) => s.notice);
  const signedIn = useSession((s) => s.signedIn);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  if (user) {
    const from = (location.state as { from?: string } | null)?.from;
    const back = from && notice?.previousUserId === user.id ? from : '/ec';
    return <Navigate to={back} replace />;
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const clientErrors: FormErrors = {};
    if (username.trim() === '') clientErrors.username = t('signIn.emailRequired');
    if (password === '') clientErrors.password = t('signIn.passwordRequired');
    setErrors(clientErrors);
    setError(null);
    if (Object.keys(clientErrors).length > 0) return;
    setBusy(true);
    const result = await api.invoke('auth.signIn', { username, password });
    setBusy(false);
    if (result.ok) {
      signedIn(result.data);
      return;
    }
    setError(result.error);
    setErrors(fromFieldErrors(result.error.fieldErrors));
    setPassword('');
  };

  return (
    <PublicLayout maxWidth="sm" product={t('shell.product')}>
      <PageHeading title={t('signIn.heading')} subtitle={ec ? t('signIn.intro', { ec: ec.name }) : undefined} />
      <Paper variant="outlined" sx={{ p: { xs: 2, sm: 4 } }}>
        <Stack spacing={3} component="form" noValidate onSubmit={(e) => void submit(e)} aria-label={t('signIn.formLabel')}>
          {notice && !error ? (
            <Alert severity={notice.reason === 'signedOut' ? 'success' : 'warning'} role={notice.reason === 'signedOut' ? 'status' : 'alert'}>
              {t(noticeKeys[notice.reason])}
              {notice.lostUnsavedData ? <Box component="span" sx={{ display: 'block', mt: 0.5 }}>{t('signIn.notice.lostData')}</Box> : null}
            </Alert>
          ) : null}
          <ErrorAlert error={error} />
          <TextField
            label={t('signIn.email')}
            type="email"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => {
              setUsername(e.target.value);
              setErrors((x) => withoutError(x, 'username'));
            }}
            {...fieldState(errors, 'username')}
          />
          <PasswordField
            label={t('signIn.password')}
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
            {busy ? t('signIn.submitting') : t('signIn.submit')}
          </Button>
        </Stack>
      </Paper>
      <Box sx={{ mt: 3 }}>
        <Link component={RouterLink} to="/" sx={{ fontWeight: 600 }}>
          {t('signIn.changeWorkspace')}
        </Link>
      </Box>
    </PublicLayout>
  );
}
