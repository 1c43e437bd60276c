import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Environment } from '../../../../src-shared/ipc/schemas/ec';
import type { EnvironmentStatus } from '../../../../src-shared/ipc/schemas/testActivities';
import { api, type ApiError } from '../../../api/client';
import { useSession } from '../../../stores/session';
import { useNotifications } from '../../../stores/notifications';
import { PageHeading } from '../../../components/PageHeading';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { displayDateTime } from '../../../components/format';
import { LoadingStatus } from '../../../components/LoadingStatus';

/** The Referente dei Pagamenti's switch between collaudo and esercizio, gated on the latest test run. */
export function GoLivePage() {
  const { t } = useTranslation();
  const notify = useNotifications((s) => s.notify);
  const reloadSession = useSession((s) => s.load);
  const [status, setStatus] = useState<EnvironmentStatus | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [confirm, setConfirm] = useState<Environment | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    const result = await api.invoke('environment.status');
    if (result.ok) {
      setStatus(result.data);
      setError(null);
    } else setError(result.error);
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const change = async (environment: Environment) => {
    setBusy(true);
    const result = await api.invoke('environment.set', { environment });
    setBusy(false);
    setConfirm(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    setStatus(result.data);
    // the header's "Collaudo" chip comes from app.status: read it again
    await reloadSession();
    notify({ severity: 'success', message: t(environment === 'esercizio' ? 'goLive.wentLive' : 'goLive.wentBack') });
  };

  const last = status?.lastRun ?? null;
  return (
    <>
      <PageHeading title={t('goLive.heading')} subtitle={t('goLive.intro')} />
      <ErrorAlert error={error} sx={{ mb: 2 }} />
      {status === null && !error ? (
        <LoadingStatus />
      ) : null}
      {status ? (
        <Card variant="outlined" sx={{ maxWidth: 760 }}>
          <CardContent>
            <Stack spacing={2}>
              <Stack direction="row" spacing={1} alignItems="center">
                <Typography variant="h6" component="h2">
                  {t('goLive.current')}
                </Typography>
                <Chip color={status.environment === 'esercizio' ? 'success' : 'warning'} label={t(`environment.${status.environment}`)} />
              </Stack>
              {!status.registered ? <Alert severity="info">{t('goLive.notRegistered')}</Alert> : null}
              <Typography variant="h6" component="h2">
                {t('goLive.lastRun')}
              </Typography>
              {last ? (
                <>
                  <Typography>{t('goLive.runSummary', { id: last.id, when: displayDateTime(last.startedAt), station: last.stationCode, name: last.runBy })}</Typography>
                  <Alert severity={last.passed ? 'success' : 'error'}>
                    {t(last.passed ? 'testActivities.passed' : 'testActivities.failed', { passed: last.mandatoryPassed, total: last.mandatoryTotal })}
                  </Alert>
                </>
              ) : (
                <Typography>{t('goLive.noRun')}</Typography>
              )}
              {status.environment === 'collaudo' ? (
                <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} alignItems={{ sm: 'center' }}>
                  <Button variant="contained" disabled={!status.canGoLive || busy} onClick={() => setConfirm('esercizio')}>
                    {t('goLive.goLive')}
                  </Button>
                  {!status.canGoLive ? (
                    <Typography variant="body2" color="text.secondary">
                      {t('goLive.cannotGoLive')}
                    </Typography>
                  ) : null}
                </Stack>
              ) : (
                <Stack direction="row">
                  <Button variant="outlined" disabled={busy} onClick={() => setConfirm('collaudo')}>
                    {t('goLive.backToTest')}
                  </Button>
                </Stack>
              )}
            </Stack>
          </CardContent>
        </Card>
      ) : null}
      <ConfirmDialog
        open={confirm !== null}
        title={t(confirm === 'esercizio' ? 'goLive.confirmGoLive.title' : 'goLive.confirmBack.title')}
        confirmLabel={t(confirm === 'esercizio' ? 'goLive.confirmGoLive.confirm' : 'goLive.confirmBack.confirm')}
        busy={busy}
        onConfirm={() => confirm && void change(confirm)}
        onCancel={() => setConfirm(null)}
      >
        {t(confirm === 'esercizio' ? 'goLive.confirmGoLive.body' : 'goLive.confirmBack.body')}
      </ConfirmDialog>
    </>
  );
}
