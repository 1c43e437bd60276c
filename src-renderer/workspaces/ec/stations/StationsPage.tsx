import { useCallback, useEffect, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Chip,
  MenuItem,
  Stack,
  TableCell,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { Add } from '@mui/icons-material';
import { useTranslation } from 'react-i18next';
import { stationStates, type StationList, type StationState, type StationView } from '../../../../src-shared/ipc/schemas/stations';
import { api, type ApiError } from '../../../api/client';
import { useNotifications } from '../../../stores/notifications';
import { PageHeading } from '../../../components/PageHeading';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { displayDateTime } from '../../../components/format';
import { StationStateChip } from './StationStateChip';
import { StationFormDialog } from './StationFormDialog';
import { EmptyState, LoadingStatus } from '../../../components/LoadingStatus';
import { DataTable } from '../../../components/DataTable';

type DialogState = { kind: 'add' } | { kind: 'edit'; station: StationView } | { kind: 'toggle'; station: StationView } | null;
type EnabledFilter = 'all' | 'enabled' | 'disabled';

/** The Referente Tecnico's stations on the Nodo: create, edit, test the connection, disable. */
export function StationsPage() {
  const { t } = useTranslation();
  const notify = useNotifications((s) => s.notify);
  const [data, setData] = useState<StationList | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [stateFilter, setStateFilter] = useState<StationState | 'all'>('all');
  const [enabledFilter, setEnabledFilter] = useState<EnabledFilter>('all');
  const [dialog, setDialog] = useState<DialogState>(null);
  const [busyCode, setBusyCode] = useState<string | null>(null);

  const filtered = stateFilter !== 'all' || enabledFilter !== 'all';
  const reload = useCallback(async () => {
    const result = await api.invoke('stations.list', {
      ...(stateFilter !== 'all' ? { state: stateFilter } : {}),
      ...(enabledFilter !== 'all' ? { enabled: enabledFilter === 'enabled' } : {}),
    });
    if (result.ok) {
      setData(result.data);
      setLoadError(null);
    } else setLoadError(result.error);
  }, [stateFilter, enabledFilter]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const verify = async (station: StationView) => {
    setBusyCode(station.code);
    const result = await api.invoke('stations.verify', { code: station.code });
    setBusyCode(null);
    if (!result.ok) notify({ severity: 'error', message: result.error.message, code: result.error.code });
    else if (result.data.state === 'Attiva') notify({ severity: 'success', message: t('stations.verifyOk', { code: station.code }) });
    else notify({ severity: 'warning', message: t('stations.verifyKo', { code: station.code, reason: result.data.stateReason ?? result.data.state }) });
    await reload();
  };

  const toggle = async (station: StationView) => {
    setBusyCode(station.code);
    const result = await api.invoke('stations.setEnabled', { code: station.code, enabled: !station.enabled });
    setBusyCode(null);
    setDialog(null);
    if (result.ok) notify({ severity: 'success', message: t(result.data.enabled ? 'stations.enabledDone' : 'stations.disabledDone', { code: station.code }) });
    else notify({ severity: 'error', message: result.error.message, code: result.error.code });
    await reload();
  };

  const registered = data?.registered ?? false;
  return (
    <>
      <PageHeading
        title={t('stations.heading')}
        subtitle={t('stations.intro')}
        actions={
          <Button variant="contained" startIcon={<Add aria-hidden />} onClick={() => setDialog({ kind: 'add' })} disabled={!registered || !data?.nextCode}>
            {t('stations.add')}
          </Button>
        }
      />
      <ErrorAlert error={loadError} sx={{ mb: 2 }} />
      {data === null && !loadError ? (
        <LoadingStatus />
      ) : null}
      {data !== null && !registered ? (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('stations.notRegistered')}
        </Alert>
      ) : null}
      {data !== null && registered ? (
        <>
          <Stack component="section" aria-label={t('stations.filters.label')} direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }} alignItems={{ sm: 'center' }}>
            <TextField
              select
              size="small"
              label={t('stations.filters.state')}
              value={stateFilter}
              onChange={(e) => setStateFilter(e.target.value as StationState | 'all')}
              sx={{ minWidth: 200 }}
            >
              <MenuItem value="all">{t('stations.filters.all')}</MenuItem>
              {stationStates.map((s) => (
                <MenuItem key={s} value={s}>
                  {s}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              size="small"
              label={t('stations.filters.enabled')}
              value={enabledFilter}
              onChange={(e) => setEnabledFilter(e.target.value as EnabledFilter)}
              sx={{ minWidth: 200 }}
            >
              <MenuItem value="all">{t('stations.filters.all')}</MenuItem>
              <MenuItem value="enabled">{t('stations.filters.enabledOnly')}</MenuItem>
              <MenuItem value="disabled">{t('stations.filters.disabledOnly')}</MenuItem>
            </TextField>
            {data.nextCode ? (
              <Typography variant="body2" color="text.secondary">
                {t('stations.nextCode', { code: data.nextCode })}
              </Typography>
            ) : null}
          </Stack>
          {data.stations.length === 0 ? (
            <EmptyState>{filtered ? t('stations.emptyFiltered') : t('stations.empty')}</EmptyState>
          ) : (
            <DataTable
              label={t('stations.tableLabel')}
              topAligned
              columns={[
                { label: t('stations.columns.code') },
                { label: t('stations.columns.url') },
                { label: t('stations.columns.link') },
                { label: t('stations.columns.state') },
                { label: t('stations.columns.enabled') },
                { label: t('stations.columns.actions') },
              ]}
            >
              {data.stations.map((station) => (
                <TableRow key={station.code} hover>
                  <TableCell component="th" scope="row">
                    <Typography component="span" sx={{ fontFamily: '"DM Mono", monospace', fontSize: 14, whiteSpace: 'nowrap', display: 'block' }}>
                      {station.code}
                    </Typography>
                    <Typography variant="caption" color="text.secondary">
                      {t('stations.primitives', { version: station.primitiveVersion })}
                    </Typography>
                  </TableCell>
                  <TableCell sx={{ overflowWrap: 'anywhere', maxWidth: 260 }}>
                    {station.url}
                    {station.verifiedAt ? (
                      <Typography variant="caption" color="text.secondary" component="span" sx={{ display: 'block', overflowWrap: 'normal' }}>
                        {t('stations.verifiedAt', { when: displayDateTime(station.verifiedAt) })}
                      </Typography>
                    ) : null}
                  </TableCell>
                  <TableCell>{t('stations.link', { aux: station.auxDigit, segregation: station.segregationCode })}</TableCell>
                  <TableCell>
                    <StationStateChip station={station} />
                  </TableCell>
                  <TableCell>
                    <Chip size="small" variant="outlined" color={station.enabled ? 'success' : 'default'} label={station.enabled ? t('stations.enabledYes') : t('stations.enabledNo')} />
                  </TableCell>
                  <TableCell>
                    <Stack spacing={0.5} alignItems="flex-start" sx={{ '& .MuiButton-root': { whiteSpace: 'nowrap' } }}>
                      <Button size="small" onClick={() => setDialog({ kind: 'edit', station })} aria-label={t('stations.actions.editLabel', { code: station.code })}>
                        {t('stations.actions.edit')}
                      </Button>
                      <Button
                        size="small"
                        disabled={busyCode === station.code}
                        onClick={() => void verify(station)}
                        aria-label={t('stations.actions.verifyLabel', { code: station.code })}
                      >
                        {t('stations.actions.verify')}
                      </Button>
                      <Button
                        size="small"
                        color={station.enabled ? 'error' : 'primary'}
                        disabled={busyCode === station.code}
                        onClick={() => setDialog({ kind: 'toggle', station })}
                        aria-label={t(station.enabled ? 'stations.actions.disableLabel' : 'stations.actions.enableLabel', { code: station.code })}
                      >
                        {station.enabled ? t('stations.actions.disable') : t('stations.actions.enable')}
                      </Button>
                    </Stack>
                  </TableCell>
                </TableRow>
              ))}
            </DataTable>
          )}
        </>
      ) : null}

      {dialog?.kind === 'add' || dialog?.kind === 'edit' ? (
        <StationFormDialog
          station={dialog.kind === 'edit' ? dialog.station : null}
          nextCode={data?.nextCode ?? null}
          ecSegregationCode={data?.ecSegregationCode ?? null}
          onClose={() => setDialog(null)}
          onSaved={(station, created) => {
            setDialog(null);
            const message = t(created ? 'stations.created' : 'stations.updated', { code: station.code, state: station.state });
            notify({ severity: station.state === 'Attiva' ? 'success' : 'warning', message: station.stateReason ? `${message} ${station.stateReason}` : message });
            void reload();
          }}
        />
      ) : null}
      {dialog?.kind === 'toggle' ? (
        <ConfirmDialog
          open
          title={t(dialog.station.enabled ? 'stations.confirmDisable.title' : 'stations.confirmEnable.title', { code: dialog.station.code })}
          confirmLabel={t(dialog.station.enabled ? 'stations.confirmDisable.confirm' : 'stations.confirmEnable.confirm')}
          destructive={dialog.station.enabled}
          busy={busyCode === dialog.station.code}
          onConfirm={() => void toggle(dialog.station)}
          onCancel={() => setDialog(null)}
        >
          <Box component="span">{t(dialog.station.enabled ? 'stations.confirmDisable.body' : 'stations.confirmEnable.body')}</Box>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
