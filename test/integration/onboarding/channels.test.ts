import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channels, type ChannelName } from '../../../src-shared/ipc/contract';
import { canAccess } from '../../../src-shared/auth/permissions';
import { createTestCore, demoAdmin, demoOperator, dumpDatabase, type TestCore } from '../../support/testCore';

const ADMIN = 'w-admin';
const OPERATOR = 'w-operator';
const ANON = 'w-anon';

/** Part A's channels, each with a valid input, and which role may call it. */
const partA: Array<{ channel: ChannelName; input: unknown; allowed: 'ecAdmin' | 'ecOperator' | 'both' }> = [
  { channel: 'onboarding.status', input: undefined, allowed: 'both' },
  { channel: 'vault.status', input: undefined, allowed: 'both' },
  { channel: 'registration.get', input: undefined, allowed: 'ecAdmin' },
  {
    channel: 'registration.submit',
    input: { address: 'Piazza del Municipio 1', city: 'Test', province: 'RM', postalCode: '00100', connectionType: 'direct' },
    allowed: 'ecAdmin',
  },
  { channel: 'onboarding.syncIbans', input: undefined, allowed: 'ecAdmin' },
  { channel: 'vault.reset', input: { confirm: true }, allowed: 'ecAdmin' },
  { channel: 'audit.export', input: {}, allowed: 'ecAdmin' },
  { channel: 'apiKeys.list', input: undefined, allowed: 'ecOperator' },
  { channel: 'apiKeys.generate', input: { product: 'nodauth' }, allowed: 'ecOperator' },
  { channel: 'apiKeys.regenerate', input: { product: 'nodauth', slot: 'primary' }, allowed: 'ecOperator' },
  { channel: 'apiKeys.reveal', input: { product: 'nodauth', slot: 'primary', purpose: 'show' }, allowed: 'ecOperator' },
];

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore({ demo: true });
  expect((await t.invoke(ADMIN, 'auth.signIn', demoAdmin)).ok).toBe(true);
  expect((await t.invoke(OPERATOR, 'auth.signIn', demoOperator)).ok).toBe(true);
});
afterEach(() => t.close());

async function expectRefused(windowId: string, channel: string, input: unknown, code: string) {
  const db = dumpDatabase(t.core.db);
  const nodo = JSON.stringify([await t.core.nodo.getEcRegistration('80012345676'), await t.core.nodo.listApiKeys('80012345676')]);
  const secrets = t.core.vault.list().length;
  const result = await t.invoke(windowId, channel, input);
  expect(result, `${channel} da ${windowId}`).toMatchObject({ ok: false, error: { code } });
  expect(dumpDatabase(t.core.db)).toBe(db);
  expect(JSON.stringify([await t.core.nodo.getEcRegistration('80012345676'), await t.core.nodo.listApiKeys('80012345676')])).toBe(nodo);
  expect(t.core.vault.list()).toHaveLength(secrets);
}

describe('onboarding channels (part A): permissions', () => {
  it('are all in the contract with the permission the map gives them', () => {
    for (const { channel, allowed } of partA) {
      const permission = channels[channel].permission;
      if (allowed === 'both') expect(permission).toBe('signedIn');
      else {
        expect(permission).not.toBe('signedIn');
        expect(permission).not.toBe('public');
        if (typeof permission === 'string' && permission !== 'public' && permission !== 'signedIn' && permission !== 'payer') {
          expect(canAccess(allowed, permission)).toBe(true);
          expect(canAccess(allowed === 'ecAdmin' ? 'ecOperator' : 'ecAdmin', permission)).toBe(false);
        }
      }
    }
  });

  it.each(partA)('$channel refuses a signed-out caller and changes nothing', async ({ channel, input }) => {
    await expectRefused(ANON, channel, input, 'AUTH_REQUIRED');
  });

  it.each(partA.filter((c) => c.allowed !== 'both'))('$channel refuses the role without the permission and changes nothing', async ({ channel, input, allowed }) => {
    await expectRefused(allowed === 'ecAdmin' ? OPERATOR : ADMIN, channel, input, 'AUTH_FORBIDDEN');
  });

  it('a Referente Tecnico never gets a key through a channel of the Referente dei Pagamenti, nor the reverse', async () => {
    expect((await t.invoke(OPERATOR, 'apiKeys.generate', { product: 'nodauth' })).ok).toBe(true);
    await expectRefused(ADMIN, 'apiKeys.reveal', { product: 'nodauth', slot: 'primary', purpose: 'copy' }, 'AUTH_FORBIDDEN');
    await expectRefused(ADMIN, 'apiKeys.regenerate', { product: 'nodauth', slot: 'secondary' }, 'AUTH_FORBIDDEN');
  });
});

describe('audit export', () => {
  it('exports the filtered log as CSV and records the export', async () => {
    await t.invoke(ADMIN, 'iban.create', { iban: 'IT17L0200801600000012345678', description: 'Conto; "TARI"', validFrom: '2026-11-22', validTo: null });
    type Export = { fileName: string; csv: string; rows: number };
    const allResult = await t.invoke(ADMIN, 'audit.export', {});
    const filteredResult = await t.invoke(ADMIN, 'audit.export', { action: 'iban.created' });
    if (!allResult.ok || !filteredResult.ok) throw new Error('audit.export');
    const all = { data: allResult.data as Export };
    const filtered = { data: filteredResult.data as Export };
    expect(filtered.data.rows).toBe(3);
    expect(filtered.data.fileName).toMatch(/^registro-attivita-80012345676-iban_created-20261122-0900\.csv$/);
    const lines = filtered.data.csv.split('\r\n');
    expect(lines[0]!.startsWith('\uFEFFData e ora')).toBe(true);
    expect(lines[1]).toContain('IT17L0200801600000012345678');
    expect(lines[1]).toContain('""Conto; \\""TARI\\""""');
    expect(lines.slice(1, 4).every((l) => l.includes(';iban.created;'))).toBe(true);
    expect(all.data.rows).toBeGreaterThan(filtered.data.rows);
    expect(t.core.services.audit.page({ limit: 10, action: 'audit.exported' }).items[0]!.details).toEqual({ rows: 3, action: 'iban.created' });
  });
});
