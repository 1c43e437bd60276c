import { Button, Card, CardActions, CardContent, Grid, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PublicLayout } from '../../../components/PublicLayout';
import { PageHeading } from '../../../components/PageHeading';
import { useSession } from '../../../stores/session';
import { PageLinks } from '../layout/PageLinks';

/** The Pagatore's front door: sign in, or register (and activate). */
export function PagatoreHomePage() {
  const { t } = useTranslation();
  const ec = useSession((s) => s.ec);
  return (
    <PublicLayout product={t('pagatore.product')}>
      <PageHeading title={t('pagatore.home.heading')} subtitle={ec ? t('pagatore.home.intro', { ec: ec.name }) : t('pagatore.home.introNoEc')} />
      <Grid container spacing={3} component="ul" sx={{ listStyle: 'none', pl: 0 }} aria-label={t('pagatore.home.choices')}>
        <Grid item xs={12} sm={6} component="li">
          <Card variant="outlined" sx={{ height: '100%', display: 'flex', flexDirection: 'column' }}>
            <CardContent sx={{ flex: 1 }}>
              <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
                {t('pagatore.home.signInTitle')}
              </Typography>
              <Typography color="text.secondary">{t('pagatore.home.signInBody')}</Typography>
            </CardContent>
            <CardActions sx={{ px: 2, pb: 2 }}>
              <Button component={RouterLink} to="/pagatore/accedi" variant="contained" size="large">
                {t('pagatore.home.signInAction')}
              </Button>
            </CardActions>
          </Card>
        </Grid>
        <Grid item xs={12} sm={6} component="li">
          <Card variant="outlined" sx={{ height: '100%', display: 'flex', flexDirection: 'column' }}>
            <CardContent sx={{ flex: 1 }}>
              <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
                {t('pagatore.home.registerTitle')}
              </Typography>
              <Typography color="text.secondary">{t('pagatore.home.registerBody')}</Typography>
            </CardContent>
            <CardActions sx={{ px: 2, pb: 2 }}>
              <Button component={RouterLink} to="/pagatore/registrazione" variant="outlined" size="large">
                {t('pagatore.home.registerAction')}
              </Button>
            </CardActions>
          </Card>
        </Grid>
      </Grid>
      <PageLinks
        mt={1}
        links={[
          { to: '/pagatore/attivazione', label: t('pagatore.home.activateLink') },
          { to: '/', label: t('pagatore.back') },
        ]}
      />
    </PublicLayout>
  );
}
