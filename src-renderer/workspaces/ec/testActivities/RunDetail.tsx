import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Alert,
  Box,
  Chip,
  Stack,
  TableCell,
  TableRow,
  Typography,
} from '@mui/material';
import { ExpandMore } from '@mui/icons-material';
import { useTranslation } from 'react-i18next';
import type { TestRun } from '../../../../src-shared/ipc/schemas/testActivities';
import { formatNoticeNumber } from '../../../../src-shared/domain/noticeNumber';
import { displayDateTime } from '../../../components/format';
import { DataTable } from '../../../components/DataTable';

/** One run: the verdict, expected vs obtained per case, then each case's messages. */
export function RunDetail({ run }: { run: TestRun }) {
  const { t } = useTranslation();
  const titleId = `run-${run.id}-title`;
  return (
    <Box component="section" aria-labelledby={titleId} sx={{ mb: 4 }}>
      <Typography variant="h5" component="h2" id={titleId} sx={{ mb: 1 }}>
        {t('testActivities.runTitle', { id: run.id, when: displayDateTime(run.startedAt) })}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('testActivities.runBy', { name: run.runBy, station: run.stationCode })}
      </Typography>
      <Alert severity={run.passed ? 'success' : 'error'} sx={{ mb: 2 }}>
        {t(run.passed ? 'testActivities.passed' : 'testActivities.failed', { passed: run.mandatoryPassed, total: run.mandatoryTotal })}
      </Alert>
      <DataTable
        label={t('testActivities.tableLabel')}
        topAligned
        sx={{ mb: 2 }}
        columns={[
          { label: t('testActivities.columns.case') },
          { label: t('testActivities.columns.expected') },
          { label: t('testActivities.columns.obtained') },
          { label: t('testActivities.columns.outcome') },
        ]}
      >
        {run.cases.map((c, i) => (
          <TableRow key={c.id}>
            <TableCell component="th" scope="row" sx={{ maxWidth: 280 }}>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {`${i + 1}. ${c.title}`}
              </Typography>
              <Stack direction="row" spacing={1} sx={{ mt: 0.5 }} alignItems="center" flexWrap="wrap">
                <Chip size="small" variant="outlined" label={c.mandatory ? t('testActivities.mandatory') : t('testActivities.optional')} />
                {c.noticeNumber ? (
                  <Typography variant="caption" color="text.secondary">
                    {t('testActivities.notice', { notice: formatNoticeNumber(c.noticeNumber) })}
                  </Typography>
                ) : null}
              </Stack>
            </TableCell>
            <TableCell sx={{ maxWidth: 260 }}>{c.expected}</TableCell>
            <TableCell sx={{ maxWidth: 260, wordBreak: 'break-word' }}>{c.obtained}</TableCell>
            <TableCell>
              <Chip size="small" color={c.passed ? 'success' : 'error'} label={c.passed ? t('testActivities.ok') : t('testActivities.ko')} />
            </TableCell>
          </TableRow>
        ))}
      </DataTable>
      {run.cases.map((c, i) => (
        <Accordion key={c.id} disableGutters variant="outlined" TransitionProps={{ unmountOnExit: true }}>
          <AccordionSummary expandIcon={<ExpandMore aria-hidden />} aria-controls={`run-${run.id}-${c.id}-messages`} id={`run-${run.id}-${c.id}-summary`}>
            <Typography>{`${t('testActivities.exchange', { n: i + 1, count: c.exchange.length })}: ${c.title}`}</Typography>
          </AccordionSummary>
          <AccordionDetails id={`run-${run.id}-${c.id}-messages`}>
            <Box component="ol" sx={{ m: 0, pl: 3 }}>
              {c.exchange.map((step) => (
                <Box component="li" key={step.seq} sx={{ mb: 2 }}>
                  <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {`${step.from} → ${step.to}: ${step.primitive} (${step.kind === 'request' ? t('testActivities.request') : t('testActivities.response')})`}
                  </Typography>
                  {step.note ? (
                    <Typography variant="body2" color="text.secondary">
                      {step.note}
                    </Typography>
                  ) : null}
                  <Box
                    component="pre"
                    tabIndex={0}
                    sx={{ m: 0, mt: 0.5, p: 1.5, bgcolor: '#F5F6F7', borderRadius: 1, fontSize: 12, overflowX: 'auto', maxHeight: 320, fontFamily: '"DM Mono", monospace' }}
                  >
                    {step.body}
                  </Box>
                </Box>
              ))}
            </Box>
          </AccordionDetails>
        </Accordion>
      ))}
    </Box>
  );
}
