import { Button, Card, CardActions, CardContent, Grid, Stack, Typography } from '@mui/material';
import { AccountBalance, Storefront } from '@mui/icons-material';
import { Link as RouterLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PublicLayout } from '../../components/PublicLayout';
import { PageHeading } from '../../components/PageHeading';

/** One installation, two workspaces: office staff or the payer's counter. */
export function WorkspaceChooserPage() {
  const { t } = useTranslation();
  return (
    <PublicLayout>
      <PageHeading title={t('chooser.heading')} documentTitle={t('chooser.documentTitle')} subtitle={t('chooser.intro')} />
      <Grid container spacing={3} component="ul" sx={{ listStyle: 'none', pl: 0 }} aria-label={t('chooser.listLabel')}>
        <Grid item xs={12} sm={6} component="li">
          <Card variant="outlined" sx={{ height: '100%', display: 'flex', flexDirection: 'column' }}>
            <CardContent sx={{ flex: 1 }}>
              <Stack direction="row" spacing={1.5} alignItems="center" sx={{ mb: 1.5 }}>
                <AccountBalance color="primary" aria-hidden />
                <Typography variant="h6" component="h2">
                  {t('chooser.ec.title')}
                </Typography>
              </Stack>
              <Typography color="text.secondary">{t('chooser.ec.description')}</Typography>
            </CardContent>
            <CardActions sx={{ px: 2, pb: 2 }}>
              <Button component={RouterLink} to="/ec" variant="contained">
                {t('chooser.ec.action')}
              </Button>
            </CardActions>
          </Card>
        </Grid>
        <Grid item xs={12} sm={6} component="li">
          <Card variant="outlined" sx={{ height: '100%', display: 'flex', flexDirection: 'column' }}>
            <CardContent sx={{ flex: 1 }}>
              <Stack direction="row" spacing={1.5} alignItems="center" sx={{ mb: 1.5 }}>
                <Storefront color="primary" aria-hidden />
                <Typography variant="h6" component="h2">
                  {t('chooser.pagatore.title')}
                </Typography>
              </Stack>
              <Typography color="text.secondary">{t('chooser.pagatore.description')}</Typography>
            </CardContent>
            <CardActions sx={{ px: 2, pb: 2 }}>
              <Button component={RouterLink} to="/pagatore" variant="outlined">
                {t('chooser.pagatore.action')}
              </Button>
            </CardActions>
          </Card>
        </Grid>
      </Grid>
    </PublicLayout>
  );
}
