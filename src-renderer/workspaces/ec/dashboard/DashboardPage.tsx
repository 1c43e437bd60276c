import { Alert, Box, Button, Card, CardActions, CardContent, Chip, Grid, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { canAccess, type Feature } from '../../../../src-shared/auth/permissions';
import { useSession } from '../../../stores/session';
import { PageHeading } from '../../../components/PageHeading';
// onboarding: registration, API keys (part A)
import { OnboardingChecklist } from '../onboarding/OnboardingChecklist';
import { VaultStatusAlert } from '../vault/VaultStatusAlert';

interface NextStep {
  feature: Feature;
  to: string;
  key: 'iban' | 'staff' | 'audit';
}

/**
 * Next steps point only at features that exist and that the user's role may open. The IBANs are
 * step 4 of the onboarding checklist above (part A), so they are not repeated here.
 */
const nextSteps: readonly NextStep[] = [
  { feature: 'staff', to: '/ec/staff', key: 'staff' },
  { feature: 'audit', to: '/ec/audit', key: 'audit' },
];

export function DashboardPage() {
  const { t } = useTranslation();
  const user = useSession((s) => s.user);
  const ec = useSession((s) => s.ec);
  if (!user) return null;
  const steps = nextSteps.filter((s) => canAccess(user.role, s.feature));

  return (
    <>
      <PageHeading title={t('dashboard.heading')} subtitle={t('dashboard.welcome', { name: user.firstName, role: t(`roles.${user.role}`) })} />
      {ec?.environment === 'collaudo' ? (
        <Alert severity="info" sx={{ mb: 3, maxWidth: '90ch' }}>
          {t('dashboard.collaudoNote')}
        </Alert>
      ) : null}
      <VaultStatusAlert />
      <OnboardingChecklist />
      <Grid container spacing={3}>
        <Grid item xs={12} lg={5}>
          <Card variant="outlined" component="section" aria-labelledby="ec-data-title" sx={{ height: '100%' }}>
            <CardContent>
              <Typography variant="h6" component="h2" id="ec-data-title" sx={{ mb: 2 }}>
                {t('dashboard.ecCard')}
              </Typography>
              {ec ? (
                <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 3, rowGap: 1.5 }}>
                  <Typography component="dt" color="text.secondary">{t('dashboard.ecName')}</Typography>
                  <Typography component="dd" sx={{ m: 0, fontWeight: 600 }}>{ec.name}</Typography>
                  <Typography component="dt" color="text.secondary">{t('dashboard.ecFiscalCode')}</Typography>
                  <Typography component="dd" sx={{ m: 0, fontWeight: 600 }}>{ec.fiscalCode}</Typography>
                  <Typography component="dt" color="text.secondary">{t('dashboard.ecSegregationCode')}</Typography>
                  <Typography component="dd" sx={{ m: 0, fontWeight: 600 }}>{ec.segregationCode}</Typography>
                  <Typography component="dt" color="text.secondary">{t('dashboard.ecEnvironment')}</Typography>
                  <Box component="dd" sx={{ m: 0 }}>
                    <Chip size="small" color={ec.environment === 'collaudo' ? 'warning' : 'success'} label={t(`environment.${ec.environment}`)} />
                  </Box>
                </Box>
              ) : null}
            </CardContent>
          </Card>
        </Grid>
        <Grid item xs={12} lg={7}>
          <Card variant="outlined" component="section" aria-labelledby="next-steps-title" sx={{ height: '100%' }}>
            <CardContent>
              <Typography variant="h6" component="h2" id="next-steps-title" sx={{ mb: 2 }}>
                {t('dashboard.nextSteps')}
              </Typography>
              {steps.length > 0 ? (
                <Box component="ol" sx={{ m: 0, pl: 0, listStyle: 'none', display: 'grid', gap: 2 }}>
                  {steps.map((step) => (
                    <Box component="li" key={step.key} sx={{ borderBottom: 1, borderColor: 'divider', pb: 2, '&:last-child': { borderBottom: 0, pb: 0 } }}>
                      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
                        {t(`dashboard.steps.${step.key}.title`)}
                      </Typography>
                      <Typography color="text.secondary" sx={{ mb: 1 }}>
                        {t(`dashboard.steps.${step.key}.body`)}
                      </Typography>
                      <CardActions sx={{ p: 0 }}>
                        <Button component={RouterLink} to={step.to} variant="outlined" size="small">
                          {t(`dashboard.steps.${step.key}.action`)}
                        </Button>
                      </CardActions>
                    </Box>
                  ))}
                </Box>
              ) : (
                <Typography color="text.secondary">{t('dashboard.operatorNote')}</Typography>
              )}
            </CardContent>
          </Card>
        </Grid>
      </Grid>
    </>
  );
}
