import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channels, grantsOf } from '../../../src-shared/ipc/contract';
import { createTestCore, demoAdmin, demoOperator, dumpDatabase, type TestCore } from '../../support/testCore';

let t: TestCore;
const PAYER = 'w-payer';
const ADMIN = 'w-admin';
const OPERATOR = 'w-operator';
const ANON = 'w-anon';
const demoPayer = { fiscalCode: 'RSSMRA80A01H501U', password: 'Cittadino2026!' };

beforeEach(async () => {
  t = await createTestCore({ demo: true, demoPayer: true });
  expect((await t.invoke(PAYER, 'payer.signIn', demoPayer)).ok).toBe(true);
  expect((await t.invoke(ADMIN, 'auth.signIn', demoAdmin)).ok).toBe(true);
  expect((await t.invoke(OPERATOR, 'auth.signIn', demoOperator)).ok).toBe(true);
});
afterEach(() => t.close());

async function expectRefused(windowId: string, channel: string, input: unknown, code: string) {
  const before = dumpDatabase(t.core.db);
  const result = await t.invoke(windowId, channel, input);
  expect(result, `${channel} da ${windowId}`).toMatchObject({ ok: false, error: { code } });
  expect(dumpDatabase(t.core.db)).toBe(before);
}

const entries = Object.entries(channels);
const payerOnly = entries.filter(([, def]) => grantsOf(def.permission).length === 1 && grantsOf(def.permission)[0] === 'payer').map(([name]) => name);
const staffOnly = entries.filter(([, def]) => grantsOf(def.permission).length > 0 && !grantsOf(def.permission).includes('payer')).map(([name]) => name);

describe('router: the payer grant', () => {
  it('the contract has payer channels, staff channels and the delivery channels open to both', () => {
    expect(payerOnly).toEqual(expect.arrayContaining(['payer.history', 'payer.printReceipt', 'payer.revokeConsent', 'payer.signOut']));
    expect(staffOnly).toEqual(expect.arrayContaining(['positions.list', 'print.receipt', 'staff.list', 'auth.signOut']));
    for (const name of ['delivery.saveToFolder', 'delivery.open', 'delivery.printers', 'delivery.print'] as const) {
      expect(grantsOf(channels[name].permission)).toEqual(['positions', 'payer']);
    }
  });

  it('a payer cannot call any staff channel', async () => {
    for (const name of staffOnly) await expectRefused(PAYER, name, undefined, 'AUTH_FORBIDDEN');
  });

  it('staff cannot call any payer channel, whatever their role', async () => {
    for (const windowId of [ADMIN, OPERATOR]) for (const name of payerOnly) await expectRefused(windowId, name, { receiptId: 1, password: 'x' }, 'AUTH_FORBIDDEN');
  });

  it('without a session every payer channel asks to sign in', async () => {
    for (const name of payerOnly) await expectRefused(ANON, name, undefined, 'AUTH_REQUIRED');
  });

  it('the delivery channels admit a payer and the staff with the positions feature', async () => {
    for (const windowId of [PAYER, ADMIN, OPERATOR]) {
      // the web host offers only the download: admitted, then refused by the host for what it cannot do
      await expectRefused(windowId, 'delivery.printers', undefined, 'DELIVERY_NOT_SUPPORTED');
    }
    await expectRefused(ANON, 'delivery.printers', undefined, 'AUTH_REQUIRED');
  });

  it('an idle payer session is refused as expired, and the window is told once', async () => {
    t.clock.advance(15 * 60_000);
    await expectRefused(PAYER, 'payer.history', {}, 'AUTH_SESSION_EXPIRED');
    await expectRefused(PAYER, 'payer.history', {}, 'AUTH_SESSION_EXPIRED');
    expect(t.events.filter((e) => e.windowId === PAYER)).toEqual([{ windowId: PAYER, event: 'session.expired', payload: { reason: 'idle' } }]);
  });

  it('activity keeps a payer session alive past its 5 idle minutes', async () => {
    for (let i = 0; i < 4; i++) {
      t.clock.advance(4 * 60_000);
      expect((await t.invoke(PAYER, 'payer.history', {})).ok).toBe(true);
    }
  });

  it('a closed account is refused at once, even with a live session', async () => {
    const id = t.core.pagatore.accounts.findByFiscalCode(demoPayer.fiscalCode)!.id;
    t.core.pagatore.accounts.close(id, '2026-11-22T09:00:00.000Z');
    await expectRefused(PAYER, 'payer.history', {}, 'PAYER_ACCOUNT_CLOSED');
    expect(await t.invoke(PAYER, 'app.status')).toMatchObject({ ok: true, data: { payer: null } });
  });

  it('one kind of session per window: a payer signing in ends the staff session there, and the reverse', async () => {
    expect((await t.invoke(ADMIN, 'payer.signIn', demoPayer)).ok).toBe(true);
    expect(await t.invoke(ADMIN, 'app.status')).toMatchObject({ ok: true, data: { user: null, payer: { fiscalCode: demoPayer.fiscalCode } } });
    await expectRefused(ADMIN, 'staff.list', undefined, 'AUTH_FORBIDDEN');

    expect((await t.invoke(PAYER, 'auth.signIn', demoOperator)).ok).toBe(true);
    expect(await t.invoke(PAYER, 'app.status')).toMatchObject({ ok: true, data: { user: { username: demoOperator.username }, payer: null } });
    await expectRefused(PAYER, 'payer.history', {}, 'AUTH_FORBIDDEN');
  });

  it('closing a window ends its payer session', async () => {
    t.core.endWindow(PAYER);
    await expectRefused(PAYER, 'payer.history', {}, 'AUTH_REQUIRED');
  });
});
