import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StationList, StationView } from '../../../src-shared/ipc/schemas/stations';
import { stationPasswordSecret } from '../../../src-main/onboarding';
import { createTestCore, demoAdmin, demoOperator, dumpDatabase, type TestCore } from '../../support/testCore';
import { ADMIN, OPERATOR, call, registerOnNodo, stationForm } from './support';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore({ demo: true });
  await call(t, ADMIN, 'auth.signIn', demoAdmin);
  await call(t, OPERATOR, 'auth.signIn', demoOperator);
});
afterEach(() => t.close());

function auditOf(action: string): Array<{ entityId: string | null; details: Record<string, unknown> }> {
  return t.core.db
    .prepare<[string], { entity_id: string | null; details: string }>('SELECT entity_id, details FROM audit_log WHERE action = ? ORDER BY id')
    .all(action)
    .map((r) => ({ entityId: r.entity_id, details: JSON.parse(r.details) as Record<string, unknown> }));
}

describe('stations before the EC is registered on the Nodo', () => {
  it('lists nothing, says so, and refuses to create', async () => {
    // the demo EC starts registered: a newly set up EC is not, until its Referente dei Pagamenti does it
    const fresh = await createTestCore();
    try {
      const admin = { firstName: 'Giulia', lastName: 'Verdi', email: 'giulia.verdi@roccaverde.it', password: 'Roccaverde2026', passwordConfirm: 'Roccaverde2026' };
      await call(fresh, ADMIN, 'setup.complete', { ec: { name: 'Comune di Roccaverde', fiscalCode: '80215430580', segregationCode: '12' }, admin });
      const operator = { firstName: 'Marco', lastName: 'Neri', email: 'marco.neri@roccaverde.it', role: 'ecOperator', password: 'Tecnico-Roccaverde-2026', passwordConfirm: 'Tecnico-Roccaverde-2026' };
      await call(fresh, ADMIN, 'staff.create', operator);
      await call(fresh, OPERATOR, 'auth.signIn', { username: operator.email, password: operator.password });
      const list = await call<StationList>(fresh, OPERATOR, 'stations.list');
      expect(list).toMatchObject({ registered: false, nextCode: null, stations: [] });
      const result = await fresh.invoke(OPERATOR, 'stations.create', stationForm);
      expect(result).toMatchObject({ ok: false, error: { code: 'NODO_EC_NOT_REGISTERED' } });
    } finally {
      await fresh.close();
    }
  });
});

describe('stations of a registered EC', () => {
  beforeEach(() => registerOnNodo(t.core));

  it('creates <broker>_01, connects the EC station and becomes Attiva after Verifica URL', async () => {
    expect((await call<StationList>(t, OPERATOR, 'stations.list')).nextCode).toBe('80012345676_01');
    const station = await call<StationView>(t, OPERATOR, 'stations.create', stationForm);
    expect(station).toMatchObject({
      code: '80012345676_01',
      brokerFiscalCode: '80012345676',
      state: 'Attiva',
      stateReason: null,
      enabled: true,
      auxDigit: 3,
      segregationCode: '01',
      url: 'https://pagopa.comune-di-test.it:443/sportello/nodo/v2',
      passwordStored: true,
    });
    // the EC now answers the Nodo on the new code
    expect(await t.core.refreshStations()).toEqual(['80012345676_01']);
    expect((await call<StationList>(t, OPERATOR, 'stations.list')).nextCode).toBe('80012345676_02');
  });

  it('keeps the password in the vault only: not in sportello.db, not in the audit log', async () => {
    await call(t, OPERATOR, 'stations.create', stationForm);
    expect(await t.core.vault.get(stationPasswordSecret('80012345676_01'))).toBe(stationForm.password);
    expect(dumpDatabase(t.core.db)).not.toContain(stationForm.password);
    const [created] = auditOf('station.created');
    expect(created).toMatchObject({ entityId: '80012345676_01', details: { code: '80012345676_01', state: 'Attiva', segregationCode: '01' } });
    expect(JSON.stringify(created)).not.toContain(stationForm.password);
  });

  it('reports form mistakes on their fields, in Italian, and creates nothing', async () => {
    const before = dumpDatabase(t.core.db);
    const result = await t.invoke(OPERATOR, 'stations.create', {
      ...stationForm,
      connection: { protocol: 'ftp', host: '', port: 0, path: '' },
      password: 'corta',
      segregationCode: '47',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('IPC_INVALID_INPUT');
    expect(result.error.fieldErrors).toMatchObject({
      'connection.protocol': ['Protocollo: scegliere http o https.'],
      'connection.host': ['Host obbligatorio.'],
      'connection.port': ['Porta non valida: indicare un numero tra 1 e 65535.'],
      password: ['La password della stazione deve avere almeno 8 caratteri.'],
      segregationCode: ['Codice di segregazione non ammesso: usa un valore tra 00 e 45.'],
    });
    expect(dumpDatabase(t.core.db)).toBe(before);
    expect((await call<StationList>(t, OPERATOR, 'stations.list')).stations).toEqual([]);
  });

  it('refuses a segregation code another station already serves, on its field', async () => {
    await call(t, OPERATOR, 'stations.create', stationForm);
    const result = await t.invoke(OPERATOR, 'stations.create', stationForm);
    expect(result).toMatchObject({ ok: false, error: { code: 'NODO_SEGREGATION_CODE_TAKEN', fieldErrors: { segregationCode: [expect.any(String)] } } });
    const second = await call<StationView>(t, OPERATOR, 'stations.create', { ...stationForm, segregationCode: '02' });
    expect(second.code).toBe('80012345676_02');
  });

  it('marks a wrong configuration "Da correggere" with the reason, and an edit fixes it', async () => {
    const bad = await call<StationView>(t, OPERATOR, 'stations.create', {
      ...stationForm,
      connection: { ...stationForm.connection, host: 'pagopa_comune!' },
    });
    expect(bad.state).toBe('Da correggere');
    expect(bad.stateReason).toMatch(/^Host non valido/);

    const fixed = await call<StationView>(t, OPERATOR, 'stations.update', { code: bad.code, version: bad.version, connection: stationForm.connection });
    expect(fixed).toMatchObject({ state: 'Attiva', stateReason: null, url: 'https://pagopa.comune-di-test.it:443/sportello/nodo/v2' });
    expect(fixed.version).toBe(bad.version + 1);
    const [updated] = auditOf('station.updated');
    expect(updated?.details).toMatchObject({ state: 'Attiva', passwordChanged: false, previous: { state: 'Da correggere' } });

    // an edit made on a stale copy does not overwrite the newer one
    const stale = await t.invoke(OPERATOR, 'stations.update', { code: bad.code, version: bad.version, primitiveVersion: 1 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'DATA_CONFLICT' } });
  });

  it('reads one station of the EC; a code it does not own is not found', async () => {
    const station = await call<StationView>(t, OPERATOR, 'stations.create', stationForm);
    expect(await call<StationView>(t, OPERATOR, 'stations.get', { code: station.code })).toEqual(station);
    expect(await t.invoke(OPERATOR, 'stations.get', { code: '80012345676_02' })).toMatchObject({ ok: false, error: { code: 'NODO_STATION_NOT_FOUND' } });
    expect(await t.invoke(OPERATOR, 'stations.get', { code: 'non-un-codice' })).toMatchObject({
      ok: false,
      error: { code: 'IPC_INVALID_INPUT', fieldErrors: { code: ['Codice stazione non valido.'] } },
    });
  });

  it('needs primitives version 2 to be Attiva', async () => {
    const v1 = await call<StationView>(t, OPERATOR, 'stations.create', { ...stationForm, primitiveVersion: 1 });
    expect(v1).toMatchObject({ state: 'Da correggere', stateReason: expect.stringContaining('versione 2') });
  });

  it('Verifica URL runs the connection test again and records it', async () => {
    const station = await call<StationView>(t, OPERATOR, 'stations.create', stationForm);
    const verified = await call<StationView>(t, OPERATOR, 'stations.verify', { code: station.code });
    expect(verified.state).toBe('Attiva');
    expect(auditOf('station.verified')).toEqual([{ entityId: station.code, details: { state: 'Attiva' } }]);
    expect(await t.invoke(OPERATOR, 'stations.verify', { code: '80012345676_09' })).toMatchObject({ ok: false, error: { code: 'NODO_STATION_NOT_FOUND' } });
  });

  it('changing the password replaces the vault copy and says so in the audit, without the value', async () => {
    const station = await call<StationView>(t, OPERATOR, 'stations.create', stationForm);
    await call(t, OPERATOR, 'stations.update', { code: station.code, version: station.version, password: 'Nuova-Password-99' });
    expect(await t.core.vault.get(stationPasswordSecret(station.code))).toBe('Nuova-Password-99');
    const [updated] = auditOf('station.updated');
    expect(updated?.details.passwordChanged).toBe(true);
    expect(JSON.stringify(updated)).not.toContain('Nuova-Password-99');
  });

  it('disables and enables a station, filters the list by state and by enabled', async () => {
    const first = await call<StationView>(t, OPERATOR, 'stations.create', stationForm);
    await call(t, OPERATOR, 'stations.create', { ...stationForm, segregationCode: '02', connection: { ...stationForm.connection, path: 'senza-barra' } });

    const disabled = await call<StationView>(t, OPERATOR, 'stations.setEnabled', { code: first.code, enabled: false });
    expect(disabled.enabled).toBe(false);
    const onlyDisabled = await call<StationList>(t, OPERATOR, 'stations.list', { enabled: false });
    expect(onlyDisabled.stations.map((s) => s.code)).toEqual([first.code]);
    const toFix = await call<StationList>(t, OPERATOR, 'stations.list', { state: 'Da correggere' });
    expect(toFix.stations.map((s) => s.code)).toEqual(['80012345676_02']);
    expect(toFix.stations[0]?.stateReason).toMatch(/^Percorso non valido/);

    await call(t, OPERATOR, 'stations.setEnabled', { code: first.code, enabled: true });
    expect(auditOf('station.disabled').map((a) => a.entityId)).toEqual([first.code]);
    expect(auditOf('station.enabled').map((a) => a.entityId)).toEqual([first.code]);
  });
});
