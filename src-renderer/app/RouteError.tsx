import { Alert, AlertTitle, Button, Container } from '@mui/material';
import { useTranslation } from 'react-i18next';

/** Last resort for a rendering crash: say so in plain words and offer a way back. */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <Container maxWidth="sm" component="main" sx={{ py: 8 }}>
      <Alert severity="error" role="alert">
        <AlertTitle>{t('app.crashTitle')}</AlertTitle>
        {t('app.crashBody')}
      </Alert>
      <Button variant="contained" sx={{ mt: 3 }} href="#/">
        {t('app.crashBack')}
      </Button>
    </Container>
  );
}
