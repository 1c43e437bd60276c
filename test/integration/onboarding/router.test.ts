import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, demoAdmin, demoOperator, dumpDatabase, type TestCore } from '../../support/testCore';
import { ADMIN, OPERATOR, call, registerOnNodo, stationForm } from './support';

let t: TestCore;
const ANON = 'w-anon';
beforeEach(async () => {
  t = await createTestCore({ demo: true });
  await call(t, ADMIN, 'auth.signIn', demoAdmin);
  await call(t, OPERATOR, 'auth.signIn', demoOperator);
  await registerOnNodo(t.core);
});
afterEach(() => t.close());

/** Valid input for each channel of this feature, so a refusal can only come from the permission. */
const operatorChannels: Array<[string, unknown]> = [
  ['stations.list', undefined],
  ['stations.get', { code: '80012345676_01' }],
  ['stations.create', stationForm],
  ['stations.update', { code: '80012345676_01', version: 1, primitiveVersion: 2 }],
  ['stations.verify', { code: '80012345676_01' }],
  ['stations.setEnabled', { code: '80012345676_01', enabled: false }],
  ['testActivities.run', undefined],
  ['testActivities.list', undefined],
  ['testActivities.get', { id: 1 }],
  ['testActivities.report', { id: 1 }],
];
const adminChannels: Array<[string, unknown]> = [
  ['environment.status', undefined],
  ['environment.set', { environment: 'esercizio' }],
];

async function expectRefused(windowId: string, channel: string, input: unknown, code: string): Promise<void> {
  const before = dumpDatabase(t.core.db);
  const stationsBefore = JSON.stringify(await t.core.nodo.listStations({}));
  const result = await t.invoke(windowId, channel, input);
  expect(result, channel).toMatchObject({ ok: false, error: { code } });
  expect(dumpDatabase(t.core.db), channel).toBe(before);
  expect(JSON.stringify(await t.core.nodo.listStations({})), channel).toBe(stationsBefore);
}

describe('router: onboarding channels (stations, test activities, esercizio)', () => {
  it('refuses the Referente dei Pagamenti on stations and test activities', async () => {
    for (const [channel, input] of operatorChannels) await expectRefused(ADMIN, channel, input, 'AUTH_FORBIDDEN');
  });

  it('refuses the Referente Tecnico on the switch to esercizio', async () => {
    for (const [channel, input] of adminChannels) await expectRefused(OPERATOR, channel, input, 'AUTH_FORBIDDEN');
    expect(t.core.ecProfile.get()?.environment).toBe('collaudo');
  });

  it('refuses a signed-out caller on every one of them', async () => {
    for (const [channel, input] of [...operatorChannels, ...adminChannels]) await expectRefused(ANON, channel, input, 'AUTH_REQUIRED');
  });

  it('refuses a signed-out caller even after the station exists', async () => {
    await call(t, OPERATOR, 'stations.create', stationForm);
    await expectRefused(ANON, 'stations.setEnabled', { code: '80012345676_01', enabled: false }, 'AUTH_REQUIRED');
    await call(t, OPERATOR, 'auth.signOut');
    await expectRefused(OPERATOR, 'stations.setEnabled', { code: '80012345676_01', enabled: false }, 'AUTH_REQUIRED');
    await expectRefused(OPERATOR, 'testActivities.run', undefined, 'AUTH_REQUIRED');
  });
});
