import { Alert, Button } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../../components/PageHeading';
import { useSession } from '../../../stores/session';

export function AccessDeniedPage() {
  const { t } = useTranslation();
  const user = useSession((s) => s.user);
  return (
    <>
      <PageHeading title={t('accessDenied.heading')} />
      <Alert severity="warning" role="alert" sx={{ maxWidth: '70ch' }}>
        {t('accessDenied.body', { role: user ? t(`roles.${user.role}`) : '' })}
      </Alert>
      <Button component={RouterLink} to="/ec" variant="contained" sx={{ mt: 3 }}>
        {t('accessDenied.back')}
      </Button>
    </>
  );
}
