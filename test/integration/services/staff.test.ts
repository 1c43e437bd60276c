import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, demoAdmin, demoOperator, type TestCore } from '../../support/testCore';

let t: TestCore;
const ADMIN = 'w-admin';
beforeEach(async () => {
  t = await createTestCore({ demo: true });
  await t.invoke(ADMIN, 'auth.signIn', demoAdmin);
});
afterEach(() => t.close());

const newOperator = {
  firstName: 'Giulia',
  lastName: 'Verdi',
  email: 'Giulia.Verdi@Comune-Test.it ',
  role: 'ecOperator',
  password: 'Collaudo2026!',
  passwordConfirm: 'Collaudo2026!',
};

describe('staff accounts', () => {
  it('the Referente dei Pagamenti creates a Referente Tecnico who can then sign in', async () => {
    const created = await t.invoke(ADMIN, 'staff.create', newOperator);
    expect(created).toMatchObject({ ok: true, data: { username: 'giulia.verdi@comune-test.it', role: 'ecOperator', enabled: true } });
    expect(await t.invoke('w2', 'auth.signIn', { username: 'giulia.verdi@comune-test.it', password: 'Collaudo2026!' })).toMatchObject({
      ok: true,
    });
  });

  it('refuses a duplicate e-mail under the e-mail field', async () => {
    const result = await t.invoke(ADMIN, 'staff.create', { ...newOperator, email: demoOperator.username.toUpperCase() });
    expect(result).toMatchObject({ ok: false, error: { code: 'STAFF_USERNAME_TAKEN', fieldErrors: { email: [expect.any(String)] } } });
  });

  it.each([
    ['short password', { password: 'Corta1', passwordConfirm: 'Corta1' }, 'password'],
    ['password without digits', { password: 'SoloLettereLunghe', passwordConfirm: 'SoloLettereLunghe' }, 'password'],
    ['different confirmation', { passwordConfirm: 'Collaudo2026?' }, 'passwordConfirm'],
    ['bad e-mail', { email: 'non-una-mail' }, 'email'],
    ['unknown role', { role: 'superuser' }, 'role'],
  ])('refuses a %s with an Italian field error', async (_label, patch, field) => {
    const result = await t.invoke(ADMIN, 'staff.create', { ...newOperator, ...patch });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('IPC_INVALID_INPUT');
      expect(Object.keys(result.error.fieldErrors ?? {})).toContain(field);
    }
  });

  it('disabling an account ends its sessions at once and blocks sign-in', async () => {
    await t.invoke('w-op', 'auth.signIn', demoOperator);
    const list = await t.invoke(ADMIN, 'staff.list');
    const operator = list.ok ? (list.data as Array<{ id: number; role: string }>).find((s) => s.role === 'ecOperator') : undefined;
    expect(operator).toBeDefined();
    expect(await t.invoke(ADMIN, 'staff.setEnabled', { id: operator!.id, enabled: false })).toMatchObject({ ok: true, data: { enabled: false } });
    expect(t.events).toContainEqual({ windowId: 'w-op', event: 'session.expired', payload: { reason: 'signedOutElsewhere' } });
    expect(await t.invoke('w-op', 'auth.keepAlive')).toMatchObject({ ok: false, error: { code: 'AUTH_DISABLED' } });
    expect(await t.invoke('w-op', 'auth.signIn', demoOperator)).toMatchObject({ ok: false, error: { code: 'AUTH_DISABLED' } });

    expect(await t.invoke(ADMIN, 'staff.setEnabled', { id: operator!.id, enabled: true })).toMatchObject({ ok: true });
    expect(await t.invoke('w-op', 'auth.signIn', demoOperator)).toMatchObject({ ok: true });
  });

  it('does not let an admin disable themself or the last active admin', async () => {
    const me = await t.invoke(ADMIN, 'app.status');
    const myId = me.ok ? (me.data as { user: { id: number } }).user.id : 0;
    expect(await t.invoke(ADMIN, 'staff.setEnabled', { id: myId, enabled: false })).toMatchObject({
      ok: false,
      error: { code: 'STAFF_SELF_DISABLE' },
    });
    const second = await t.invoke(ADMIN, 'staff.create', { ...newOperator, role: 'ecAdmin' });
    const secondId = second.ok ? (second.data as { id: number }).id : 0;
    await t.invoke('w-second', 'auth.signIn', { username: 'giulia.verdi@comune-test.it', password: 'Collaudo2026!' });
    expect(await t.invoke('w-second', 'staff.setEnabled', { id: myId, enabled: false })).toMatchObject({ ok: true });
    // now the second admin is the only one left: the first is disabled and cannot be used to disable it back
    expect(await t.invoke(ADMIN, 'staff.list')).toMatchObject({ ok: false, error: { code: 'AUTH_DISABLED' } });
    expect(secondId).toBeGreaterThan(0);
  });

  it('an unknown staff id is a typed error', async () => {
    expect(await t.invoke(ADMIN, 'staff.setEnabled', { id: 999, enabled: false })).toMatchObject({
      ok: false,
      error: { code: 'STAFF_NOT_FOUND' },
    });
  });
});
