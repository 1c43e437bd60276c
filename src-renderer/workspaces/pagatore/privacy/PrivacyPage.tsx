import { useState, type FormEvent } from 'react';
import { Button, Paper, Stack, Typography } from '@mui/material';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PRIVACY_NOTICE_VERSION } from '../../../../src-shared/pagatore/privacyNotice';
import { api, type ApiError } from '../../../api/client';
import { PageHeading } from '../../../components/PageHeading';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { PasswordField, fieldState, fromFieldErrors, withoutError, type FormErrors } from '../../../components/forms';
import { useSession } from '../../../stores/session';
import { PAYER_SIGN_IN } from '../layout/guards';

/** Revoking the privacy consent: confirmed with the password and a dialog; main closes the account. */
export function PrivacyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const closed = useSession((s) => s.payerClosed);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const ask = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (password === '') {
      setErrors({ password: t('pagatore.privacy.passwordRequired') });
      return;
    }
    setConfirming(true);
  };

  const revoke = async () => {
    setBusy(true);
    const result = await api.invoke('payer.revokeConsent', { password });
    setBusy(false);
    setConfirming(false);
    if (!result.ok) {
      // a wrong password is said at the field; anything else above the form
      const fieldErrors = fromFieldErrors(result.error.fieldErrors);
      setErrors(fieldErrors);
      setError(Object.keys(fieldErrors).length > 0 ? null : result.error);
      setPassword('');
      return;
    }
    // the store remembers the closure: the sign-in page, where RequirePayer now sends the person, confirms it
    closed();
    navigate(PAYER_SIGN_IN, { replace: true });
  };

  return (
    <>
      <PageHeading title={t('pagatore.privacy.heading')} subtitle={t('pagatore.privacy.intro', { version: PRIVACY_NOTICE_VERSION })} />
      <Paper variant="outlined" sx={{ p: { xs: 2, sm: 4 }, maxWidth: 720 }}>
        <Typography variant="h5" component="h2" sx={{ mb: 1 }}>
          {t('pagatore.privacy.revokeTitle')}
        </Typography>
        <Typography sx={{ mb: 3 }}>{t('pagatore.privacy.revokeBody')}</Typography>
        <Stack spacing={3} component="form" noValidate onSubmit={ask} aria-label={t('pagatore.privacy.formLabel')}>
          <ErrorAlert error={error} />
          <PasswordField
            label={t('pagatore.privacy.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => {
              setPassword(e.target.value);
              setErrors((x) => withoutError(x, 'password'));
            }}
            {...fieldState(errors, 'password', t('pagatore.privacy.passwordHelp'))}
          />
          <Button type="submit" variant="contained" color="error" sx={{ alignSelf: 'flex-start' }}>
            {t('pagatore.privacy.revoke')}
          </Button>
        </Stack>
      </Paper>
      <ConfirmDialog
        open={confirming}
        title={t('pagatore.privacy.confirmTitle')}
        confirmLabel={t('pagatore.privacy.confirm')}
        destructive
        busy={busy}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void revoke()}
      >
        {t('pagatore.privacy.confirmBody')}
      </ConfirmDialog>
    </>
  );
}
