import { useState } from 'react';
import { Alert, AlertTitle, Button, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { canAccess } from '../../../../src-shared/auth/permissions';
import { api } from '../../../api/client';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useNotifications } from '../../../stores/notifications';
import { useOnboarding } from '../../../stores/onboarding';
import { useSession } from '../../../stores/session';

/**
 * The credential vault when it cannot be used: main's message and guidance, "Riprova", and for the
 * Referente dei Pagamenti the guided recovery after the data key is lost. Nothing when all is well.
 */
export function VaultStatusAlert({ onRecovered }: { onRecovered?: () => void }) {
  const { t } = useTranslation();
  const user = useSession((s) => s.user);
  const vault = useOnboarding((s) => s.vault);
  const refresh = useOnboarding((s) => s.refresh);
  const notify = useNotifications((s) => s.notify);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!user || !vault) return null;
  if (vault.state === 'ok' && !vault.backendWarning) return null;

  const mayReset = canAccess(user.role, 'vaultRecovery');
  const reset = async () => {
    setBusy(true);
    const result = await api.invoke('vault.reset', { confirm: true });
    setBusy(false);
    setConfirming(false);
    if (result.ok) {
      notify({ severity: 'success', message: t('vault.resetDone', { count: result.data.droppedCount }) });
      onRecovered?.();
    } else notify({ severity: 'error', message: result.error.message, code: result.error.code });
    await refresh();
  };

  if (vault.state === 'ok') {
    return (
      <Alert severity="warning" sx={{ mb: 3 }}>
        <AlertTitle>{t('vault.weakTitle')}</AlertTitle>
        {vault.backendWarning}
      </Alert>
    );
  }
  return (
    <Alert severity="error" role="alert" sx={{ mb: 3 }} aria-labelledby="vault-alert-title">
      <AlertTitle id="vault-alert-title">{t(`vault.title.${vault.state}`)}</AlertTitle>
      {vault.message ? <Typography sx={{ mb: 1 }}>{vault.message}</Typography> : null}
      {vault.guidance ? <Typography sx={{ mb: 1, fontWeight: 600 }}>{vault.guidance}</Typography> : null}
      {vault.resettable && !mayReset ? <Typography sx={{ mb: 1 }}>{t('vault.askAdmin')}</Typography> : null}
      <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
        <Button variant="outlined" size="small" color="inherit" onClick={() => void refresh()}>
          {t('common.retry')}
        </Button>
        {vault.resettable && mayReset ? (
          <Button variant="contained" size="small" color="error" onClick={() => setConfirming(true)}>
            {t('vault.reset')}
          </Button>
        ) : null}
      </Stack>
      {vault.errorCode ? (
        <Typography component="span" variant="caption" sx={{ display: 'block', mt: 1, color: 'text.secondary' }}>
          {t('common.errorCode', { code: vault.errorCode })}
        </Typography>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={t('vault.confirmTitle')}
        confirmLabel={t('vault.confirmAction')}
        destructive
        busy={busy}
        onConfirm={() => void reset()}
        onCancel={() => setConfirming(false)}
      >
        {t('vault.confirmBody', { count: vault.unreadableCount })}
      </ConfirmDialog>
    </Alert>
  );
}
