import { describe, expect, it } from 'vitest';
import type { OnboardingStatus } from '../../../src-shared/ipc/schemas/onboarding';
import { nextStep, onboardingSteps, stepGate } from '../../../src-shared/onboarding/steps';
import { apiProductLabels, apiProducts } from '../../../src-shared/onboarding/apiProducts';

const fresh: OnboardingStatus = {
  registered: false,
  environment: 'collaudo',
  nodoApiKey: { issued: false, stored: false },
  stations: { total: 0, active: 0, inReview: 0, toFix: 0 },
  ibans: { local: 0, onNodo: 0, inSync: false },
};
const with_ = (patch: Partial<OnboardingStatus>): OnboardingStatus => ({ ...fresh, ...patch });

describe('onboarding steps', () => {
  it('come in pagoPA’s order, each with the feature of the role that does it', () => {
    expect(onboardingSteps(fresh).map((s) => [s.number, s.id, s.feature])).toEqual([
      [1, 'registration', 'nodoRegistration'],
      [2, 'nodoApiKey', 'apiKeys'],
      [3, 'station', 'stations'],
      [4, 'ibans', 'iban'],
    ]);
  });

  it('before the registration only step 1 is possible; the others give the reason in Italian', () => {
    const steps = onboardingSteps(fresh);
    expect(steps.map((s) => s.possible)).toEqual([true, false, false, false]);
    for (const s of steps.slice(1)) expect(s.blockedReason).toBe('Prima registra l’Ente sul Nodo dei Pagamenti (passo 1).');
    expect(nextStep(steps)?.id).toBe('registration');
  });

  it('a station needs the Nodo API key', () => {
    const registered = with_({ registered: true, ibans: { local: 0, onNodo: 0, inSync: true } });
    expect(stepGate(registered, 'station')).toEqual({ possible: false, reason: 'Prima genera la chiave API «Connessione con Nodo» (passo 2).' });
    expect(stepGate(registered, 'ibans')).toEqual({ possible: true, reason: null });
    expect(stepGate({ ...registered, nodoApiKey: { issued: true, stored: true } }, 'station')).toEqual({ possible: true, reason: null });
  });

  it('the station step is done only with an active station, and says why not otherwise', () => {
    const base = with_({ registered: true, nodoApiKey: { issued: true, stored: true } });
    const inReview = onboardingSteps({ ...base, stations: { total: 1, active: 0, inReview: 1, toFix: 0 } })[2]!;
    expect(inReview).toMatchObject({ done: false, possible: true, note: expect.stringMatching(/In revisione/) });
    const toFix = onboardingSteps({ ...base, stations: { total: 1, active: 0, inReview: 0, toFix: 1 } })[2]!;
    expect(toFix.note).toMatch(/Da correggere/);
    expect(onboardingSteps({ ...base, stations: { total: 2, active: 1, inReview: 0, toFix: 1 } })[2]).toMatchObject({ done: true, note: null });
  });

  it('IBANs are done once the Nodo holds exactly the EC’s list', () => {
    const base = with_({ registered: true });
    expect(onboardingSteps({ ...base, ibans: { local: 0, onNodo: 0, inSync: true } })[3]!.done).toBe(false);
    expect(onboardingSteps({ ...base, ibans: { local: 2, onNodo: 2, inSync: true } })[3]).toMatchObject({ done: true, note: null });
    expect(onboardingSteps({ ...base, ibans: { local: 3, onNodo: 2, inSync: false } })[3]).toMatchObject({ done: false, note: expect.stringMatching(/invialo/) });
  });

  it('a key on the Nodo but missing from the vault counts as generated, with a note to regenerate it', () => {
    const step = onboardingSteps(with_({ registered: true, nodoApiKey: { issued: true, stored: false } }))[1]!;
    expect(step).toMatchObject({ done: true, note: expect.stringMatching(/rigenerala/) });
  });

  it('nothing left: no next step', () => {
    const done = with_({
      registered: true,
      nodoApiKey: { issued: true, stored: true },
      stations: { total: 1, active: 1, inReview: 0, toFix: 0 },
      ibans: { local: 1, onNodo: 1, inSync: true },
    });
    expect(nextStep(onboardingSteps(done))).toBeNull();
  });
});

describe('API products', () => {
  it('every product of DOMAIN.md has its label, as pagoPA names it', () => {
    expect(apiProducts).toEqual(['nodauth', 'gpd', 'gpdrep', 'gpdpay', 'biz', 'fdrorg', 'printnotice', 'aca', 'mbd']);
    for (const product of apiProducts) expect(apiProductLabels[product]).toMatch(/\S/);
    expect(apiProductLabels.nodauth).toBe('Connessione con Nodo');
  });
});
