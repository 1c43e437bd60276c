import type { OnboardingStepId } from '../../../../src-shared/onboarding/steps';

/** Where each onboarding step is done; null while its page does not exist in this build. */
export const stepRoutes: Record<OnboardingStepId, string | null> = {
  registration: '/ec/registration',
  nodoApiKey: '/ec/api-keys',
  // part B: '/ec/stations'
  station: null,
  ibans: '/ec/iban',
};
