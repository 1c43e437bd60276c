import { Alert, AlertTitle, Button } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PublicLayout } from '../../components/PublicLayout';
import { PageHeading } from '../../components/PageHeading';

/** Placeholder for the payer's workspace, so the chooser never leads to a dead end. */
export function PagatorePage() {
  const { t } = useTranslation();
  return (
    <PublicLayout product={t('pagatore.product')}>
      <PageHeading title={t('pagatore.heading')} />
      <Alert severity="info" role="status">
        <AlertTitle>{t('pagatore.soonTitle')}</AlertTitle>
        {t('pagatore.soonBody')}
      </Alert>
      <Button component={RouterLink} to="/" variant="outlined" sx={{ mt: 3 }}>
        {t('pagatore.back')}
      </Button>
    </PublicLayout>
  );
}
