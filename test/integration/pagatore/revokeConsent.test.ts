import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, dumpDatabase, type TestCore } from '../../support/testCore';
import { auditActions } from './support';

let t: TestCore;
const KIOSK = 'w-kiosk';
const PHONE = 'w-phone';
const demo = { fiscalCode: 'RSSMRA80A01H501U', password: 'Cittadino2026!' };

beforeEach(async () => {
  t = await createTestCore({ demo: true, demoPayer: true });
  expect((await t.invoke(KIOSK, 'payer.signIn', demo)).ok).toBe(true);
});
afterEach(() => t.close());

function accountRow() {
  return t.core.db.prepare<[], Record<string, unknown>>('SELECT * FROM payer_account ORDER BY id').all();
}

describe('revoking the privacy consent', () => {
  it('asks for the password: a wrong one changes nothing but counts as a failed attempt', async () => {
    const positions = t.core.db.prepare('SELECT count(*) AS n FROM receipt').get();
    const result = await t.invoke(KIOSK, 'payer.revokeConsent', { password: 'sbagliata123' });
    expect(result).toMatchObject({ ok: false, error: { code: 'PAYER_WRONG_PASSWORD', fieldErrors: { password: ['La password non è corretta.'] } } });
    expect(accountRow()[0]).toMatchObject({ status: 'active', fiscal_code: demo.fiscalCode, failed_attempts: 1 });
    expect(t.core.db.prepare('SELECT count(*) AS n FROM receipt').get()).toEqual(positions);
    expect((await t.invoke(KIOSK, 'payer.history', {})).ok).toBe(true);
  });

  it('closes the account, erases the personal data, keeps the EC’s records, ends every session and lets the person register again', async () => {
    expect((await t.invoke(PHONE, 'payer.signIn', demo)).ok).toBe(true);
    const receiptsBefore = t.core.db.prepare('SELECT * FROM receipt ORDER BY id').all();
    const positionsBefore = t.core.db.prepare('SELECT * FROM debt_position ORDER BY id').all();

    expect(await t.invoke(KIOSK, 'payer.revokeConsent', { password: demo.password })).toEqual({ ok: true, data: null });

    const [row] = accountRow();
    expect(row).toMatchObject({
      status: 'closed',
      fiscal_code: null,
      first_name: null,
      last_name: null,
      email: null,
      password_hash: null,
      privacy_version: '2026-11',
      privacy_revoked_at: '2026-11-22T09:00:00.000Z',
      closed_at: '2026-11-22T09:00:00.000Z',
    });
    // nothing personal left in the account table (the audit log keeps who did what, as the law asks)
    expect(JSON.stringify(accountRow())).not.toMatch(/RSSMRA|Mario|Rossi|esempio\.it|scrypt/);
    expect(t.core.db.prepare('SELECT * FROM receipt ORDER BY id').all()).toEqual(receiptsBefore);
    expect(t.core.db.prepare('SELECT * FROM debt_position ORDER BY id').all()).toEqual(positionsBefore);

    // this window is signed out; the other one is told and refused
    expect(await t.invoke(KIOSK, 'app.status')).toMatchObject({ ok: true, data: { payer: null } });
    expect(await t.invoke(KIOSK, 'payer.history', {})).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });
    expect(t.events).toContainEqual({ windowId: PHONE, event: 'session.expired', payload: { reason: 'signedOutElsewhere' } });
    expect(await t.invoke(PHONE, 'payer.history', {})).toMatchObject({ ok: false, error: { code: 'PAYER_ACCOUNT_CLOSED' } });
    // the old credentials are gone
    expect(await t.invoke(KIOSK, 'payer.signIn', demo)).toMatchObject({ ok: false, error: { code: 'PAYER_INVALID_CREDENTIALS' } });

    const entry = t.core.db.prepare<[], { actor_name: string; entity_id: string; details: string }>("SELECT actor_name, entity_id, details FROM audit_log WHERE action = 'payer.consentRevoked'").get()!;
    expect(entry.actor_name).toBe('Cittadino RSSMRA80A01H501U');
    expect(entry.entity_id).toBe(String(row!.id));
    expect(JSON.parse(entry.details)).toEqual({ privacyVersion: '2026-11', erased: ['fiscalCode', 'firstName', 'lastName', 'email', 'passwordHash'] });
    expect(auditActions(t).slice(-2)).toEqual(['payer.consentRevoked', 'payer.signInFailed']);

    // the fiscal code is free again
    const again = await t.invoke(KIOSK, 'payer.register', {
      fiscalCode: demo.fiscalCode,
      firstName: 'Mario',
      lastName: 'Rossi',
      email: 'mario.rossi@esempio.it',
      password: 'NuovaPassword1',
      passwordConfirm: 'NuovaPassword1',
      privacyAccepted: true,
      privacyVersion: '2026-11',
    });
    expect(again.ok).toBe(true);
  });

  it('the erasure and its audit entry are one transaction: a failing audit write leaves the account as it was', async () => {
    const before = dumpDatabase(t.core.db);
    const audit = t.core.services.audit;
    const original = audit.record.bind(audit);
    audit.record = (actor, action, ...rest) => {
      if (action === 'payer.consentRevoked') throw new Error('disco pieno');
      original(actor, action, ...rest);
    };
    try {
      expect(await t.invoke(KIOSK, 'payer.revokeConsent', { password: demo.password })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    } finally {
      audit.record = original;
    }
    expect(dumpDatabase(t.core.db)).toBe(before);
    expect((await t.invoke(KIOSK, 'payer.history', {})).ok).toBe(true);
  });
});
