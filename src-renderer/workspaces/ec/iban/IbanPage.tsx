import { useCallback, useEffect, useState } from 'react';
import {
  Box,
  Button,
  Chip,
  Stack,
  TableCell,
  TableRow,
  Typography,
} from '@mui/material';
import { Add } from '@mui/icons-material';
import { useTranslation } from 'react-i18next';
import { formatIban } from '../../../../src-shared/domain/iban';
import type { IbanEntry } from '../../../../src-shared/ipc/schemas/iban';
import { api, type ApiError } from '../../../api/client';
import { useNotifications } from '../../../stores/notifications';
import { PageHeading } from '../../../components/PageHeading';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { displayDate } from '../../../components/format';
import { IbanStatusChip } from './ibanStatus';
import { IbanFormDialog } from './IbanFormDialog';
import { ScheduleDeletionDialog } from './ScheduleDeletionDialog';
import { EmptyState, LoadingStatus } from '../../../components/LoadingStatus';
import { DataTable } from '../../../components/DataTable';

type DialogState = { kind: 'add' } | { kind: 'edit'; entry: IbanEntry } | { kind: 'delete'; entry: IbanEntry } | null;

/** The EC's IBAN list: every payment transfer must credit one of these accounts. */
export function IbanPage() {
  const { t } = useTranslation();
  const notify = useNotifications((s) => s.notify);
  const [items, setItems] = useState<IbanEntry[] | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [cancelling, setCancelling] = useState<number | null>(null);

  const reload = useCallback(async () => {
    const result = await api.invoke('iban.list');
    if (result.ok) {
      setItems(result.data);
      setLoadError(null);
    } else setLoadError(result.error);
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const cancelDeletion = async (entry: IbanEntry) => {
    setCancelling(entry.id);
    const result = await api.invoke('iban.cancelDeletion', { id: entry.id });
    setCancelling(null);
    if (result.ok) notify({ severity: 'success', message: t('iban.deletionCancelled', { iban: formatIban(entry.iban) }) });
    else notify({ severity: 'error', message: result.error.message, code: result.error.code });
    await reload();
  };

  return (
    <>
      <PageHeading
        title={t('iban.heading')}
        subtitle={t('iban.intro')}
        actions={
          <Button variant="contained" startIcon={<Add aria-hidden />} onClick={() => setDialog({ kind: 'add' })}>
            {t('iban.add')}
          </Button>
        }
      />
      <ErrorAlert error={loadError} sx={{ mb: 2 }} />
      {items === null && !loadError ? (
        <LoadingStatus />
      ) : null}
      {items !== null && items.length === 0 ? (
        <EmptyState>{t('iban.empty')}</EmptyState>
      ) : null}
      {items !== null && items.length > 0 ? (
        <DataTable
          label={t('iban.tableLabel')}
          columns={[
            { label: t('iban.columns.iban') },
            { label: t('iban.columns.description') },
            { label: t('iban.columns.validity') },
            { label: t('iban.columns.status') },
            { label: t('iban.columns.actions') },
          ]}
        >
          {items.map((entry) => {
            const formatted = formatIban(entry.iban);
            return (
              <TableRow key={entry.id} hover>
                <TableCell component="th" scope="row">
                  <Typography component="span" sx={{ fontFamily: '"DM Mono", monospace', fontSize: 14, whiteSpace: 'nowrap', display: 'block' }}>
                    {formatted}
                  </Typography>
                  {entry.isPostal ? <Chip size="small" color="info" label={t('iban.postal')} sx={{ mt: 0.5 }} /> : null}
                </TableCell>
                <TableCell>{entry.description || <Box component="span" sx={{ color: 'text.secondary' }}>{t('common.none')}</Box>}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {t('iban.validFrom', { date: displayDate(entry.validFrom) })}
                  <br />
                  {entry.validTo ? t('iban.validTo', { date: displayDate(entry.validTo) }) : t('iban.noEnd')}
                </TableCell>
                <TableCell>
                  <IbanStatusChip entry={entry} />
                </TableCell>
                <TableCell>
                  <Stack direction={{ xs: 'column', xl: 'row' }} spacing={0.5} alignItems="flex-start" sx={{ '& .MuiButton-root': { whiteSpace: 'nowrap' } }}>
                    <Button size="small" onClick={() => setDialog({ kind: 'edit', entry })} aria-label={t('iban.actions.editLabel', { iban: formatted })}>
                      {t('iban.actions.edit')}
                    </Button>
                    {entry.deletionDate === null ? (
                      <Button
                        size="small"
                        color="error"
                        onClick={() => setDialog({ kind: 'delete', entry })}
                        aria-label={t('iban.actions.scheduleDeletionLabel', { iban: formatted })}
                      >
                        {t('iban.actions.scheduleDeletion')}
                      </Button>
                    ) : (
                      <Button
                        size="small"
                        disabled={cancelling === entry.id}
                        onClick={() => void cancelDeletion(entry)}
                        aria-label={t('iban.actions.cancelDeletionLabel', { iban: formatted })}
                      >
                        {t('iban.actions.cancelDeletion')}
                      </Button>
                    )}
                  </Stack>
                </TableCell>
              </TableRow>
            );
          })}
        </DataTable>
      ) : null}

      {dialog?.kind === 'add' || dialog?.kind === 'edit' ? (
        <IbanFormDialog
          entry={dialog.kind === 'edit' ? dialog.entry : null}
          onClose={() => setDialog(null)}
          onSaved={(entry, created) => {
            setDialog(null);
            notify({ severity: 'success', message: t(created ? 'iban.created' : 'iban.updated', { iban: formatIban(entry.iban) }) });
            void reload();
          }}
        />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <ScheduleDeletionDialog
          entry={dialog.entry}
          onClose={() => setDialog(null)}
          onDone={({ deleted, date }) => {
            const iban = formatIban(dialog.entry.iban);
            setDialog(null);
            notify({
              severity: 'success',
              message: deleted ? t('iban.deleted', { iban }) : t('iban.deletionScheduled', { iban, date: displayDate(date) }),
            });
            void reload();
          }}
        />
      ) : null}
    </>
  );
}
