import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, demoAdmin, demoOperator, type TestCore } from '../../support/testCore';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore({ demo: true });
});
afterEach(() => t.close());

const W = 'window-1';

async function signIn(username: string, password: string) {
  return t.invoke(W, 'auth.signIn', { username, password });
}

function auditActions(): string[] {
  const page = t.core.services.audit.page({ limit: 500 });
  return page.items.map((e) => e.action).reverse();
}

describe('staff sign-in', () => {
  it('signs in with the right password, case-insensitive username, and records it', async () => {
    const result = await signIn(demoAdmin.username.toUpperCase(), demoAdmin.password);
    expect(result).toMatchObject({ ok: true, data: { username: demoAdmin.username, role: 'ecAdmin' } });
    const status = await t.invoke(W, 'app.status');
    expect(status).toMatchObject({ ok: true, data: { user: { username: demoAdmin.username }, setupDone: true } });
    expect(auditActions()).toContain('auth.signIn');
  });

  it('gives the same answer for a wrong password and an unknown user', async () => {
    const wrong = await signIn(demoAdmin.username, 'sbagliata-123');
    const unknown = await signIn('nessuno@comune-test.it', 'sbagliata-123');
    expect(wrong).toEqual(unknown);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'AUTH_INVALID_CREDENTIALS' } });
  });

  it('locks the account for 15 minutes after 5 failed attempts, even with the right password', async () => {
    for (let i = 0; i < 4; i++) {
      expect(await signIn(demoAdmin.username, `wrong-${i}`)).toMatchObject({ error: { code: 'AUTH_INVALID_CREDENTIALS' } });
    }
    const fifth = await signIn(demoAdmin.username, 'wrong-5');
    expect(fifth).toMatchObject({ ok: false, error: { code: 'AUTH_LOCKED', message: expect.stringMatching(/15 minuti/) } });
    expect(await signIn(demoAdmin.username, demoAdmin.password)).toMatchObject({ error: { code: 'AUTH_LOCKED' } });

    t.clock.advance(14 * 60_000);
    expect(await signIn(demoAdmin.username, demoAdmin.password)).toMatchObject({
      error: { code: 'AUTH_LOCKED', message: expect.stringMatching(/1 minuto\./) },
    });
    t.clock.advance(60_000);
    expect(await signIn(demoAdmin.username, demoAdmin.password)).toMatchObject({ ok: true });
    expect(auditActions()).toContain('auth.locked');
  });

  it('forgets failed attempts after a successful sign-in', async () => {
    for (let i = 0; i < 4; i++) await signIn(demoAdmin.username, 'wrong-pass-1');
    expect(await signIn(demoAdmin.username, demoAdmin.password)).toMatchObject({ ok: true });
    for (let i = 0; i < 4; i++) await signIn(demoAdmin.username, 'wrong-pass-1');
    expect(await signIn(demoAdmin.username, demoAdmin.password)).toMatchObject({ ok: true });
  });

  it('locks one account without affecting another', async () => {
    for (let i = 0; i < 5; i++) await signIn(demoAdmin.username, 'wrong-pass-1');
    expect(await signIn(demoOperator.username, demoOperator.password)).toMatchObject({ ok: true });
  });

  it('refuses sign-in before the first-run setup', async () => {
    const fresh = await createTestCore();
    try {
      expect(await fresh.invoke(W, 'auth.signIn', demoAdmin)).toMatchObject({ ok: false, error: { code: 'SETUP_REQUIRED' } });
    } finally {
      await fresh.close();
    }
  });
});
