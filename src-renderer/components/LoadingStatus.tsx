import { CircularProgress, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';

/** A spinner with its text, announced politely (role status): "Caricamento…" unless told otherwise. */
export function LoadingStatus({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Stack direction="row" spacing={2} alignItems="center" role="status">
      <CircularProgress size={24} aria-hidden />
      <Typography>{label ?? t('common.loading')}</Typography>
    </Stack>
  );
}

/** What a list shows instead of an empty table. */
export function EmptyState({ children }: { children: React.ReactNode }) {
  return (
    <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }}>
      <Typography>{children}</Typography>
    </Paper>
  );
}
