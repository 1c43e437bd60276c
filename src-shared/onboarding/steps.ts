import type { Feature } from '../auth/permissions';
import type { OnboardingStatus } from '../ipc/schemas/onboarding';

/**
 * The guided onboarding of an EC, in the order of pagoPA's own back office: register on the Nodo,
 * generate the Nodo API key, create a station, register the IBANs. Pure rules over the status main
 * reports: the home page lists the steps, the side menu disables what is not possible yet.
 */
export const onboardingStepIds = ['registration', 'nodoApiKey', 'station', 'ibans'] as const;
export type OnboardingStepId = (typeof onboardingStepIds)[number];

/** Who does each step (the permission map decides which roles have the feature). */
export const stepFeatures: Record<OnboardingStepId, Feature> = {
  registration: 'nodoRegistration',
  nodoApiKey: 'apiKeys',
  station: 'stations',
  ibans: 'iban',
};

export interface OnboardingStep {
  id: OnboardingStepId;
  /** 1-based position in pagoPA's order */
  number: number;
  feature: Feature;
  done: boolean;
  possible: boolean;
  /** Italian: why the step cannot be done yet (null when possible) */
  blockedReason: string | null;
  /** Italian: something about the step that needs attention even when possible or done */
  note: string | null;
}

export const stepReasons = {
  notRegistered: 'Prima registra l’Ente sul Nodo dei Pagamenti (passo 1).',
  noNodoApiKey: 'Prima genera la chiave API «Connessione con Nodo» (passo 2).',
} as const;

function stationNote(s: OnboardingStatus['stations']): string | null {
  if (s.active > 0) return null;
  if (s.toFix > 0) return 'La stazione è «Da correggere»: verifica la connessione e correggi la configurazione.';
  if (s.inReview > 0) return 'La stazione è «In revisione»: diventa attiva quando la verifica della connessione riesce.';
  return null;
}

/** Every step with whether it is done and whether it can be done now (and why not). */
export function onboardingSteps(status: OnboardingStatus): OnboardingStep[] {
  const registered = status.registered;
  const keyIssued = registered && status.nodoApiKey.issued;
  const steps: Array<Omit<OnboardingStep, 'number' | 'feature'>> = [
    { id: 'registration', done: registered, possible: true, blockedReason: null, note: null },
    {
      id: 'nodoApiKey',
      done: keyIssued,
      possible: registered,
      blockedReason: registered ? null : stepReasons.notRegistered,
      note:
        keyIssued && !status.nodoApiKey.stored
          ? 'La chiave è registrata sul Nodo ma non è più nell’archivio delle credenziali di Sportello: rigenerala.'
          : null,
    },
    {
      id: 'station',
      done: registered && status.stations.active > 0,
      possible: keyIssued,
      blockedReason: !registered ? stepReasons.notRegistered : keyIssued ? null : stepReasons.noNodoApiKey,
      note: registered ? stationNote(status.stations) : null,
    },
    {
      id: 'ibans',
      done: registered && status.ibans.onNodo > 0 && status.ibans.inSync,
      possible: registered,
      blockedReason: registered ? null : stepReasons.notRegistered,
      note:
        registered && !status.ibans.inSync
          ? 'L’elenco degli IBAN sul Nodo non è aggiornato: invialo di nuovo.'
          : null,
    },
  ];
  return steps.map((s, i) => ({ ...s, number: i + 1, feature: stepFeatures[s.id] }));
}

/** Whether a step can be done now, and the Italian reason when not: what a menu entry needs. */
export function stepGate(status: OnboardingStatus, id: OnboardingStepId): { possible: boolean; reason: string | null } {
  const step = onboardingSteps(status).find((s) => s.id === id)!;
  return { possible: step.possible, reason: step.blockedReason };
}

/** The first step not done yet, or null when the onboarding is complete. */
export function nextStep(steps: readonly OnboardingStep[]): OnboardingStep | null {
  return steps.find((s) => !s.done) ?? null;
}
