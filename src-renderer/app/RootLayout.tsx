import { Box, Button, CircularProgress, Container } from '@mui/material';
import { Outlet } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useSession } from '../stores/session';
import { ErrorAlert } from '../components/ErrorAlert';

/** Nothing routes until main has said whether setup is done and who is signed in. */
export function RootLayout() {
  const { t } = useTranslation();
  const phase = useSession((s) => s.phase);
  const loadError = useSession((s) => s.loadError);
  const load = useSession((s) => s.load);

  if (phase === 'loading') {
    return (
      <Box role="status" sx={{ display: 'flex', alignItems: 'center', justifyContent: 'center', gap: 2, minHeight: '100vh' }}>
        <CircularProgress size={28} aria-hidden />
        {t('common.loading')}
      </Box>
    );
  }
  if (phase === 'error') {
    return (
      <Container maxWidth="sm" component="main" sx={{ py: 8 }}>
        <ErrorAlert error={loadError} title={t('app.loadErrorTitle')} />
        <Button variant="contained" sx={{ mt: 3 }} onClick={() => void load()}>
          {t('common.retry')}
        </Button>
      </Container>
    );
  }
  return <Outlet />;
}
