import { create } from 'zustand';
import type { OnboardingStatus, VaultStatusView } from '../../src-shared/ipc/schemas/onboarding';
import { onboardingSteps, type OnboardingStep } from '../../src-shared/onboarding/steps';
import { api, type ApiError } from '../api/client';

interface OnboardingState {
  /** null until main has answered once */
  status: OnboardingStatus | null;
  steps: OnboardingStep[] | null;
  vault: VaultStatusView | null;
  error: ApiError | null;
  /** asks main again: after sign-in, on every page change, and after each onboarding action */
  refresh(): Promise<void>;
  reset(): void;
}

/** The onboarding status main reports, shared by the side menu, the home page and the onboarding pages. */
export const useOnboarding = create<OnboardingState>()((set) => ({
  status: null,
  steps: null,
  vault: null,
  error: null,
  async refresh() {
    const [status, vault] = await Promise.all([api.invoke('onboarding.status'), api.invoke('vault.status')]);
    if (status.ok) set({ status: status.data, steps: onboardingSteps(status.data), error: null });
    else set({ error: status.error });
    if (vault.ok) set({ vault: vault.data });
  },
  reset() {
    set({ status: null, steps: null, vault: null, error: null });
  },
}));
