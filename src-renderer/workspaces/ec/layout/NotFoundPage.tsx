import { Alert, Button } from '@mui/material';
import { Link as RouterLink, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../../components/PageHeading';
import { PublicLayout } from '../../../components/PublicLayout';

/** Unknown address: inside the EC shell it keeps the menu; elsewhere it stands alone. */
export function NotFoundPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const inEc = pathname.startsWith('/ec');
  const body = (
    <>
      <PageHeading title={t('notFound.heading')} />
      <Alert severity="info" role="status" sx={{ maxWidth: '70ch' }}>
        {t('notFound.body')}
      </Alert>
      <Button component={RouterLink} to={inEc ? '/ec' : '/'} variant="contained" sx={{ mt: 3 }}>
        {inEc ? t('notFound.backEc') : t('notFound.backHome')}
      </Button>
    </>
  );
  return inEc ? body : <PublicLayout>{body}</PublicLayout>;
}
