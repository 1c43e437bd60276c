import { useState } from 'react';
import { Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { CheckCircle, Lock, RadioButtonUnchecked } from '@mui/icons-material';
import { Link as RouterLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { canAccess, featurePermissions } from '../../../../src-shared/auth/permissions';
import type { StaffRole } from '../../../../src-shared/auth/roles';
import { nextStep, type OnboardingStep } from '../../../../src-shared/onboarding/steps';
import { useSession } from '../../../stores/session';
import { useOnboarding } from '../../../stores/onboarding';
import { stepRoutes } from './stepRoutes';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { api } from '../../../api/client';
import { useNotifications } from '../../../stores/notifications';

function StepIcon({ step }: { step: OnboardingStep }) {
  if (step.done) return <CheckCircle color="success" aria-hidden />;
  if (!step.possible) return <Lock color="disabled" aria-hidden />;
  return <RadioButtonUnchecked color="primary" aria-hidden />;
}

/** The guided onboarding on the home page, in pagoPA's order, with a way into each step for the role that does it. */
export function OnboardingChecklist() {
  const { t } = useTranslation();
  const user = useSession((s) => s.user);
  const steps = useOnboarding((s) => s.steps);
  const error = useOnboarding((s) => s.error);
  const refresh = useOnboarding((s) => s.refresh);
  const notify = useNotifications((s) => s.notify);
  const [syncing, setSyncing] = useState(false);
  if (!user) return null;

  const syncIbans = async () => {
    setSyncing(true);
    const result = await api.invoke('onboarding.syncIbans');
    setSyncing(false);
    if (result.ok) notify({ severity: 'success', message: t('onboarding.ibansSent', { count: result.data.ibans.onNodo }) });
    else notify({ severity: 'error', message: result.error.message, code: result.error.code });
    await refresh();
  };
  // e.g. the Nodo did not answer: say so rather than show nothing
  if (!steps) return error ? <ErrorAlert error={error} title={t('onboarding.loadError')} sx={{ mb: 3 }} /> : null;
  const next = nextStep(steps);
  const doneCount = steps.filter((s) => s.done).length;

  return (
    <Card variant="outlined" component="section" aria-labelledby="onboarding-title" sx={{ mb: 3 }}>
      <CardContent>
        <Stack direction={{ xs: 'column', sm: 'row' }} justifyContent="space-between" alignItems={{ sm: 'center' }} spacing={1} sx={{ mb: 2 }}>
          <Typography variant="h6" component="h2" id="onboarding-title">
            {t('onboarding.title')}
          </Typography>
          <Typography color="text.secondary" role="status">
            {next ? t('onboarding.progress', { done: doneCount, total: steps.length }) : t('onboarding.complete')}
          </Typography>
        </Stack>
        <Box component="ol" sx={{ m: 0, p: 0, listStyle: 'none', display: 'grid', gap: 2 }}>
          {steps.map((step) => {
            const mayDo = canAccess(user.role, step.feature);
            const route = stepRoutes[step.id];
            const owner = (featurePermissions[step.feature] as readonly StaffRole[])[0];
            const titleId = `onboarding-step-${step.id}`;
            return (
              <Box
                component="li"
                key={step.id}
                aria-labelledby={titleId}
                sx={{ display: 'flex', gap: 2, borderBottom: 1, borderColor: 'divider', pb: 2, '&:last-child': { borderBottom: 0, pb: 0 } }}
              >
                <Box sx={{ pt: 0.25 }}>
                  <StepIcon step={step} />
                </Box>
                <Box sx={{ flex: 1, minWidth: 0 }}>
                  <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
                    <Typography variant="subtitle1" component="h3" id={titleId} sx={{ fontWeight: 600 }}>
                      {t('onboarding.stepNumber', { number: step.number })} {t(`onboarding.steps.${step.id}.title`)}
                    </Typography>
                    <Chip
                      size="small"
                      color={step.done ? 'success' : step.possible ? 'primary' : 'default'}
                      variant={step.done ? 'filled' : 'outlined'}
                      label={step.done ? t('onboarding.state.done') : step.possible ? t('onboarding.state.todo') : t('onboarding.state.blocked')}
                    />
                  </Stack>
                  <Typography color="text.secondary" sx={{ mt: 0.5 }}>
                    {t(`onboarding.steps.${step.id}.body`)}
                  </Typography>
                  {step.blockedReason ? (
                    <Typography variant="body2" sx={{ mt: 0.5 }}>
                      {step.blockedReason}
                    </Typography>
                  ) : null}
                  {step.note ? (
                    <Typography variant="body2" color="warning.dark" sx={{ mt: 0.5, fontWeight: 600 }}>
                      {step.note}
                    </Typography>
                  ) : null}
                  {step.id === 'ibans' && step.note && mayDo ? (
                    <Button variant="contained" size="small" sx={{ mt: 1, mr: 1 }} disabled={syncing} onClick={() => void syncIbans()}>
                      {t('onboarding.sendIbans')}
                    </Button>
                  ) : null}
                  {step.possible && mayDo && route ? (
                    <Button
                      component={RouterLink}
                      to={route}
                      variant={next?.id === step.id ? 'contained' : 'outlined'}
                      size="small"
                      sx={{ mt: 1 }}
                    >
                      {t(`onboarding.steps.${step.id}.${step.done ? 'actionDone' : 'action'}`)}
                    </Button>
                  ) : null}
                  {!mayDo ? (
                    <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5, fontStyle: 'italic' }}>
                      {t('onboarding.byRole', { role: t(`roles.${owner ?? 'ecAdmin'}`) })}
                    </Typography>
                  ) : null}
                </Box>
              </Box>
            );
          })}
        </Box>
      </CardContent>
    </Card>
  );
}
