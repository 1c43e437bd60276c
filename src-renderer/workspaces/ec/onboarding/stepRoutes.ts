import type { OnboardingStepId } from '../../../../src-shared/onboarding/steps';

/** Where each onboarding step is done. */
export const stepRoutes: Record<OnboardingStepId, string> = {
  registration: '/ec/registration',
  nodoApiKey: '/ec/api-keys',
  station: '/ec/stations',
  ibans: '/ec/iban',
};
