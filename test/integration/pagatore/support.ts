import { expect } from 'vitest';
import { PRIVACY_NOTICE_VERSION } from '../../../src-shared/pagatore/privacyNotice';
import { activationCodeIn, readOutbox } from '../../support/mailbox';
import type { TestCore } from '../../support/testCore';

/** Not the demo payer: a fresh person who registers in the test. */
export const CITIZEN = {
  fiscalCode: 'RCCMNL83S18D969H',
  firstName: 'Emanuele',
  lastName: 'Rocca',
  email: 'emanuele.rocca@esempio.it',
  password: 'Quietanza2026',
} as const;

export function registration(over: Record<string, unknown> = {}) {
  return {
    ...CITIZEN,
    passwordConfirm: CITIZEN.password,
    privacyAccepted: true,
    privacyVersion: PRIVACY_NOTICE_VERSION,
    ...over,
  };
}

/** Registers, reads the code from the newest .eml, activates, signs in on `windowId`. */
export async function registerAndSignIn(t: TestCore, windowId: string, person = CITIZEN): Promise<void> {
  const reg = await t.invoke(windowId, 'payer.register', registration(person));
  expect(reg.ok, JSON.stringify(reg)).toBe(true);
  const mail = (await readOutbox(t.dataDir)).at(-1)!;
  const act = await t.invoke(windowId, 'payer.activate', { fiscalCode: person.fiscalCode, code: activationCodeIn(mail) });
  expect(act.ok, JSON.stringify(act)).toBe(true);
  const signIn = await t.invoke(windowId, 'payer.signIn', { fiscalCode: person.fiscalCode, password: person.password });
  expect(signIn.ok, JSON.stringify(signIn)).toBe(true);
}

export function auditActions(t: TestCore, prefix = 'payer.'): string[] {
  return t.core.db
    .prepare<[string], { action: string }>('SELECT action FROM audit_log WHERE action LIKE ? ORDER BY id')
    .all(`${prefix}%`)
    .map((r) => r.action);
}
