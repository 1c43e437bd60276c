import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IbanEntry } from '../../../src-shared/ipc/schemas/iban';
import { createTestCore, demoAdmin, type TestCore } from '../../support/testCore';

let t: TestCore;
const W = 'w-admin';
beforeEach(async () => {
  t = await createTestCore({ demo: true });
  await t.invoke(W, 'auth.signIn', demoAdmin);
});
afterEach(() => t.close());

async function call<T>(channel: string, input?: unknown): Promise<T> {
  const result = await t.invoke(W, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${JSON.stringify(result.error.fieldErrors)}`);
  return result.data as T;
}

const base = { description: 'Conto tributi', validFrom: '2026-11-22', validTo: null };
const NEW_IBAN = 'IT17L0200801600000012345678';

function auditFor(action: string) {
  return t.core.services.audit.page({ limit: 500, action }).items;
}

describe('IBAN list', () => {
  it('stores a new IBAN normalised, audits it, and lists it', async () => {
    const created = await call<IbanEntry>('iban.create', { ...base, iban: ' it17 l020 0801 6000 0001 2345 678 ' });
    expect(created).toMatchObject({ iban: NEW_IBAN, isPostal: false, status: 'active', description: 'Conto tributi' });
    const list = await call<IbanEntry[]>('iban.list');
    expect(list.map((e) => e.iban)).toContain(NEW_IBAN);
    expect(auditFor('iban.created').at(0)).toMatchObject({ entityId: String(created.id), actorName: expect.stringContaining('Maria Rossi') });
  });

  it('detects and labels a postal IBAN', async () => {
    const created = await call<IbanEntry>('iban.create', { ...base, iban: 'IT33I0760103200001234567890' });
    expect(created.isPostal).toBe(true);
  });

  it('refuses a duplicate, whatever its spacing or case', async () => {
    const result = await t.invoke(W, 'iban.create', { ...base, iban: 'it60 x054 2811 1010 0000 0123 456' });
    expect(result).toMatchObject({ ok: false, error: { code: 'IBAN_DUPLICATE', fieldErrors: { iban: [expect.stringMatching(/già presente/)] } } });
  });

  it('computes the status from the validity period', async () => {
    const future = await call<IbanEntry>('iban.create', { ...base, iban: NEW_IBAN, validFrom: '2027-01-01' });
    expect(future.status).toBe('notYetValid');
    const updated = await call<IbanEntry>('iban.update', { id: future.id, description: 'x', validFrom: '2025-01-01', validTo: '2025-12-31' });
    expect(updated.status).toBe('expired');
  });

  it('edits description and validity, recording what changed', async () => {
    const created = await call<IbanEntry>('iban.create', { ...base, iban: NEW_IBAN });
    await call('iban.update', { id: created.id, description: 'Conto TARI', validFrom: '2026-11-22', validTo: '2027-12-31' });
    expect(auditFor('iban.updated').at(0)?.details).toEqual({
      iban: NEW_IBAN,
      changes: { description: { from: 'Conto tributi', to: 'Conto TARI' }, validTo: { from: null, to: '2027-12-31' } },
    });
    // an edit that changes nothing writes nothing
    await call('iban.update', { id: created.id, description: 'Conto TARI', validFrom: '2026-11-22', validTo: '2027-12-31' });
    expect(auditFor('iban.updated')).toHaveLength(1);
  });

  it('schedules a deletion, can cancel it, and carries it out when the day comes', async () => {
    const created = await call<IbanEntry>('iban.create', { ...base, iban: NEW_IBAN });
    const scheduled = await call<IbanEntry>('iban.scheduleDeletion', { id: created.id, date: '2026-11-30' });
    expect(scheduled).toMatchObject({ status: 'deletionScheduled', deletionDate: '2026-11-30' });
    const cancelled = await call<IbanEntry>('iban.cancelDeletion', { id: created.id });
    expect(cancelled).toMatchObject({ status: 'active', deletionDate: null });
    expect(await t.invoke(W, 'iban.cancelDeletion', { id: created.id })).toMatchObject({
      ok: false,
      error: { code: 'IBAN_DELETION_NOT_SCHEDULED' },
    });

    await call('iban.scheduleDeletion', { id: created.id, date: '2026-11-30' });
    t.clock.set('2026-11-29T22:59:00.000Z'); // 23:59 in Rome: still the 29th
    await t.invoke(W, 'auth.signIn', demoAdmin); // a week has passed: the session expired
    expect((await call<IbanEntry[]>('iban.list')).map((e) => e.iban)).toContain(NEW_IBAN);
    t.clock.set('2026-11-29T23:00:00.000Z'); // midnight in Rome: the 30th
    await t.invoke(W, 'auth.signIn', demoAdmin);
    expect((await call<IbanEntry[]>('iban.list')).map((e) => e.iban)).not.toContain(NEW_IBAN);
    expect(auditFor('iban.deleted').at(0)).toMatchObject({ actorName: 'Sistema', details: { iban: NEW_IBAN, scheduledFor: '2026-11-30' } });
    expect(await t.invoke(W, 'iban.update', { id: created.id, ...base })).toMatchObject({ ok: false, error: { code: 'IBAN_DELETED' } });
  });

  it('deletes at once when the date is today, refuses a past date, and allows adding the IBAN again', async () => {
    const created = await call<IbanEntry>('iban.create', { ...base, iban: NEW_IBAN });
    expect(await t.invoke(W, 'iban.scheduleDeletion', { id: created.id, date: '2026-11-21' })).toMatchObject({
      ok: false,
      error: { fieldErrors: { date: [expect.stringMatching(/passato/)] } },
    });
    expect(await call('iban.scheduleDeletion', { id: created.id, date: '2026-11-22' })).toBeNull();
    expect((await call<IbanEntry[]>('iban.list')).map((e) => e.iban)).not.toContain(NEW_IBAN);
    const again = await call<IbanEntry>('iban.create', { ...base, iban: NEW_IBAN });
    expect(again.id).not.toBe(created.id);
  });

  it('unknown ids are typed errors', async () => {
    expect(await t.invoke(W, 'iban.update', { id: 4242, ...base })).toMatchObject({ ok: false, error: { code: 'IBAN_NOT_FOUND' } });
  });
});
