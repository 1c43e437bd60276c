import { useCallback, useEffect, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  LinearProgress,
  MenuItem,
  Paper,
  Stack,
  TableCell,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { Print, ReceiptLong } from '@mui/icons-material';
import { useTranslation } from 'react-i18next';
import { formatEuro } from '../../../../src-shared/domain/amount';
import { parseItalianDate } from '../../../../src-shared/domain/date';
import { POSITION_STATUSES, positionStatusLabels, type PositionStatus } from '../../../../src-shared/domain/positionStatus';
import type { DeliveryCapabilities, DocumentRef } from '../../../../src-shared/ipc/schemas/delivery';
import type { PositionFilter, PositionRow, PrintJobStatusData } from '../../../../src-shared/ipc/schemas/print';
import { api } from '../../../api/client';
import { PageHeading } from '../../../components/PageHeading';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { DateField } from '../../../components/forms';
import { displayDate } from '../../../components/format';
import { downloadPdf, formatBytes } from '../../../components/download';
import { useNotifications } from '../../../stores/notifications';
import { downloadOnly, isDownloadOnly, useDelivery } from '../../../stores/delivery';
import { DocumentActions } from '../../../components/delivery/DocumentActions';
import { usePrintedDocument } from '../../../components/delivery/usePrintedDocument';
import { EmptyState, LoadingStatus } from '../../../components/LoadingStatus';
import { DataTable } from '../../../components/DataTable';
import { useKeysetList } from '../../../components/useKeysetList';

interface FilterForm {
  status: PositionStatus | '';
  debtor: string;
  dueFrom: string;
  dueTo: string;
}

const emptyForm: FilterForm = { status: '', debtor: '', dueFrom: '', dueTo: '' };

function toFilter(f: FilterForm): PositionFilter {
  const from = f.dueFrom.trim() ? parseItalianDate(f.dueFrom) : null;
  const to = f.dueTo.trim() ? parseItalianDate(f.dueTo) : null;
  return {
    ...(f.status ? { status: f.status } : {}),
    ...(f.debtor.trim() ? { debtorFiscalCode: f.debtor.trim() } : {}),
    ...(from ? { dueDateFrom: from } : {}),
    ...(to ? { dueDateTo: to } : {}),
  };
}

/** Debt positions with filters; notices and receipts printed one at a time or in a batch job. */
export function PositionsPage() {
  const { t } = useTranslation();
  const notify = useNotifications((s) => s.notify);
  const [form, setForm] = useState<FilterForm>(emptyForm);
  const [filter, setFilter] = useState<PositionFilter>({});
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [busy, setBusy] = useState<string | null>(null);
  const [job, setJob] = useState<PrintJobStatusData | null>(null);
  const capabilities = useDelivery((s) => s.capabilities) ?? downloadOnly;
  const printed = usePrintedDocument((name) => t('positions.printed', { name }));

  const { items, hasMore, loadingMore, loadError, loadMore } = useKeysetList(
    useCallback((after: string | null) => api.invoke('positions.list', { ...filter, limit: 20, cursor: after }), [filter]),
    (page) => page.nextCursor,
  );

  useEffect(
    () =>
      api.onEvent('print.progress', (status) => {
        setJob((current) => (current === null || current.jobId === status.jobId ? status : current));
      }),
    [],
  );

  const printOne = async (row: PositionRow, kind: 'notice' | 'receipt') => {
    setBusy(`${kind}-${row.id}`);
    const result = kind === 'notice' ? await api.invoke('print.notice', { positionId: row.id }) : await api.invoke('print.receipt', { positionId: row.id });
    if (!result.ok) {
      setBusy(null);
      notify({ severity: 'error', message: result.error.message, code: result.error.code });
      return;
    }
    await printed.deliver(result.data);
    setBusy(null);
  };

  const startBatch = async () => {
    const input = selected.size > 0 ? { positionIds: [...selected] } : { filter };
    const result = await api.invoke('print.batchStart', input);
    if (result.ok) setJob(result.data);
    else notify({ severity: 'error', message: result.error.message, code: result.error.code });
  };

  const cancelBatch = async () => {
    if (!job) return;
    const result = await api.invoke('print.batchCancel', { jobId: job.jobId });
    if (!result.ok) notify({ severity: 'error', message: result.error.message, code: result.error.code });
  };

  const downloadBatchFile = async (index: number) => {
    if (!job) return;
    const result = await api.invoke('print.batchFile', { jobId: job.jobId, index });
    if (result.ok) downloadPdf(result.data);
    else notify({ severity: 'error', message: result.error.message, code: result.error.code });
  };

  const toggle = (id: number) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allOnPage = items !== null && items.length > 0 && items.every((i) => selected.has(i.id));
  const running = job?.state === 'running';

  return (
    <>
      <PageHeading
        title={t('positions.heading')}
        subtitle={t('positions.intro')}
        actions={
          <Button variant="contained" startIcon={<Print aria-hidden />} onClick={() => void startBatch()} disabled={running || items === null || items.length === 0}>
            {selected.size > 0 ? t('positions.printSelected', { count: selected.size }) : t('positions.printFiltered')}
          </Button>
        }
      />

      <Paper
        component="form"
        variant="outlined"
        aria-label={t('positions.filters.label')}
        sx={{ p: 2, mb: 2 }}
        onSubmit={(e) => {
          e.preventDefault();
          setSelected(new Set());
          setFilter(toFilter(form));
        }}
      >
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} alignItems={{ md: 'flex-start' }}>
          <TextField select label={t('positions.filters.status')} value={form.status} onChange={(e) => setForm({ ...form, status: e.target.value as PositionStatus | '' })} sx={{ minWidth: 200 }} size="small">
            <MenuItem value="">{t('positions.filters.allStatuses')}</MenuItem>
            {POSITION_STATUSES.map((s) => (
              <MenuItem key={s} value={s}>
                {positionStatusLabels[s]}
              </MenuItem>
            ))}
          </TextField>
          <TextField label={t('positions.filters.debtor')} value={form.debtor} onChange={(e) => setForm({ ...form, debtor: e.target.value })} size="small" inputProps={{ maxLength: 16 }} sx={{ minWidth: 250 }} />
          <DateField label={t('positions.filters.dueFrom')} value={form.dueFrom} onChange={(e) => setForm({ ...form, dueFrom: e.target.value })} size="small" />
          <DateField label={t('positions.filters.dueTo')} value={form.dueTo} onChange={(e) => setForm({ ...form, dueTo: e.target.value })} size="small" />
          <Button type="submit" variant="outlined">
            {t('positions.filters.apply')}
          </Button>
          <Button
            onClick={() => {
              setForm(emptyForm);
              setSelected(new Set());
              setFilter({});
            }}
          >
            {t('positions.filters.reset')}
          </Button>
        </Stack>
      </Paper>

      {job ? <JobPanel job={job} capabilities={capabilities} onCancel={() => void cancelBatch()} onDownload={(i) => void downloadBatchFile(i)} onClose={() => setJob(null)} /> : null}
      {printed.dialog}

      <ErrorAlert error={loadError} sx={{ mb: 2 }} />
      {items === null && !loadError ? (
        <LoadingStatus />
      ) : null}
      {items !== null && items.length === 0 ? (
        <EmptyState>{t('positions.empty')}</EmptyState>
      ) : null}
      {items !== null && items.length > 0 ? (
        <DataTable
          label={t('positions.tableLabel')}
          size="small"
          columns={[
            {
              padding: 'checkbox',
              label: (
                <Checkbox
                  checked={allOnPage}
                  indeterminate={!allOnPage && items.some((i) => selected.has(i.id))}
                  onChange={() => setSelected(allOnPage ? new Set() : new Set([...selected, ...items.map((i) => i.id)]))}
                  inputProps={{ 'aria-label': t('positions.selectAll') }}
                />
              ),
            },
            { label: t('positions.columns.iupd') },
            { label: t('positions.columns.debtor') },
            { label: t('positions.columns.description') },
            { label: t('positions.columns.amount'), align: 'right' },
            { label: t('positions.columns.due') },
            { label: t('positions.columns.status') },
            { label: t('positions.columns.actions') },
          ]}
        >
          {items.map((row) => (
            <TableRow key={row.id} hover selected={selected.has(row.id)}>
              <TableCell padding="checkbox">
                <Checkbox checked={selected.has(row.id)} onChange={() => toggle(row.id)} inputProps={{ 'aria-label': t('positions.selectOne', { iupd: row.iupd }) }} />
              </TableCell>
              <TableCell component="th" scope="row" sx={{ fontFamily: '"DM Mono", monospace', fontSize: 13 }}>
                {row.iupd}
              </TableCell>
              <TableCell>
                {row.debtorName}
                <Typography variant="caption" component="span" sx={{ display: 'block', color: 'text.secondary' }}>
                  {row.debtorFiscalCode}
                </Typography>
              </TableCell>
              <TableCell>{row.description}</TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                {formatEuro(row.totalAmount)}
              </TableCell>
              <TableCell>{displayDate(row.minDueDate)}</TableCell>
              <TableCell>{positionStatusLabels[row.status]}</TableCell>
              <TableCell>
                <Stack direction={{ xs: 'column', xl: 'row' }} spacing={0.5} alignItems="flex-start" sx={{ '& .MuiButton-root': { whiteSpace: 'nowrap' } }}>
                  {row.hasReceipt ? (
                    <Button size="small" startIcon={<ReceiptLong aria-hidden />} disabled={busy !== null} onClick={() => void printOne(row, 'receipt')} aria-label={t('positions.printReceiptLabel', { iupd: row.iupd })}>
                      {t('positions.printReceipt')}
                    </Button>
                  ) : null}
                  {row.status === 'PUBLISHED' || row.status === 'VALID' || row.status === 'PARTIALLY_PAID' ? (
                    <Button size="small" startIcon={<Print aria-hidden />} disabled={busy !== null} onClick={() => void printOne(row, 'notice')} aria-label={t('positions.printNoticeLabel', { iupd: row.iupd })}>
                      {t('positions.printNotice')}
                    </Button>
                  ) : null}
                </Stack>
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      ) : null}
      {hasMore ? (
        <Box sx={{ mt: 2, textAlign: 'center' }}>
          <Button onClick={loadMore} disabled={loadingMore}>
            {loadingMore ? t('common.loading') : t('positions.more')}
          </Button>
        </Box>
      ) : null}
    </>
  );
}

function batchRef(jobId: string, index: number): DocumentRef {
  return { kind: 'batchFile', jobId, index };
}

interface JobPanelProps {
  job: PrintJobStatusData;
  capabilities: DeliveryCapabilities;
  onCancel(): void;
  onDownload(index: number): void;
  onClose(): void;
}

function JobPanel({ job, capabilities, onCancel, onDownload, onClose }: JobPanelProps) {
  const { t } = useTranslation();
  const running = job.state === 'running';
  const severity = job.state === 'failed' ? 'error' : job.state === 'cancelled' ? 'warning' : running ? 'info' : 'success';
  const headline = running
    ? t('positions.job.running', { notices: job.notices, pages: job.pages })
    : job.state === 'done'
      ? t('positions.job.done', { notices: job.notices, pages: job.pages, files: job.files.length })
      : job.state === 'cancelled'
        ? t('positions.job.cancelled', { notices: job.notices })
        : t('positions.job.failed', { message: job.message ?? '' });
  return (
    <Alert severity={severity} sx={{ mb: 2 }} onClose={running ? undefined : onClose} aria-live="polite">
      <Typography component="h2" sx={{ fontWeight: 600 }}>
        {t('positions.job.title')}
      </Typography>
      <Typography>{headline}</Typography>
      {running ? (
        <Stack direction="row" spacing={2} alignItems="center" sx={{ mt: 1 }}>
          <LinearProgress
            sx={{ flex: 1, minWidth: 200 }}
            aria-label={t('positions.job.progressLabel')}
            {...(job.total ? { variant: 'determinate' as const, value: Math.min(100, (100 * job.read) / job.total) } : {})}
          />
          <Button size="small" color="inherit" variant="outlined" onClick={onCancel}>
            {t('positions.job.cancel')}
          </Button>
        </Stack>
      ) : null}
      {job.files.length > 0 ? (
        <Stack component="ul" spacing={0.5} sx={{ pl: 0, listStyle: 'none', mt: 1 }}>
          {job.files.map((f, i) => (
            <li key={f.name}>
              {isDownloadOnly(capabilities) ? (
                <>
                  <Button size="small" onClick={() => onDownload(i)}>
                    {t('positions.job.download', { name: f.name })}
                  </Button>{' '}
                  <Typography variant="caption" component="span">
                    {t('positions.job.fileInfo', { notices: f.notices, pages: f.pages, size: formatBytes(f.bytes) })}
                  </Typography>
                </>
              ) : (
                <Stack spacing={0.5} sx={{ mb: 1 }}>
                  <Typography variant="body2">
                    <strong>{f.name}</strong> – {t('positions.job.fileInfo', { notices: f.notices, pages: f.pages, size: formatBytes(f.bytes) })}
                  </Typography>
                  <DocumentActions document={batchRef(job.jobId, i)} fileName={f.name} capabilities={capabilities} onDownload={() => onDownload(i)} />
                </Stack>
              )}
            </li>
          ))}
        </Stack>
      ) : null}
      {job.skipped.length > 0 ? (
        <>
          <Typography sx={{ mt: 1 }}>{t('positions.job.skipped', { count: job.skipped.length })}</Typography>
          <Box component="ul" sx={{ my: 0 }}>
            {job.skipped.slice(0, 50).map((s) => (
              <li key={s.positionId}>
                {s.iupd}: {s.message}
              </li>
            ))}
          </Box>
        </>
      ) : null}
    </Alert>
  );
}
