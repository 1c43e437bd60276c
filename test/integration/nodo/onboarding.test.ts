import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiProducts } from '../../../src-main/nodo/nodoClient';
import { dumpNodo } from './support/dump';
import { censimento, createHarness, EC, SECONDARY_EC, stationInput, type Harness } from './support/harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ onboard: false });
});
afterEach(() => h.close());

const PARTNER = '01234567897';

describe('EC registration (censimento)', () => {
  it('registers an EC connected directly, in collaudo, and reads it back', async () => {
    const reg = await h.nodo.registerEc({ ...censimento, province: 'rm', fiscalDomicile: 'Via delle Tasse 2, Roma' });
    expect(reg).toMatchObject({
      fiscalCode: EC,
      province: 'RM',
      connection: 'direct',
      brokerFiscalCode: EC,
      environment: 'collaudo',
      status: 'registered',
      onboarding: { registered: true, nodoApiKey: false, activeStation: false, ibans: 0 },
    });
    expect(await h.nodo.getEcRegistration(EC)).toEqual(reg);
    expect(await h.nodo.getEcRegistration(SECONDARY_EC)).toBeNull();
  });

  it('registers through a technology partner, who becomes the broker', async () => {
    const reg = await h.nodo.registerEc({ ...censimento, connection: { partnerFiscalCode: PARTNER } });
    expect(reg).toMatchObject({ connection: { partnerFiscalCode: PARTNER }, brokerFiscalCode: PARTNER });
  });

  it('validates fiscal codes, CAP and province with Italian messages, writing nothing', async () => {
    const before = dumpNodo(h.nodo.db);
    await expect(h.nodo.registerEc({ ...censimento, fiscalCode: '77777777777' })).rejects.toMatchObject({
      code: 'IPC_INVALID_INPUT',
      fieldErrors: { fiscalCode: [expect.stringMatching(/cifra di controllo/)] },
    });
    await expect(h.nodo.registerEc({ ...censimento, postalCode: '0010', province: 'Roma' })).rejects.toMatchObject({
      fieldErrors: { postalCode: ['Il CAP è di 5 cifre.'], province: [expect.stringMatching(/due lettere/)] },
    });
    await expect(h.nodo.registerEc({ ...censimento, connection: { partnerFiscalCode: EC } })).rejects.toMatchObject({
      fieldErrors: { 'connection.partnerFiscalCode': [expect.stringMatching(/collegamento diretto/)] },
    });
    expect(dumpNodo(h.nodo.db)).toBe(before);
  });

  it('goes to esercizio only with the Nodo API key and an active station', async () => {
    await h.nodo.registerEc(censimento);
    await expect(h.nodo.setEnvironment(EC, 'esercizio')).rejects.toMatchObject({ code: 'NODO_ONBOARDING_INCOMPLETE' });
    await h.nodo.issueApiKeys(EC, 'nodauth');
    h.nodo.connectStation(`${EC}_01`, h.ec);
    await h.nodo.createStation(stationInput);
    const reg = await h.nodo.setEnvironment(EC, 'esercizio');
    expect(reg).toMatchObject({ environment: 'esercizio', onboarding: { nodoApiKey: true, activeStation: true } });
    await expect(h.nodo.setEnvironment(SECONDARY_EC, 'collaudo')).rejects.toMatchObject({ code: 'NODO_EC_NOT_REGISTERED' });
  });

  it('keeps the IBAN list normalised and refuses invalid ones', async () => {
    await h.nodo.registerEc(censimento);
    expect(await h.nodo.setIbans(EC, ['it60 x054 2811 1010 0000 0123 456', 'IT57N0760114800000011050036', 'IT60X0542811101000000123456'])).toEqual([
      'IT57N0760114800000011050036',
      'IT60X0542811101000000123456',
    ]);
    await expect(h.nodo.setIbans(EC, ['IT02L1234512345123456789012'])).rejects.toMatchObject({ fieldErrors: { 'ibans.0': [expect.any(String)] } });
    expect((await h.nodo.getEcRegistration(EC))?.onboarding.ibans).toBe(2);
  });
});

describe('stations', () => {
  beforeEach(async () => {
    await h.nodo.registerEc(censimento);
  });

  it('creates <broker>_01 "In revisione", then the connection test makes it Attiva', async () => {
    h.nodo.connectStation(`${EC}_01`, h.ec);
    const st = await h.nodo.createStation(stationInput);
    expect(st).toMatchObject({
      code: `${EC}_01`,
      brokerFiscalCode: EC,
      enabled: true,
      version: 1,
      primitiveVersion: 2,
      state: 'Attiva',
      stateReason: null,
      verifiedAt: '2026-11-22T09:00:00.000Z',
      timeouts: { verifyMs: 15_000, getPaymentMs: 15_000, sendReceiptMs: 15_000 },
      ecs: [{ ecFiscalCode: EC, auxDigit: 3, segregationCode: '01', broadcast: false }],
    });
    // the probe was a verify of a notice that cannot exist
    expect(h.ec.calls.verify).toBe(1);
    expect(JSON.stringify(h.nodo.db.prepare('SELECT * FROM station').all())).not.toContain('Stazione2026!');
  });

  it('marks it "Da correggere" with the reason when nothing listens, and Attiva after Verifica URL', async () => {
    const st = await h.nodo.createStation(stationInput);
    expect(st).toMatchObject({ state: 'Da correggere', stateReason: expect.stringMatching(/non è in ascolto/) });
    h.nodo.connectStation(st.code, h.ec);
    expect(await h.nodo.verifyStation(st.code)).toMatchObject({ state: 'Attiva', stateReason: null });
  });

  it('applies the configuration rules deterministically', async () => {
    h.nodo.connectStation(`${EC}_01`, h.ec);
    const bad = await h.nodo.createStation({ ...stationInput, connection: { ...stationInput.connection, path: 'sanp' } });
    expect(bad).toMatchObject({ state: 'Da correggere', stateReason: expect.stringMatching(/^Percorso non valido/) });
    expect(h.ec.calls.verify).toBe(0);
    const fixed = await h.nodo.updateStation(bad.code, { connection: { ...stationInput.connection, path: '/sanp' } });
    expect(fixed).toMatchObject({ state: 'Attiva', version: 2 });
    const v1 = await h.nodo.updateStation(bad.code, { primitiveVersion: 1 });
    expect(v1).toMatchObject({ state: 'Da correggere', version: 3, stateReason: expect.stringMatching(/versione 2/) });
  });

  it('changes only the timeouts named in an update', async () => {
    const st = await h.nodo.createStation({ ...stationInput, timeouts: { verifyMs: 5_000, getPaymentMs: 6_000, sendReceiptMs: 7_000 } });
    const updated = await h.nodo.updateStation(st.code, { timeouts: { getPaymentMs: 9_000 } });
    expect(updated.timeouts).toEqual({ verifyMs: 5_000, getPaymentMs: 9_000, sendReceiptMs: 7_000 });
    expect((await h.nodo.updateStation(st.code, { flagStandIn: true })).timeouts).toEqual(updated.timeouts);
  });

  it('numbers stations per broker, reusing nothing taken, and refuses a segregation code twice', async () => {
    const a = await h.nodo.createStation(stationInput);
    const b = await h.nodo.createStation({ ...stationInput, segregationCode: '02' });
    expect([a.code, b.code]).toEqual([`${EC}_01`, `${EC}_02`]);
    await expect(h.nodo.createStation(stationInput)).rejects.toMatchObject({ code: 'NODO_SEGREGATION_CODE_TAKEN', fieldErrors: { segregationCode: expect.any(Array) } });
  });

  it('checks the broker and the EC', async () => {
    await expect(h.nodo.createStation({ ...stationInput, brokerFiscalCode: PARTNER })).rejects.toMatchObject({ code: 'NODO_BROKER_MISMATCH' });
    await expect(h.nodo.createStation({ ...stationInput, ecFiscalCode: SECONDARY_EC, brokerFiscalCode: SECONDARY_EC })).rejects.toMatchObject({
      code: 'NODO_EC_NOT_REGISTERED',
    });
    await expect(h.nodo.createStation({ ...stationInput, password: 'corta' })).rejects.toMatchObject({ fieldErrors: { password: expect.any(Array) } });
  });

  it('disables and lists stations with filters; a disabled station gets no payments', async () => {
    h.nodo.connectStation(`${EC}_01`, h.ec);
    await h.nodo.createStation(stationInput);
    await h.nodo.createStation({ ...stationInput, segregationCode: '02' });
    expect((await h.nodo.listStations({ ecFiscalCode: EC })).map((s) => s.code)).toEqual([`${EC}_01`, `${EC}_02`]);
    expect((await h.nodo.listStations({ state: 'Attiva' })).map((s) => s.code)).toEqual([`${EC}_01`]);
    const off = await h.nodo.setStationEnabled(`${EC}_01`, false);
    expect(off).toMatchObject({ enabled: false, version: 2 });
    expect(await h.nodo.listStations({ enabled: true })).toHaveLength(1);
    expect(await h.nodo.listStations({ brokerFiscalCode: PARTNER })).toEqual([]);
    await expect(h.nodo.setStationEnabled(`${EC}_09`, true)).rejects.toMatchObject({ code: 'NODO_STATION_NOT_FOUND' });
  });

  it('requires https in esercizio', async () => {
    await h.nodo.issueApiKeys(EC, 'nodauth');
    h.nodo.connectStation(`${EC}_01`, h.ec);
    await h.nodo.createStation(stationInput);
    await h.nodo.setEnvironment(EC, 'esercizio');
    const st = await h.nodo.updateStation(`${EC}_01`, { connection: { ...stationInput.connection, protocol: 'http', port: 80 } });
    expect(st).toMatchObject({ state: 'Da correggere', stateReason: expect.stringMatching(/HTTPS/) });
  });
});

describe('API keys', () => {
  beforeEach(async () => {
    await h.nodo.registerEc(censimento);
  });

  it('issues a primary and a secondary key per product, stored only as hashes', async () => {
    const pair = await h.nodo.issueApiKeys(EC, 'gpd');
    expect(pair.primary).toMatch(/^[0-9a-f]{32}$/);
    expect(pair.secondary).toMatch(/^[0-9a-f]{32}$/);
    expect(pair.primary).not.toBe(pair.secondary);
    const stored = JSON.stringify(h.nodo.db.prepare('SELECT * FROM api_key').all());
    expect(stored).not.toContain(pair.primary);
    expect(stored).not.toContain(pair.secondary);
    expect(await h.nodo.authenticate(pair.primary, 'gpd')).toEqual({ ecFiscalCode: EC, product: 'gpd', slot: 'primary' });
    expect(await h.nodo.authenticate(pair.secondary, 'gpd')).toEqual({ ecFiscalCode: EC, product: 'gpd', slot: 'secondary' });
    // a key works only for its product
    expect(await h.nodo.authenticate(pair.primary, 'nodauth')).toBeNull();
    expect(await h.nodo.authenticate('0'.repeat(32), 'gpd')).toBeNull();
    await expect(h.nodo.issueApiKeys(EC, 'gpd')).rejects.toMatchObject({ code: 'NODO_API_KEYS_ALREADY_ISSUED' });
  });

  it('regenerates one key: the old one stops working at once, the other keeps working', async () => {
    const pair = await h.nodo.issueApiKeys(EC, 'nodauth');
    const { key } = await h.nodo.regenerateApiKey(EC, 'nodauth', 'primary');
    expect(await h.nodo.authenticate(pair.primary, 'nodauth')).toBeNull();
    expect(await h.nodo.authenticate(key, 'nodauth')).toMatchObject({ slot: 'primary' });
    expect(await h.nodo.authenticate(pair.secondary, 'nodauth')).toMatchObject({ slot: 'secondary' });
    await expect(h.nodo.regenerateApiKey(EC, 'biz', 'primary')).rejects.toMatchObject({ code: 'NODO_API_KEYS_NOT_ISSUED' });
  });

  it('lists the products with keys, every product of DOMAIN.md allowed', async () => {
    for (const p of apiProducts) await h.nodo.issueApiKeys(EC, p);
    const list = await h.nodo.listApiKeys(EC);
    expect(list.map((k) => k.product)).toEqual([...apiProducts]);
    expect(list[0]).toEqual({ product: 'nodauth', label: 'Connessione con Nodo', primaryCreatedAt: '2026-11-22T09:00:00.000Z', secondaryCreatedAt: '2026-11-22T09:00:00.000Z' });
    await expect(h.nodo.issueApiKeys(EC, 'xyz' as never)).rejects.toMatchObject({ code: 'IPC_INVALID_INPUT' });
    await expect(h.nodo.issueApiKeys(SECONDARY_EC, 'gpd')).rejects.toMatchObject({ code: 'NODO_EC_NOT_REGISTERED' });
  });
});
