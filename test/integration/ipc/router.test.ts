import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channels, grantsOf } from '../../../src-shared/ipc/contract';
import { featurePermissions } from '../../../src-shared/auth/permissions';
import { createTestCore, demoAdmin, demoOperator, dumpDatabase, type TestCore } from '../../support/testCore';

let t: TestCore;
const ADMIN = 'w-admin';
const OPERATOR = 'w-operator';
const ANON = 'w-anon';

beforeEach(async () => {
  t = await createTestCore({ demo: true });
  expect((await t.invoke(ADMIN, 'auth.signIn', demoAdmin)).ok).toBe(true);
  expect((await t.invoke(OPERATOR, 'auth.signIn', demoOperator)).ok).toBe(true);
});
afterEach(() => t.close());

const validIban = { iban: 'IT88 R030 6909 6061 0000 0063 419', description: 'Nuovo conto', validFrom: '2026-11-22', validTo: null };

/** Calls the router and asserts that it refused with `code` and that the database did not change. */
async function expectRefusedWithoutWrites(windowId: string, channel: unknown, input: unknown, code: string) {
  const before = dumpDatabase(t.core.db);
  const result = await t.invoke(windowId, channel, input);
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.error.code).toBe(code);
    expect(result.error.message.length).toBeGreaterThan(0);
  }
  expect(dumpDatabase(t.core.db)).toBe(before);
  return result;
}

describe('router: channels and sessions', () => {
  it('serves a valid call and returns typed data', async () => {
    const result = await t.invoke(ADMIN, 'iban.create', validIban);
    expect(result).toMatchObject({ ok: true, data: { iban: 'IT88R0306909606100000063419', isPostal: false, status: 'active' } });
  });

  it.each([['no.such.channel'], [''], [42], [null], [undefined], [{ channel: 'iban.list' }], ['__proto__'], ['constructor'], ['toString']])(
    'refuses the unknown channel %j with a typed error',
    async (channel) => {
      await expectRefusedWithoutWrites(ADMIN, channel, {}, 'IPC_UNKNOWN_CHANNEL');
    },
  );

  it('refuses every non-public channel without a session', async () => {
    for (const [name, def] of Object.entries(channels)) {
      if (def.permission === 'public') continue;
      await expectRefusedWithoutWrites(ANON, name, undefined, 'AUTH_REQUIRED');
    }
  });

  it('refuses every feature channel to a role the permission map does not list', async () => {
    const windows = { ecAdmin: ADMIN, ecOperator: OPERATOR } as const;
    let refusals = 0;
    for (const [name, def] of Object.entries(channels)) {
      const grants = grantsOf(def.permission);
      if (grants.length === 0 || grants.includes('signedIn')) continue;
      for (const role of ['ecAdmin', 'ecOperator'] as const) {
        // payer-only channels are refused to every staff role
        if (grants.some((g) => g !== 'payer' && g !== 'signedIn' && (featurePermissions[g] as readonly string[]).includes(role))) continue;
        await expectRefusedWithoutWrites(windows[role], name, validIban, 'AUTH_FORBIDDEN');
        refusals++;
      }
    }
    expect(refusals).toBeGreaterThan(5);
  });

  it('a Referente Tecnico cannot read or change the IBAN list', async () => {
    await expectRefusedWithoutWrites(OPERATOR, 'iban.list', undefined, 'AUTH_FORBIDDEN');
    await expectRefusedWithoutWrites(OPERATOR, 'iban.create', validIban, 'AUTH_FORBIDDEN');
    await expectRefusedWithoutWrites(OPERATOR, 'staff.create', {}, 'AUTH_FORBIDDEN');
  });

  it('expires an idle session, tells the window, and refuses the call', async () => {
    t.clock.advance(15 * 60_000);
    await expectRefusedWithoutWrites(ADMIN, 'iban.create', validIban, 'AUTH_SESSION_EXPIRED');
    expect(t.events).toContainEqual({ windowId: ADMIN, event: 'session.expired', payload: { reason: 'idle' } });
    // later calls still say why (the event may have been missed), and the event is not repeated
    await expectRefusedWithoutWrites(ADMIN, 'iban.list', undefined, 'AUTH_SESSION_EXPIRED');
    expect(t.events.filter((e) => e.windowId === ADMIN)).toHaveLength(1);
    expect((await t.invoke(ADMIN, 'auth.signIn', demoAdmin)).ok).toBe(true);
    expect((await t.invoke(ADMIN, 'iban.list')).ok).toBe(true);
  });

  it('keeps a session alive while it is used', async () => {
    for (let i = 0; i < 4; i++) {
      t.clock.advance(10 * 60_000);
      expect((await t.invoke(ADMIN, 'iban.list')).ok).toBe(true);
    }
  });

  it('ends the session of a window on sign-out only', async () => {
    expect((await t.invoke(ADMIN, 'auth.signOut')).ok).toBe(true);
    await expectRefusedWithoutWrites(ADMIN, 'iban.list', undefined, 'AUTH_REQUIRED');
    expect((await t.invoke(OPERATOR, 'auth.keepAlive')).ok).toBe(true);
  });

  it('never returns credential fields', async () => {
    const result = await t.invoke(ADMIN, 'staff.list');
    expect(result.ok).toBe(true);
    const text = JSON.stringify(result);
    expect(text).not.toMatch(/passwordHash|password_hash|scrypt\$|failedAttempts/);
  });
});

describe('router: hostile payloads change nothing', () => {
  const hostile: Array<[string, unknown]> = [
    ['null', null],
    ['a string', 'IT60X0542811101000000123456'],
    ['an array', [validIban]],
    ['a number', 7],
    ['wrong field types', { iban: 123, description: ['x'], validFrom: 20261122, validTo: false }],
    ['a missing field', { description: 'x', validFrom: '2026-11-22', validTo: null }],
    ['a huge string', { ...validIban, description: 'x'.repeat(5_000_000) }],
    ['a huge IBAN', { ...validIban, iban: 'IT'.repeat(1_000_000) }],
    ['an impossible date', { ...validIban, validFrom: '2026-02-30' }],
    ['SQL in a field', { ...validIban, iban: "IT60X0542811101000000123456'; DROP TABLE iban; --" }],
    ['validity ending before it starts', { ...validIban, validTo: '2026-01-01' }],
    ['a prototype-polluting key', JSON.parse('{"__proto__": {"admin": true}, "iban": 1}')],
    ['deep nesting', { iban: JSON.parse('['.repeat(5000) + ']'.repeat(5000)) }],
  ];

  it.each(hostile)('iban.create with %s gets IPC_INVALID_INPUT', async (_label, input) => {
    await expectRefusedWithoutWrites(ADMIN, 'iban.create', input, 'IPC_INVALID_INPUT');
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('reports field errors in Italian under the field that is wrong', async () => {
    const result = await expectRefusedWithoutWrites(
      ADMIN,
      'iban.create',
      { ...validIban, iban: 'IT02L1234512345123456789012' },
      'IPC_INVALID_INPUT',
    );
    if (!result.ok) expect(result.error.fieldErrors?.iban?.[0]).toMatch(/IBAN non valido/);
  });

  it('refuses wrong types on sign-in without counting an attempt', async () => {
    await expectRefusedWithoutWrites(ANON, 'auth.signIn', { username: ['a'], password: { $gt: '' } }, 'IPC_INVALID_INPUT');
  });

  it('refuses setup once the EC exists', async () => {
    await expectRefusedWithoutWrites(
      ANON,
      'setup.complete',
      {
        ec: { name: 'Altro Ente', fiscalCode: '01234567897', segregationCode: '02' },
        admin: { firstName: 'A', lastName: 'B', email: 'a@b.it', password: 'Password123', passwordConfirm: 'Password123' },
      },
      'SETUP_ALREADY_DONE',
    );
  });

  it('turns an unexpected service failure into INTERNAL without leaking details', async () => {
    t.core.db.exec('DROP INDEX iban_live_unique');
    t.core.db.exec('CREATE TRIGGER boom BEFORE INSERT ON iban BEGIN SELECT RAISE(ABORT, \'disk says no\'); END');
    const before = dumpDatabase(t.core.db);
    const result = await t.invoke(ADMIN, 'iban.create', validIban);
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String) } });
    expect(JSON.stringify(result)).not.toContain('disk says no');
    expect(dumpDatabase(t.core.db)).toBe(before);
  });
});
