import { useCallback, useState } from 'react';
import {
  Button,
  MenuItem,
  Stack,
  TableCell,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { PageHeading } from '../../../components/PageHeading';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { displayDateTime } from '../../../components/format';
import { actionLabel, describeDetails, knownActions } from './auditLabels';
import { Download } from '@mui/icons-material';
import { downloadText } from '../../../components/download';
import { useNotifications } from '../../../stores/notifications';
import { LoadingStatus } from '../../../components/LoadingStatus';
import { DataTable } from '../../../components/DataTable';
import { useKeysetList } from '../../../components/useKeysetList';

const PAGE_SIZE = 50;

/** Main records staff as "Nome Cognome (e-mail)": show the e-mail as a second, quieter line. */
function ActorName({ name }: { name: string }) {
  const match = /^(.*) \(([^()]+@[^()]+)\)$/.exec(name);
  if (!match) return <>{name}</>;
  return (
    <>
      {match[1]}
      <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block', whiteSpace: 'nowrap' }}>
        {match[2]}
      </Typography>
    </>
  );
}
const ALL = '';

/** The audit trail, newest first, in pages (keyset cursor from main), filterable by action. */
export function AuditPage() {
  const { t } = useTranslation();
  const [action, setAction] = useState<string>(ALL);
  const [exporting, setExporting] = useState(false);
  const notify = useNotifications((s) => s.notify);

  // the whole filtered log, not just the rows loaded so far
  const exportCsv = async () => {
    setExporting(true);
    const result = await api.invoke('audit.export', action !== ALL ? { action } : {});
    setExporting(false);
    if (!result.ok) return notify({ severity: 'error', message: result.error.message, code: result.error.code });
    downloadText(result.data.fileName, result.data.csv);
    notify({ severity: 'success', message: t('audit.exported', { count: result.data.rows, file: result.data.fileName }) });
  };

  const { items, hasMore, loadingMore, loadError, loadMore } = useKeysetList(
    useCallback(
      (beforeId: number | null) =>
        api.invoke('audit.list', {
          limit: PAGE_SIZE,
          ...(beforeId !== null ? { beforeId } : {}),
          ...(action !== ALL ? { action } : {}),
        }),
      [action],
    ),
    (page) => page.nextBeforeId,
  );

  return (
    <>
      <PageHeading
        title={t('audit.heading')}
        subtitle={t('audit.intro')}
        actions={
          <Button variant="outlined" startIcon={<Download aria-hidden />} onClick={() => void exportCsv()} disabled={exporting}>
            {exporting ? t('audit.exporting') : t('audit.export')}
          </Button>
        }
      />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} alignItems={{ sm: 'center' }} sx={{ mb: 2 }}>
        <TextField
          select
          label={t('audit.filter')}
          value={action}
          onChange={(e) => setAction(e.target.value)}
          sx={{ minWidth: 320 }}
          size="small"
          InputLabelProps={{ shrink: true }}
          SelectProps={{ displayEmpty: true }}
        >
          <MenuItem value={ALL}>{t('audit.allActions')}</MenuItem>
          {knownActions.map((a) => (
            <MenuItem key={a} value={a}>
              {actionLabel(t, a)}
            </MenuItem>
          ))}
        </TextField>
        {items !== null ? (
          <Typography role="status" color="text.secondary">
            {t('audit.shown', { count: items.length })}
          </Typography>
        ) : null}
      </Stack>
      <ErrorAlert error={loadError} sx={{ mb: 2 }} />
      {items === null && !loadError ? (
        <LoadingStatus />
      ) : null}
      {items !== null ? (
        <DataTable
          label={t('audit.tableLabel')}
          size="small"
          columns={[
            { label: t('audit.columns.at') },
            { label: t('audit.columns.action') },
            { label: t('audit.columns.actor') },
            { label: t('audit.columns.details') },
          ]}
        >
          {items.length === 0 ? (
            <TableRow>
              <TableCell colSpan={4}>{t('audit.empty')}</TableCell>
            </TableRow>
          ) : (
            items.map((entry) => (
              <TableRow key={entry.id}>
                <TableCell sx={{ whiteSpace: 'nowrap', py: 1.25 }}>{displayDateTime(entry.at)}</TableCell>
                <TableCell component="th" scope="row" sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
                  {actionLabel(t, entry.action)}
                </TableCell>
                <TableCell>
                  <ActorName name={entry.actorName} />
                </TableCell>
                <TableCell sx={{ wordBreak: 'break-word' }}>{describeDetails(t, entry)}</TableCell>
              </TableRow>
            ))
          )}
        </DataTable>
      ) : null}
      {hasMore ? (
        <Button variant="outlined" sx={{ mt: 2 }} onClick={loadMore} disabled={loadingMore}>
          {loadingMore ? t('common.loading') : t('audit.loadMore')}
        </Button>
      ) : null}
    </>
  );
}
