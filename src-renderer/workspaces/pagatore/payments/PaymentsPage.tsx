import { useCallback, useEffect, useState } from 'react';
import { Box, Button, TableCell, TableRow, Typography } from '@mui/material';
import { ReceiptLong } from '@mui/icons-material';
import { useTranslation } from 'react-i18next';
import { formatEuro } from '../../../../src-shared/domain/amount';
import { formatNoticeNumber } from '../../../../src-shared/domain/noticeNumber';
import type { PayerOpenNotice, PayerReceiptRow } from '../../../../src-shared/ipc/schemas/pagatore';
import { api } from '../../../api/client';
import { PageHeading } from '../../../components/PageHeading';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { EmptyState, LoadingStatus } from '../../../components/LoadingStatus';
import { displayDate, displayDateTime } from '../../../components/format';
import { usePrintedDocument } from '../../../components/delivery/usePrintedDocument';
import { useNotifications } from '../../../stores/notifications';
import { useSession } from '../../../stores/session';
import { DataTable } from '../../../components/DataTable';
import { useKeysetList } from '../../../components/useKeysetList';

const mono = { fontFamily: '"DM Mono", monospace', fontSize: 13, whiteSpace: 'nowrap' } as const;

/** "I miei pagamenti": the paid notices with "Stampa ricevuta", then the notices still to pay. */
export function PaymentsPage() {
  const { t } = useTranslation();
  const payer = useSession((s) => s.payer);
  const notify = useNotifications((s) => s.notify);
  const printed = usePrintedDocument((name) => t('pagatore.payments.printed', { name }));
  const [open, setOpen] = useState<PayerOpenNotice[] | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const { items, hasMore, loadingMore, loadError, loadMore } = useKeysetList(
    useCallback((after: string | null) => api.invoke('payer.history', { limit: 20, cursor: after }), []),
    (page) => page.nextCursor,
  );

  useEffect(() => {
    void api.invoke('payer.openNotices').then((result) => {
      if (result.ok) setOpen(result.data);
    });
  }, []);

  const printReceipt = async (row: PayerReceiptRow) => {
    setBusy(row.id);
    const result = await api.invoke('payer.printReceipt', { receiptId: row.id });
    if (!result.ok) {
      setBusy(null);
      notify({ severity: 'error', message: result.error.message, code: result.error.code });
      return;
    }
    await printed.deliver(result.data);
    setBusy(null);
  };

  if (!payer) return null;
  return (
    <>
      <PageHeading title={t('pagatore.payments.heading')} subtitle={t('pagatore.payments.intro', { fiscalCode: payer.fiscalCode })} />
      {printed.dialog}

      <Typography variant="h5" component="h2" sx={{ mb: 2 }}>
        {t('pagatore.payments.paidTitle')}
      </Typography>
      <ErrorAlert error={loadError} sx={{ mb: 2 }} />
      {items === null && !loadError ? <LoadingStatus /> : null}
      {items !== null && items.length === 0 ? <EmptyState>{t('pagatore.payments.empty')}</EmptyState> : null}
      {items !== null && items.length > 0 ? (
        <DataTable
          label={t('pagatore.payments.tableLabel')}
          size="small"
          columns={[
            { label: t('pagatore.payments.columns.date') },
            { label: t('pagatore.payments.columns.ec') },
            { label: t('pagatore.payments.columns.description') },
            { label: t('pagatore.payments.columns.notice') },
            { label: t('pagatore.payments.columns.amount'), align: 'right' },
            { label: t('pagatore.payments.columns.fee'), align: 'right' },
            { label: t('pagatore.payments.columns.psp') },
            { label: t('pagatore.payments.columns.actions') },
          ]}
        >
          {items.map((row) => {
            const notice = formatNoticeNumber(row.noticeNumber);
            return (
              <TableRow key={row.id} hover>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{displayDateTime(row.paidAt)}</TableCell>
                <TableCell>{row.ecName}</TableCell>
                <TableCell component="th" scope="row">
                  {row.description}
                </TableCell>
                <TableCell sx={mono}>{notice}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {formatEuro(row.amount)}
                </TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {formatEuro(row.fee)}
                </TableCell>
                <TableCell>{row.pspName}</TableCell>
                <TableCell>
                  <Button
                    size="small"
                    variant="outlined"
                    startIcon={<ReceiptLong aria-hidden />}
                    disabled={busy !== null}
                    onClick={() => void printReceipt(row)}
                    aria-label={t('pagatore.payments.printReceiptLabel', { notice })}
                    sx={{ whiteSpace: 'nowrap' }}
                  >
                    {t('pagatore.payments.printReceipt')}
                  </Button>
                </TableCell>
              </TableRow>
            );
          })}
        </DataTable>
      ) : null}
      {hasMore ? (
        <Box sx={{ mt: 2, textAlign: 'center' }}>
          <Button onClick={loadMore} disabled={loadingMore}>
            {loadingMore ? t('common.loading') : t('pagatore.payments.more')}
          </Button>
        </Box>
      ) : null}

      <Typography variant="h5" component="h2" sx={{ mt: 5, mb: 1 }}>
        {t('pagatore.payments.openTitle')}
      </Typography>
      {open === null ? <LoadingStatus /> : null}
      {open !== null && open.length === 0 ? <EmptyState>{t('pagatore.payments.openEmpty')}</EmptyState> : null}
      {open !== null && open.length > 0 ? (
        <>
          <Typography color="text.secondary" sx={{ mb: 2, maxWidth: '70ch' }}>
            {t('pagatore.payments.openHint')}
          </Typography>
          <DataTable
            label={t('pagatore.payments.openTableLabel')}
            size="small"
            columns={[
              { label: t('pagatore.payments.columns.ec') },
              { label: t('pagatore.payments.columns.description') },
              { label: t('pagatore.payments.columns.notice') },
              { label: t('pagatore.payments.columns.amount'), align: 'right' },
              { label: t('pagatore.payments.due') },
            ]}
          >
            {open.map((n) => (
              <TableRow key={n.noticeNumber}>
                <TableCell>{n.ecName}</TableCell>
                <TableCell component="th" scope="row">
                  {n.description}
                </TableCell>
                <TableCell sx={mono}>{formatNoticeNumber(n.noticeNumber)}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {formatEuro(n.amount)}
                </TableCell>
                <TableCell>{displayDate(n.dueDate)}</TableCell>
              </TableRow>
            ))}
          </DataTable>
        </>
      ) : null}
    </>
  );
}
