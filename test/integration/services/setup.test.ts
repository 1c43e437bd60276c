import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../support/testCore';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore();
});
afterEach(() => t.close());

const setup = {
  ec: { name: 'Comune di Prova', fiscalCode: '80215430580', segregationCode: '12' },
  admin: { firstName: 'Anna', lastName: 'Neri', email: 'anna.neri@comune.it', password: 'Referente2026', passwordConfirm: 'Referente2026' },
};

describe('first-run setup', () => {
  it('starts with no EC and a setup to do', async () => {
    expect(await t.invoke('w', 'app.status')).toMatchObject({ ok: true, data: { setupDone: false, ec: null, user: null } });
  });

  it('creates the EC in collaudo and its first Referente dei Pagamenti, signed in', async () => {
    expect(await t.invoke('w', 'setup.complete', setup)).toMatchObject({ ok: true, data: { role: 'ecAdmin', username: 'anna.neri@comune.it' } });
    expect(await t.invoke('w', 'app.status')).toMatchObject({
      ok: true,
      data: { setupDone: true, ec: { name: 'Comune di Prova', environment: 'collaudo', segregationCode: '12' }, user: { firstName: 'Anna' } },
    });
    const actions = t.core.services.audit.page({ limit: 10 }).items.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['ec.created', 'staff.created']));
  });

  it.each([
    ['an EC fiscal code failing Luhn', { ec: { ...setup.ec, fiscalCode: '77777777777' } }, 'ec.fiscalCode'],
    ['a personal fiscal code for the EC', { ec: { ...setup.ec, fiscalCode: 'RCCMNL83S18D969H' } }, 'ec.fiscalCode'],
    ['a reserved segregation code', { ec: { ...setup.ec, segregationCode: '47' } }, 'ec.segregationCode'],
    ['a one-digit segregation code', { ec: { ...setup.ec, segregationCode: '7' } }, 'ec.segregationCode'],
    ['an empty EC name', { ec: { ...setup.ec, name: '   ' } }, 'ec.name'],
    ['mismatched passwords', { admin: { ...setup.admin, passwordConfirm: 'Altro2026xx' } }, 'admin.passwordConfirm'],
  ])('refuses %s under the right field and writes nothing', async (_label, patch, field) => {
    const result = await t.invoke('w', 'setup.complete', { ...setup, ...patch });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.error.fieldErrors ?? {})).toContain(field);
    expect(await t.invoke('w', 'app.status')).toMatchObject({ data: { setupDone: false } });
  });

  it('lets only one of two simultaneous setups win', async () => {
    const results = await Promise.all([
      t.invoke('a', 'setup.complete', setup),
      t.invoke('b', 'setup.complete', { ...setup, ec: { ...setup.ec, name: 'Comune Concorrente' } }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ error: { code: 'SETUP_ALREADY_DONE' } });
    expect(t.core.db.prepare('SELECT count(*) AS n FROM staff').get()).toEqual({ n: 1 });
  });
});
