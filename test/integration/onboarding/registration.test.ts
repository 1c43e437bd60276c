import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OnboardingStatus, RegistrationView } from '../../../src-shared/ipc/schemas/onboarding';
import { onboardingSteps } from '../../../src-shared/onboarding/steps';
import { createTestCore, dumpDatabase, type TestCore } from '../../support/testCore';

const W = 'w-admin';
const ec = { name: 'Comune di Roccaverde', fiscalCode: '80215430580', segregationCode: '12' };
const admin = { firstName: 'Giulia', lastName: 'Verdi', email: 'giulia.verdi@roccaverde.it', password: 'Roccaverde2026', passwordConfirm: 'Roccaverde2026' };
const form = {
  address: 'Piazza Garibaldi 3',
  city: 'Roccaverde',
  province: 'pg',
  postalCode: '06100',
  fiscalDomicile: '',
  connectionType: 'direct',
  partnerFiscalCode: '',
} as const;

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore();
  const done = await t.invoke(W, 'setup.complete', { ec, admin });
  expect(done.ok).toBe(true);
});
afterEach(() => t.close());

async function call<T>(channel: string, input?: unknown): Promise<T> {
  const result = await t.invoke(W, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${JSON.stringify(result.error.fieldErrors)}`);
  return result.data as T;
}

function audit(action: string) {
  return t.core.services.audit.page({ limit: 100, action }).items;
}

describe('registration on the Nodo', () => {
  it('starts unregistered: only step 1 is possible, the others say why', async () => {
    const view = await call<RegistrationView>('registration.get');
    expect(view).toEqual({ ec: { fiscalCode: ec.fiscalCode, name: ec.name }, registration: null, connectionLocked: false });
    const status = await call<OnboardingStatus>('onboarding.status');
    expect(status).toMatchObject({ registered: false, environment: 'collaudo', nodoApiKey: { issued: false, stored: false } });
    const steps = onboardingSteps(status);
    expect(steps.map((s) => [s.id, s.done, s.possible])).toEqual([
      ['registration', false, true],
      ['nodoApiKey', false, false],
      ['station', false, false],
      ['ibans', false, false],
    ]);
    expect(steps[1]!.blockedReason).toMatch(/registra l’Ente sul Nodo/);
  });

  it.each([
    ['province', { province: 'Perugia' }, /sigla di due lettere/],
    ['postalCode', { postalCode: '6100' }, /CAP è di 5 cifre/],
    ['address', { address: '  ' }, /Indirizzo: campo obbligatorio/],
    ['partnerFiscalCode', { connectionType: 'partner', partnerFiscalCode: '' }, /partner tecnologico obbligatorio/],
    ['partnerFiscalCode', { connectionType: 'partner', partnerFiscalCode: '77777777777' }, /cifra di controllo/],
    ['partnerFiscalCode', { connectionType: 'partner', partnerFiscalCode: ec.fiscalCode }, /non può essere l’Ente stesso/],
    ['connectionType', { connectionType: 'satellite' }, /direttamente o tramite un partner/],
  ])('refuses a wrong %s with an Italian message on that field, writing nothing', async (field, patch, message) => {
    const before = dumpDatabase(t.core.db);
    const result = await t.invoke(W, 'registration.submit', { ...form, ...patch });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('IPC_INVALID_INPUT');
      expect(result.error.fieldErrors?.[field]?.join(' ')).toMatch(message);
    }
    expect(dumpDatabase(t.core.db)).toBe(before);
    expect(await t.core.nodo.getEcRegistration(ec.fiscalCode)).toBeNull();
  });

  it('registers the EC directly, audits it, and unlocks steps 2 and 4', async () => {
    const view = await call<RegistrationView>('registration.submit', form);
    expect(view.registration).toMatchObject({
      fiscalCode: ec.fiscalCode,
      name: ec.name,
      province: 'PG',
      postalCode: '06100',
      fiscalDomicile: null,
      connectionType: 'direct',
      partnerFiscalCode: null,
      brokerFiscalCode: ec.fiscalCode,
      environment: 'collaudo',
    });
    expect(await t.core.nodo.getEcRegistration(ec.fiscalCode)).toMatchObject({ city: 'Roccaverde', connection: 'direct' });
    expect(audit('nodo.registered')).toHaveLength(1);
    expect(audit('nodo.registered')[0]).toMatchObject({ entityId: ec.fiscalCode, actorName: expect.stringContaining('Giulia Verdi'), details: { province: 'PG', connectionType: 'direct' } });
    const steps = onboardingSteps(await call<OnboardingStatus>('onboarding.status'));
    expect(steps.map((s) => [s.id, s.done, s.possible])).toEqual([
      ['registration', true, true],
      ['nodoApiKey', false, true],
      ['station', false, false],
      ['ibans', false, true],
    ]);
    expect(steps[2]!.blockedReason).toMatch(/chiave API «Connessione con Nodo»/);
  });

  it('through a partner: the partner is the broker; a change is audited field by field', async () => {
    await call('registration.submit', form);
    const view = await call<RegistrationView>('registration.submit', { ...form, connectionType: 'partner', partnerFiscalCode: '00743110157', fiscalDomicile: 'Via Roma 1' });
    expect(view.registration).toMatchObject({ connectionType: 'partner', partnerFiscalCode: '00743110157', brokerFiscalCode: '00743110157', fiscalDomicile: 'Via Roma 1' });
    expect(audit('nodo.registrationUpdated')[0]!.details).toEqual({
      changes: {
        fiscalDomicile: { from: null, to: 'Via Roma 1' },
        connectionType: { from: 'direct', to: 'partner' },
        partnerFiscalCode: { from: null, to: '00743110157' },
      },
    });
    // the same form again changes nothing and records nothing
    await call('registration.submit', { ...form, connectionType: 'partner', partnerFiscalCode: '00743110157', fiscalDomicile: 'Via Roma 1' });
    expect(audit('nodo.registrationUpdated')).toHaveLength(1);
  });

  it('once the EC has a station the connection is locked: a change is refused on the connection field', async () => {
    await call('registration.submit', form);
    await t.core.nodo.createStation({
      brokerFiscalCode: ec.fiscalCode,
      ecFiscalCode: ec.fiscalCode,
      connection: { protocol: 'https', host: 'pagopa.roccaverde.it', port: 443, path: '/nodo' },
      primitiveVersion: 2,
      password: 'password-stazione',
      segregationCode: ec.segregationCode,
    });
    expect((await call<RegistrationView>('registration.get')).connectionLocked).toBe(true);
    const before = dumpDatabase(t.core.db);
    const result = await t.invoke(W, 'registration.submit', { ...form, connectionType: 'partner', partnerFiscalCode: '00743110157' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NODO_BROKER_MISMATCH', fieldErrors: { connectionType: [expect.stringMatching(/esistono già stazioni/)] } } });
    expect(dumpDatabase(t.core.db)).toBe(before);
    expect(await t.core.nodo.getEcRegistration(ec.fiscalCode)).toMatchObject({ connection: 'direct' });
    // the address can still change
    const moved = await call<RegistrationView>('registration.submit', { ...form, address: 'Piazza Garibaldi 4' });
    expect(moved.registration?.address).toBe('Piazza Garibaldi 4');
  });

  it('sends the IBANs already kept to the Nodo, then every change to them', async () => {
    await call('iban.create', { iban: 'IT60X0542811101000000123456', description: 'Tesoreria', validFrom: '2026-11-22', validTo: null });
    // not registered yet: nothing to send
    expect(audit('nodo.ibansSent')).toHaveLength(0);
    await call('registration.submit', form);
    expect(await t.core.nodo.listIbans(ec.fiscalCode)).toEqual(['IT60X0542811101000000123456']);
    expect(audit('nodo.ibansSent')[0]!.details).toEqual({ count: 1, added: ['IT60X0542811101000000123456'], removed: [] });

    const postal = await call<{ id: number }>('iban.create', { iban: 'IT57N0760114800000011050036', description: '', validFrom: '2026-11-22', validTo: null });
    expect(await t.core.nodo.listIbans(ec.fiscalCode)).toEqual(['IT57N0760114800000011050036', 'IT60X0542811101000000123456']);
    const status = await call<OnboardingStatus>('onboarding.status');
    expect(status.ibans).toEqual({ local: 2, onNodo: 2, inSync: true });
    expect(onboardingSteps(status).find((s) => s.id === 'ibans')).toMatchObject({ done: true, note: null });

    await call('iban.scheduleDeletion', { id: postal.id, date: '2026-11-22' });
    expect(await t.core.nodo.listIbans(ec.fiscalCode)).toEqual(['IT60X0542811101000000123456']);
    expect(audit('nodo.ibansSent')[0]!.details).toEqual({ count: 1, added: [], removed: ['IT57N0760114800000011050036'] });

    // a description edit leaves the Nodo's list as it is: nothing sent, nothing recorded
    const sent = audit('nodo.ibansSent').length;
    const list = await call<Array<{ id: number }>>('iban.list');
    await call('iban.update', { id: list[0]!.id, description: 'Tesoreria comunale', validFrom: '2026-11-22', validTo: null });
    expect(audit('nodo.ibansSent')).toHaveLength(sent);
  });

  it('reports a Nodo list that drifted, and "onboarding.syncIbans" puts it right', async () => {
    await call('iban.create', { iban: 'IT60X0542811101000000123456', description: 'Tesoreria', validFrom: '2026-11-22', validTo: null });
    await call('registration.submit', form);
    // someone changed the list on the Nodo's side
    await t.core.nodo.setIbans(ec.fiscalCode, []);
    const drifted = await call<OnboardingStatus>('onboarding.status');
    expect(drifted.ibans).toEqual({ local: 1, onNodo: 0, inSync: false });
    expect(onboardingSteps(drifted).find((s) => s.id === 'ibans')!.note).toMatch(/non è aggiornato/);
    const fixed = await call<OnboardingStatus>('onboarding.syncIbans');
    expect(fixed.ibans).toEqual({ local: 1, onNodo: 1, inSync: true });
  });
});

describe('the demo EC', () => {
  it('comes registered on the Nodo with its IBANs, waiting for the Nodo API key', async () => {
    const demo = await createTestCore({ demo: true });
    try {
      expect(await demo.core.nodo.getEcRegistration('80012345676')).toMatchObject({ connection: 'direct', province: 'RM' });
      expect(await demo.core.nodo.listIbans('80012345676')).toHaveLength(2);
      const status = await demo.core.onboarding.status.status();
      expect(onboardingSteps(status).map((s) => s.done)).toEqual([true, false, false, true]);
    } finally {
      await demo.close();
    }
  });
});
