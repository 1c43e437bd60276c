import { useCallback, useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Chip,
  CircularProgress,
  Stack,
  TableCell,
  TableRow,
  Typography,
} from '@mui/material';
import { PlayArrow } from '@mui/icons-material';
import { useTranslation } from 'react-i18next';
import type { TestRun, TestRunSummary } from '../../../../src-shared/ipc/schemas/testActivities';
import { api, type ApiError } from '../../../api/client';
import { useNotifications } from '../../../stores/notifications';
import { useSession } from '../../../stores/session';
import { PageHeading } from '../../../components/PageHeading';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { displayDateTime } from '../../../components/format';
import { RunDetail } from './RunDetail';
import { downloadBase64 } from '../../../components/download';
import { EmptyState, LoadingStatus } from '../../../components/LoadingStatus';
import { DataTable } from '../../../components/DataTable';

/** The Referente Tecnico's test plan before production: run it, read it, save it as PDF. */
export function TestActivitiesPage() {
  const { t } = useTranslation();
  const notify = useNotifications((s) => s.notify);
  const inProduction = useSession((s) => s.ec?.environment === 'esercizio');
  const [runs, setRuns] = useState<TestRunSummary[] | null>(null);
  const [shown, setShown] = useState<TestRun | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [running, setRunning] = useState(false);
  const [busyId, setBusyId] = useState<number | null>(null);

  const show = useCallback(async (id: number) => {
    const result = await api.invoke('testActivities.get', { id });
    if (result.ok) setShown(result.data);
    else setError(result.error);
  }, []);

  const reload = useCallback(async () => {
    const result = await api.invoke('testActivities.list');
    if (!result.ok) return setError(result.error);
    setRuns(result.data);
    const latest = result.data[0];
    if (latest) await show(latest.id);
  }, [show]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const run = async () => {
    setError(null);
    setRunning(true);
    const result = await api.invoke('testActivities.run');
    setRunning(false);
    if (!result.ok) return setError(result.error);
    setShown(result.data);
    notify({ severity: result.data.passed ? 'success' : 'warning', message: t(result.data.passed ? 'testActivities.doneOk' : 'testActivities.doneKo') });
    const list = await api.invoke('testActivities.list');
    if (list.ok) setRuns(list.data);
  };

  const download = async (id: number) => {
    setBusyId(id);
    const result = await api.invoke('testActivities.report', { id });
    setBusyId(null);
    if (!result.ok) return notify({ severity: 'error', message: result.error.message, code: result.error.code });
    downloadBase64(result.data.fileName, result.data.base64, 'application/pdf');
    notify({ severity: 'success', message: t('testActivities.downloaded', { file: result.data.fileName }) });
  };

  return (
    <>
      <PageHeading
        title={t('testActivities.heading')}
        subtitle={t('testActivities.intro')}
        actions={
          <Button variant="contained" startIcon={running ? <CircularProgress size={18} color="inherit" aria-hidden /> : <PlayArrow aria-hidden />} onClick={() => void run()} disabled={running || inProduction}>
            {running ? t('testActivities.running') : t('testActivities.run')}
          </Button>
        }
      />
      <Alert severity="info" sx={{ mb: 3 }}>
        {t('testActivities.testPositions')}
      </Alert>
      {inProduction ? (
        <Alert severity="warning" sx={{ mb: 3 }}>
          {t('testActivities.inProduction')}
        </Alert>
      ) : null}
      <ErrorAlert error={error} sx={{ mb: 2 }} />
      {running ? (
        <Typography role="status" sx={{ mb: 2 }}>
          {t('testActivities.running')}
        </Typography>
      ) : null}
      {runs === null && !error ? (
        <LoadingStatus />
      ) : null}
      {shown ? <RunDetail run={shown} /> : null}
      {runs !== null ? (
        <>
          <Typography variant="h5" component="h2" sx={{ mb: 2 }}>
            {t('testActivities.history')}
          </Typography>
          {runs.length === 0 ? (
            <EmptyState>{t('testActivities.none')}</EmptyState>
          ) : (
            <DataTable
              label={t('testActivities.historyTable')}
              columns={[
                { label: t('testActivities.historyColumns.run') },
                { label: t('testActivities.historyColumns.when') },
                { label: t('testActivities.historyColumns.station') },
                { label: t('testActivities.historyColumns.result') },
                { label: t('testActivities.historyColumns.actions') },
              ]}
            >
              {runs.map((r) => (
                <TableRow key={r.id} hover selected={shown?.id === r.id}>
                  <TableCell component="th" scope="row">{`n. ${r.id}`}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{displayDateTime(r.startedAt)}</TableCell>
                  <TableCell sx={{ fontFamily: '"DM Mono", monospace' }}>{r.stationCode}</TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      color={r.passed ? 'success' : 'error'}
                      label={`${r.passed ? t('testActivities.resultPassed') : t('testActivities.resultFailed')} (${r.mandatoryPassed}/${r.mandatoryTotal})`}
                    />
                  </TableCell>
                  <TableCell>
                    <Stack direction="row" spacing={1}>
                      <Button size="small" onClick={() => void show(r.id)} aria-label={t('testActivities.showLabel', { id: r.id })}>
                        {t('testActivities.show')}
                      </Button>
                      <Button size="small" disabled={busyId === r.id} onClick={() => void download(r.id)} aria-label={t('testActivities.downloadLabel', { id: r.id })}>
                        {t('testActivities.download')}
                      </Button>
                    </Stack>
                  </TableCell>
                </TableRow>
              ))}
            </DataTable>
          )}
        </>
      ) : null}
    </>
  );
}
