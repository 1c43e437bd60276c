import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OUTBOX_FOLDER } from '../../../src-main/mail/pickupOutbox';
import { formatItalianDateTime } from '../../../src-shared/domain/date';
import { activationCodeIn, readOutbox } from '../../support/mailbox';
import { createTestCore, dumpDatabase, type TestCore } from '../../support/testCore';
import { CITIZEN, auditActions, registration } from './support';

let t: TestCore;
const KIOSK = 'w-kiosk';
beforeEach(async () => {
  t = await createTestCore({ demo: true, demoPayer: true });
});
afterEach(() => t.close());

async function expectError(windowId: string, channel: string, input: unknown, code: string) {
  const result = await t.invoke(windowId, channel, input);
  expect(result, `${channel}`).toMatchObject({ ok: false, error: { code } });
  return result.ok ? null : result.error;
}

describe('payer registration and activation', () => {
  it('registers a pending account, writes the Italian activation e-mail as .eml into the pickup folder, and activates with its code', async () => {
    const before = (await readOutbox(t.dataDir)).length;
    const reg = await t.invoke(KIOSK, 'payer.register', registration({ fiscalCode: ' rccmnl83s18d969h ' }));
    expect(reg).toMatchObject({ ok: true, data: { fiscalCode: CITIZEN.fiscalCode, emailHint: 'e•••••••••••••@esempio.it', codeExpiresAt: '2026-11-24T09:00:00.000Z' } });

    const mails = await readOutbox(t.dataDir);
    expect(mails).toHaveLength(before + 1);
    const mail = mails.at(-1)!;
    expect(mail.file).toMatch(/posta-in-uscita[/\\]20261122T090000Z-[0-9a-f]{12}\.eml$/);
    // RFC 5322 headers, CRLF line ends, a MIME text body
    expect(mail.headers.date).toBe('Sun, 22 Nov 2026 09:00:00 +0000');
    expect(mail.raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(mail.headers.to).toBe('"Emanuele Rocca" <emanuele.rocca@esempio.it>');
    expect(mail.headers.from).toBe('"Comune di Test – Sportello pagoPA" <noreply@sportello.local>');
    expect(mail.headers.subject).toBe('Codice di attivazione del tuo account');
    expect(mail.headers['message-id']).toMatch(/^<[^@\s]+@sportello\.local>$/);
    expect(mail.headers['content-type']).toBe('text/plain; charset=utf-8');
    // header lines within RFC 5322's hard limit, body lines within quoted-printable's 76
    expect(mail.raw.split('\r\n').every((line) => line.length <= 998)).toBe(true);
    expect(mail.raw.split('\r\n\r\n')[1]!.split('\r\n').every((line) => line.length <= 76)).toBe(true);
    expect(mail.text).toContain('Gentile Emanuele Rocca,');
    expect(mail.text).toContain('codice fiscale RCCMNL83S18D969H');
    expect(mail.text).toContain(`entro 48 ore (scade il ${formatItalianDateTime('2026-11-24T09:00:00.000Z', ' alle ')})`);
    const code = activationCodeIn(mail);
    expect(code).toMatch(/^\d{8}$/);

    // pending: the right password says "not active yet", never a session
    await expectError(KIOSK, 'payer.signIn', { fiscalCode: CITIZEN.fiscalCode, password: CITIZEN.password }, 'PAYER_NOT_ACTIVE');
    // the code is stored only as a scrypt hash
    const stored = t.core.db.prepare<[], { activation_code_hash: string; password_hash: string }>('SELECT activation_code_hash, password_hash FROM payer_account WHERE fiscal_code = \'RCCMNL83S18D969H\'').get()!;
    expect(stored.activation_code_hash).toMatch(/^scrypt\$/);
    expect(stored.password_hash).toMatch(/^scrypt\$/);
    expect(dumpDatabase(t.core.db)).not.toContain(code);

    expect(await t.invoke(KIOSK, 'payer.activate', { fiscalCode: CITIZEN.fiscalCode, code: `${code.slice(0, 4)} ${code.slice(4)}` })).toEqual({ ok: true, data: null });
    const signIn = await t.invoke(KIOSK, 'payer.signIn', { fiscalCode: CITIZEN.fiscalCode, password: CITIZEN.password });
    expect(signIn).toMatchObject({ ok: true, data: { fiscalCode: CITIZEN.fiscalCode, firstName: 'Emanuele', lastName: 'Rocca', email: CITIZEN.email } });
    const status = await t.invoke(KIOSK, 'app.status');
    expect(status).toMatchObject({ ok: true, data: { user: null, payer: { fiscalCode: CITIZEN.fiscalCode } } });
    // a used code is gone
    await expectError(KIOSK, 'payer.activate', { fiscalCode: CITIZEN.fiscalCode, code }, 'PAYER_ACTIVATION_INVALID');

    expect(auditActions(t).slice(-4)).toEqual(['payer.registered', 'payer.activationSent', 'payer.activated', 'payer.signIn']);
    const entry = t.core.db.prepare<[], { actor_name: string; actor_id: number | null; entity: string }>("SELECT actor_name, actor_id, entity FROM audit_log WHERE action = 'payer.activated' ORDER BY id DESC").get()!;
    expect(entry).toEqual({ actor_name: 'Cittadino RCCMNL83S18D969H', actor_id: null, entity: 'payerAccount' });
  });

  it('registers nothing when the activation e-mail cannot be filed, and works once the pickup folder can be written', async () => {
    const outbox = path.join(t.dataDir, OUTBOX_FOLDER);
    fs.rmSync(outbox, { recursive: true, force: true });
    // a file where the folder should be: the message cannot be written
    fs.writeFileSync(outbox, 'non una cartella');
    const audited = auditActions(t).length;
    await expectError(KIOSK, 'payer.register', registration(), 'MAIL_OUTBOX_FAILED');
    const rows = t.core.db.prepare<[], { n: number }>("SELECT count(*) AS n FROM payer_account WHERE fiscal_code = 'RCCMNL83S18D969H'").get()!;
    expect(rows.n).toBe(0);
    expect(auditActions(t)).toHaveLength(audited);

    fs.rmSync(outbox);
    expect(await t.invoke(KIOSK, 'payer.register', registration())).toMatchObject({ ok: true });
    expect(await readOutbox(t.dataDir)).toHaveLength(1);
    // written whole: no temporary file left behind
    expect(fs.readdirSync(outbox).filter((f) => !f.endsWith('.eml'))).toEqual([]);
  });

  it('refuses a second account for the same fiscal code without saying more, and changes nothing', async () => {
    expect((await t.invoke(KIOSK, 'payer.register', registration())).ok).toBe(true);
    const before = dumpDatabase(t.core.db);
    const mails = (await readOutbox(t.dataDir)).length;
    const error = await expectError('w-other', 'payer.register', registration({ email: 'altro@esempio.it', firstName: 'Altro' }), 'PAYER_FISCAL_CODE_TAKEN');
    expect(error?.fieldErrors?.fiscalCode?.[0]).toMatch(/^Con questo codice fiscale è già registrato un account/);
    expect(error?.message).not.toContain('emanuele');
    expect(dumpDatabase(t.core.db)).toBe(before);
    expect(await readOutbox(t.dataDir)).toHaveLength(mails);
  });

  it('validates the fiscal code, the password and the privacy consent with Italian field errors', async () => {
    const bad = await expectError(KIOSK, 'payer.register', registration({ fiscalCode: 'MRARSS80A01H501U' }), 'IPC_INVALID_INPUT');
    expect(bad?.fieldErrors?.fiscalCode).toEqual(["Codice fiscale non valido: l'ultimo carattere di controllo non corrisponde."]);
    const legal = await expectError(KIOSK, 'payer.register', registration({ fiscalCode: '80012345676' }), 'IPC_INVALID_INPUT');
    expect(legal?.fieldErrors?.fiscalCode?.[0]).toMatch(/persona/);
    const noConsent = await expectError(KIOSK, 'payer.register', registration({ privacyAccepted: false }), 'IPC_INVALID_INPUT');
    expect(noConsent?.fieldErrors?.privacyAccepted?.[0]).toMatch(/informativa/);
    const mismatch = await expectError(KIOSK, 'payer.register', registration({ passwordConfirm: 'diversa1234' }), 'IPC_INVALID_INPUT');
    expect(mismatch?.fieldErrors?.passwordConfirm).toEqual(['Le due password non coincidono.']);
    const weak = await expectError(KIOSK, 'payer.register', registration({ password: 'corta', passwordConfirm: 'corta' }), 'IPC_INVALID_INPUT');
    expect(weak?.fieldErrors?.password?.[0]).toMatch(/almeno 10 caratteri/);
    await expectError(KIOSK, 'payer.register', registration({ privacyVersion: '2020-01' }), 'IPC_INVALID_INPUT');
  });

  it('a wrong code counts; five wrong codes void it; a re-sent code works and the old one does not', async () => {
    await t.invoke(KIOSK, 'payer.register', registration());
    const first = activationCodeIn((await readOutbox(t.dataDir)).at(-1)!);
    const wrong = first === '00000000' ? '11111111' : '00000000';
    for (let i = 1; i < 5; i++) await expectError(KIOSK, 'payer.activate', { fiscalCode: CITIZEN.fiscalCode, code: wrong }, 'PAYER_ACTIVATION_INVALID');
    await expectError(KIOSK, 'payer.activate', { fiscalCode: CITIZEN.fiscalCode, code: wrong }, 'PAYER_ACTIVATION_EXHAUSTED');
    // now even the right code is refused
    await expectError(KIOSK, 'payer.activate', { fiscalCode: CITIZEN.fiscalCode, code: first }, 'PAYER_ACTIVATION_EXHAUSTED');
    expect(auditActions(t).filter((a) => a === 'payer.activationFailed')).toHaveLength(5);

    // a re-send straight away is refused (the message may be on its way), a minute later it goes
    await expectError(KIOSK, 'payer.resendCode', { fiscalCode: CITIZEN.fiscalCode }, 'PAYER_RESEND_TOO_SOON');
    t.clock.advance(60_000);
    expect(await t.invoke(KIOSK, 'payer.resendCode', { fiscalCode: CITIZEN.fiscalCode })).toEqual({ ok: true, data: null });
    const mail = (await readOutbox(t.dataDir)).at(-1)!;
    expect(mail.headers.subject).toBe('Nuovo codice di attivazione del tuo account');
    expect(mail.text).toContain('Il codice inviato in precedenza non è più valido.');
    const second = activationCodeIn(mail);
    if (second !== first) await expectError(KIOSK, 'payer.activate', { fiscalCode: CITIZEN.fiscalCode, code: first }, 'PAYER_ACTIVATION_INVALID');
    expect((await t.invoke(KIOSK, 'payer.activate', { fiscalCode: CITIZEN.fiscalCode, code: second })).ok).toBe(true);
  });

  it('an expired code is refused with its own message; at most five codes a day', async () => {
    await t.invoke(KIOSK, 'payer.register', registration());
    const code = activationCodeIn((await readOutbox(t.dataDir)).at(-1)!);
    t.clock.advance(48 * 60 * 60 * 1000);
    const error = await expectError(KIOSK, 'payer.activate', { fiscalCode: CITIZEN.fiscalCode, code }, 'PAYER_ACTIVATION_EXPIRED');
    expect(error?.message).toBe('Il codice di attivazione è scaduto: chiedine uno nuovo.');

    // the registration's code was sent two days ago: today's count starts afresh
    for (let i = 0; i < 6; i++) {
      t.clock.advance(5 * 60_000);
      const result = await t.invoke(KIOSK, 'payer.resendCode', { fiscalCode: CITIZEN.fiscalCode });
      if (i < 5) expect(result.ok).toBe(true);
      else expect(result).toMatchObject({ ok: false, error: { code: 'PAYER_RESEND_LIMIT' } });
    }
    t.clock.advance(24 * 60 * 60 * 1000);
    expect((await t.invoke(KIOSK, 'payer.resendCode', { fiscalCode: CITIZEN.fiscalCode })).ok).toBe(true);
  });

  it('re-sending for a code without a pending account answers the same and sends nothing', async () => {
    const mails = (await readOutbox(t.dataDir)).length;
    const before = dumpDatabase(t.core.db);
    expect(await t.invoke(KIOSK, 'payer.resendCode', { fiscalCode: CITIZEN.fiscalCode })).toEqual({ ok: true, data: null });
    // the demo payer is already active
    expect(await t.invoke(KIOSK, 'payer.resendCode', { fiscalCode: 'RSSMRA80A01H501U' })).toEqual({ ok: true, data: null });
    expect(await readOutbox(t.dataDir)).toHaveLength(mails);
    expect(dumpDatabase(t.core.db)).toBe(before);
    await expectError(KIOSK, 'payer.activate', { fiscalCode: CITIZEN.fiscalCode, code: '12345678' }, 'PAYER_ACTIVATION_INVALID');
  });
});

describe('payer sign-in', () => {
  const demo = { fiscalCode: 'RSSMRA80A01H501U', password: 'Cittadino2026!' };

  it('the demo payer signs in and out; sign-out is audited and ends the session', async () => {
    expect(await t.invoke(KIOSK, 'payer.signIn', demo)).toMatchObject({ ok: true, data: { firstName: 'Mario', lastName: 'Rossi' } });
    expect(await t.invoke(KIOSK, 'payer.signOut')).toEqual({ ok: true, data: null });
    await expectError(KIOSK, 'payer.history', {}, 'AUTH_REQUIRED');
    expect(auditActions(t).slice(-2)).toEqual(['payer.signIn', 'payer.signOut']);
  });

  it('locks the account after five wrong passwords, like staff, and unlocks after 15 minutes', async () => {
    for (let i = 1; i < 5; i++) await expectError(KIOSK, 'payer.signIn', { ...demo, password: 'sbagliata123' }, 'PAYER_INVALID_CREDENTIALS');
    const locked = await expectError(KIOSK, 'payer.signIn', { ...demo, password: 'sbagliata123' }, 'AUTH_LOCKED');
    expect(locked?.message).toBe('Account bloccato per troppi tentativi non riusciti. Riprova tra 15 minuti.');
    await expectError(KIOSK, 'payer.signIn', demo, 'AUTH_LOCKED');
    expect(auditActions(t)).toContain('payer.locked');
    t.clock.advance(15 * 60_000);
    expect((await t.invoke(KIOSK, 'payer.signIn', demo)).ok).toBe(true);
  });

  it('an unknown fiscal code gets the same answer as a wrong password, and is not written to the log', async () => {
    const error = await expectError(KIOSK, 'payer.signIn', { fiscalCode: CITIZEN.fiscalCode, password: 'qualsiasi123' }, 'PAYER_INVALID_CREDENTIALS');
    expect(error?.message).toBe('Codice fiscale o password non corretti.');
    const entry = t.core.db.prepare<[], { actor_name: string; details: string }>("SELECT actor_name, details FROM audit_log WHERE action = 'payer.signInFailed'").get()!;
    expect(entry.actor_name).toBe('Cittadino (non registrato)');
    expect(entry.details).not.toContain(CITIZEN.fiscalCode);
  });

  it('an idle payer session expires after 5 minutes, sooner than a staff one, and the window is told', async () => {
    expect((await t.invoke(KIOSK, 'payer.signIn', demo)).ok).toBe(true);
    t.clock.advance(4 * 60_000 + 59_000);
    expect((await t.invoke(KIOSK, 'payer.history', {})).ok).toBe(true);
    // each call counts as activity: five minutes from the last one
    t.clock.advance(5 * 60_000);
    await expectError(KIOSK, 'payer.history', {}, 'AUTH_SESSION_EXPIRED');
    expect(t.events).toContainEqual({ windowId: KIOSK, event: 'session.expired', payload: { reason: 'idle' } });
  });

  it('the sweep ends idle payer sessions too', async () => {
    expect((await t.invoke(KIOSK, 'payer.signIn', demo)).ok).toBe(true);
    t.clock.advance(15 * 60_000);
    t.core.sweepIdleSessions();
    expect(t.events).toContainEqual({ windowId: KIOSK, event: 'session.expired', payload: { reason: 'idle' } });
    expect(await t.invoke(KIOSK, 'app.status')).toMatchObject({ ok: true, data: { payer: null } });
  });
});
