import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DebtPosition, PositionUpdateInput } from '../../../src-main/positions/types';
import { dumpDatabase } from '../../support/testCore';
import {
  address,
  createPositionsTest,
  instalment,
  operator,
  positionInput,
  rataUnica,
  receiptFor,
  single,
  transfer,
  type PositionsTest,
} from '../../support/positionsFixture';

let p: PositionsTest;
beforeEach(async () => {
  p = await createPositionsTest();
});
afterEach(() => p.close());

/** The update input that re-sends a position as it is (what an edit form starts from). */
function asUpdate(position: DebtPosition): PositionUpdateInput {
  return {
    id: position.id,
    version: position.version,
    debtor: position.debtor,
    companyName: position.companyName,
    officeName: position.officeName,
    catalogueServiceId: position.catalogueServiceId,
    validityDate: position.validityDate,
    switchToExpired: position.switchToExpired,
    options: position.options.map((o) => ({
      noticeNumber: o.noticeNumber,
      kind: o.kind,
      instalmentNumber: o.instalmentNumber,
      amount: o.amount,
      dueDate: o.dueDate,
      description: o.description,
      transfers: o.transfers.map((t) => ({ ...t, id: t.index })),
    })),
  };
}

function actions(): string[] {
  return p.t.core.services.audit
    .page({ limit: 100 })
    .items.map((e) => e.action)
    .filter((a) => a.startsWith('position.'))
    .reverse();
}

function pay(position: DebtPosition, optionIndex = 0) {
  const option = position.options[optionIndex]!;
  return p.station.paSendRTV2({ ...address, receipt: receiptFor(option) });
}

describe('publishing and cancelling', () => {
  it('publishes a draft as VALID, or as PUBLISHED until its validity date, and audits it', () => {
    const now = p.positions.publish(operator, p.positions.create(operator, positionInput()).id);
    expect(now).toMatchObject({ status: 'VALID', version: 2, publishedAt: '2026-11-22T09:00:00.000Z' });
    const later = p.positions.create(operator, positionInput({ validityDate: '2026-12-01' }));
    expect(p.positions.publish(operator, later.id)).toMatchObject({ status: 'PUBLISHED' });
    expect(actions()).toEqual(['position.created', 'position.published', 'position.created', 'position.published']);
  });

  it('publishes only drafts, and refuses a stale version', () => {
    const created = p.positions.create(operator, positionInput());
    expect(() => p.positions.publish(operator, created.id, 7)).toThrow(expect.objectContaining({ code: 'DATA_CONFLICT' }));
    p.positions.publish(operator, created.id, 1);
    expect(() => p.positions.publish(operator, created.id)).toThrow(
      expect.objectContaining({ code: 'POSITION_STATUS_CONFLICT', message: 'Si può pubblicare solo una posizione in bozza.' }),
    );
    expect(() => p.positions.publish(operator, 4242)).toThrow(expect.objectContaining({ code: 'POSITION_NOT_FOUND' }));
  });

  it('refuses to publish a draft whose due date passed meanwhile', () => {
    const created = p.positions.create(operator, positionInput({ options: [single({ dueDate: '2026-11-25' })] }));
    p.t.clock.set('2026-11-26T09:00:00.000Z');
    expect(() => p.positions.publish(operator, created.id)).toThrow(
      expect.objectContaining({ code: 'IPC_INVALID_INPUT', fieldErrors: { 'options.0.dueDate': [expect.stringMatching(/già passata/)] } }),
    );
  });

  it('refuses to publish a draft whose IBAN was deleted meanwhile', () => {
    const created = p.positions.create(operator, positionInput());
    p.t.core.db.prepare("UPDATE iban SET deleted_at = '2026-11-22T09:30:00.000Z'").run();
    expect(() => p.positions.publish(operator, created.id)).toThrow(
      expect.objectContaining({ fieldErrors: { 'options.0.transfers.0.iban': [expect.stringMatching(/non è più tra gli IBAN attivi/)] } }),
    );
  });

  it('cancels from DRAFT, PUBLISHED or VALID only', () => {
    for (const validityDate of [null, '2026-12-01']) {
      const created = p.positions.create(operator, positionInput({ validityDate }));
      p.positions.publish(operator, created.id);
      expect(p.positions.invalidate(operator, created.id)).toMatchObject({ status: 'INVALID' });
    }
    const draft = p.positions.create(operator, positionInput());
    expect(p.positions.invalidate(operator, draft.id, 1).status).toBe('INVALID');
    expect(() => p.positions.invalidate(operator, draft.id)).toThrow(expect.objectContaining({ code: 'POSITION_STATUS_CONFLICT' }));
  });

  it('cannot cancel a paid position', async () => {
    const position = p.positions.publish(operator, p.positions.create(operator, positionInput()).id);
    await pay(position);
    expect(() => p.positions.invalidate(operator, position.id)).toThrow(expect.objectContaining({ code: 'POSITION_STATUS_CONFLICT' }));
  });
});

describe('editing', () => {
  it('edits a draft keeping the notice numbers of the options it keeps, and audits what changed', () => {
    const created = p.positions.create(operator, positionInput({ options: [instalment(1, '2026-12-31'), instalment(2, '2027-01-31')] }));
    const edit = asUpdate(created);
    edit.debtor = { ...edit.debtor, fullName: 'Emanuele Rocca Bianchi' };
    edit.options[1] = { ...edit.options[1]!, amount: 7_000, transfers: [transfer({ amount: 7_000 })] };
    edit.options.push({ ...instalment(3, '2027-02-28'), noticeNumber: null });
    const updated = p.positions.update(operator, edit);
    expect(updated.version).toBe(2);
    expect(updated.options.map((o) => o.noticeNumber).slice(0, 2)).toEqual(created.options.map((o) => o.noticeNumber));
    expect(updated.options[2]!.noticeNumber).not.toBe(created.options[1]!.noticeNumber);
    expect(updated).toMatchObject({ totalAmount: 17_000, maxDueDate: '2027-02-28', debtor: { fullName: 'Emanuele Rocca Bianchi' } });
    const entry = p.t.core.services.audit.page({ limit: 1, action: 'position.updated' }).items[0]!;
    expect(entry.details).toMatchObject({
      changes: {
        totalAmount: { from: 10_000, to: 17_000 },
        debtor: ['fullName'],
        options: { added: [updated.options[2]!.noticeNumber], removed: [], changed: [created.options[1]!.noticeNumber] },
      },
    });
  });

  it('writes nothing for an edit that changes nothing', () => {
    const created = p.positions.create(operator, positionInput({ options: [instalment(1, '2026-12-31'), instalment(2, '2027-01-31')] }));
    const before = dumpDatabase(p.t.core.db);
    expect(p.positions.update(operator, asUpdate(created))).toEqual(created);
    expect(dumpDatabase(p.t.core.db)).toBe(before);
  });

  it('removes options left out, and lets kept options swap instalment numbers', () => {
    const created = p.positions.create(
      operator,
      positionInput({ options: [instalment(1, '2026-12-31'), instalment(2, '2026-12-31'), instalment(3, '2027-01-31')] }),
    );
    const edit = asUpdate(created);
    const [first, second] = edit.options;
    edit.options = [
      { ...first!, instalmentNumber: 2 },
      { ...second!, instalmentNumber: 1 },
    ];
    const updated = p.positions.update(operator, edit);
    expect(updated.options.map((o) => [o.noticeNumber, o.instalmentNumber])).toEqual([
      [created.options[1]!.noticeNumber, 1],
      [created.options[0]!.noticeNumber, 2],
    ]);
    expect(p.positions.findByNoticeNumber(created.options[2]!.noticeNumber)).toBeNull();
  });

  it('refuses a stale version with DATA_CONFLICT and changes nothing', () => {
    const created = p.positions.create(operator, positionInput());
    p.positions.update(operator, { ...asUpdate(created), officeName: 'Ufficio TARI' });
    const before = dumpDatabase(p.t.core.db);
    expect(() => p.positions.update(operator, { ...asUpdate(created), officeName: 'Altro' })).toThrow(
      expect.objectContaining({ code: 'DATA_CONFLICT', message: expect.stringMatching(/modificati nel frattempo/) }),
    );
    expect(dumpDatabase(p.t.core.db)).toBe(before);
  });

  it('refuses edits to INVALID, PARTIALLY_PAID and PAID positions', async () => {
    const cancelled = p.positions.invalidate(operator, p.positions.create(operator, positionInput()).id);
    expect(() => p.positions.update(operator, asUpdate(cancelled))).toThrow(expect.objectContaining({ code: 'POSITION_NOT_EDITABLE' }));

    const plan = p.positions.publish(operator, p.positions.create(operator, positionInput({ options: [instalment(1, '2026-12-31'), instalment(2, '2027-01-31')] })).id);
    await pay(plan, 0);
    const partial = p.positions.get(plan.id);
    expect(partial.status).toBe('PARTIALLY_PAID');
    expect(() => p.positions.update(operator, asUpdate(partial))).toThrow(expect.objectContaining({ code: 'POSITION_NOT_EDITABLE' }));
    await pay(partial, 1);
    const paid = p.positions.get(plan.id);
    expect(paid.status).toBe('PAID');
    expect(() => p.positions.update(operator, asUpdate(paid))).toThrow(
      expect.objectContaining({ code: 'POSITION_NOT_EDITABLE', message: expect.stringMatching(/non si può più modificare/) }),
    );
  });

  it('edits a payable position but will not push its validity date into the future', () => {
    const valid = p.positions.publish(operator, p.positions.create(operator, positionInput()).id);
    expect(() => p.positions.update(operator, { ...asUpdate(valid), validityDate: '2026-12-01' })).toThrow(
      expect.objectContaining({ fieldErrors: { validityDate: [expect.stringMatching(/già pagabile/)] } }),
    );
    expect(p.positions.update(operator, { ...asUpdate(valid), officeName: 'Ufficio TARI' })).toMatchObject({ status: 'VALID', officeName: 'Ufficio TARI' });
  });

  it('keeps an instalment whose due date has passed, but refuses to move one into the past', () => {
    const plan = p.positions.publish(operator, p.positions.create(operator, positionInput({ options: [instalment(1, '2026-11-30'), instalment(2, '2027-01-31')] })).id);
    p.t.clock.set('2026-12-10T09:00:00.000Z');
    const current = p.positions.get(plan.id);
    expect(p.positions.update(operator, { ...asUpdate(current), officeName: 'Ufficio TARI' }).status).toBe('VALID');
    const moved = asUpdate(p.positions.get(plan.id));
    moved.options[0] = { ...moved.options[0]!, dueDate: '2026-12-01' };
    expect(() => p.positions.update(operator, moved)).toThrow(
      expect.objectContaining({ fieldErrors: { 'options.0.dueDate': ['La data di scadenza non può essere nel passato.'] } }),
    );
  });

  it('revives an EXPIRED position given a new due date', () => {
    const created = p.positions.create(operator, positionInput({ switchToExpired: true, options: [single({ dueDate: '2026-11-30' })] }));
    p.positions.publish(operator, created.id);
    p.t.clock.set('2026-12-02T09:00:00.000Z');
    const expired = p.positions.get(created.id);
    expect(expired.status).toBe('EXPIRED');
    const edit = asUpdate(expired);
    edit.options[0] = { ...edit.options[0]!, dueDate: '2026-12-31' };
    const revived = p.positions.update(operator, edit);
    expect(revived).toMatchObject({ status: 'VALID', options: [{ noticeNumber: created.options[0]!.noticeNumber, dueDate: '2026-12-31' }] });
    expect(p.t.core.services.audit.page({ limit: 1, action: 'position.updated' }).items[0]!.details).toMatchObject({
      status: { from: 'EXPIRED', to: 'VALID' },
    });
  });
});

describe('date-driven statuses', () => {
  it('turns PUBLISHED into VALID on the validity date (Italian calendar), with a system audit entry', () => {
    const created = p.positions.create(operator, positionInput({ validityDate: '2026-12-01' }));
    p.positions.publish(operator, created.id);
    p.t.clock.set('2026-11-30T22:59:00.000Z'); // 23:59 in Rome
    expect(p.positions.get(created.id).status).toBe('PUBLISHED');
    p.t.clock.set('2026-11-30T23:00:00.000Z'); // midnight in Rome
    expect(p.positions.get(created.id)).toMatchObject({ status: 'VALID', version: 3 });
    expect(p.t.core.services.audit.page({ limit: 1, action: 'position.validityReached' }).items[0]).toMatchObject({
      actorName: 'Sistema',
      details: { from: 'PUBLISHED', to: 'VALID' },
    });
  });

  it('expires only positions marked switchToExpired, the day after the last due date', () => {
    const expiring = p.positions.create(operator, positionInput({ switchToExpired: true, options: [instalment(1, '2026-11-30'), instalment(2, '2026-12-15')] }));
    const lasting = p.positions.create(operator, positionInput({ options: [single({ dueDate: '2026-11-30' })] }));
    p.positions.publish(operator, expiring.id);
    p.positions.publish(operator, lasting.id);
    p.t.clock.set('2026-12-15T09:00:00.000Z');
    expect(p.positions.get(expiring.id).status).toBe('VALID');
    p.t.clock.set('2026-12-16T09:00:00.000Z');
    expect(p.positions.get(expiring.id).status).toBe('EXPIRED');
    expect(p.positions.get(lasting.id).status).toBe('VALID');
    expect(p.positions.list({ status: 'EXPIRED' }).items.map((x) => x.id)).toEqual([expiring.id]);
  });

  it('sweeps a backlog in batches and reports what it did', () => {
    for (let i = 0; i < 3; i++) {
      p.positions.publish(operator, p.positions.create(operator, positionInput({ validityDate: '2026-11-25', options: [single({ dueDate: '2026-12-01' })] })).id);
      p.positions.publish(operator, p.positions.create(operator, positionInput({ switchToExpired: true, options: [single({ dueDate: '2026-11-23' })] })).id);
    }
    p.t.clock.set('2026-11-26T09:00:00.000Z');
    expect(p.positions.sweep()).toEqual({ validated: 3, expired: 3 });
    expect(p.positions.sweep()).toEqual({ validated: 0, expired: 0 });
  });

  it('does not touch drafts, cancelled or paid positions', async () => {
    const draft = p.positions.create(operator, positionInput({ switchToExpired: true, options: [single({ dueDate: '2026-11-23' })] }));
    const paid = p.positions.publish(operator, p.positions.create(operator, positionInput({ switchToExpired: true, options: [single({ dueDate: '2026-11-23' })] })).id);
    await pay(paid);
    p.t.clock.set('2027-01-01T09:00:00.000Z');
    expect(p.positions.get(draft.id).status).toBe('DRAFT');
    expect(p.positions.get(paid.id).status).toBe('PAID');
  });

  it('a plan paid with the rata unica is PAID, its instalments never payable again', async () => {
    const plan = p.positions.publish(
      operator,
      p.positions.create(operator, positionInput({ options: [instalment(1, '2026-12-31'), instalment(2, '2027-01-31'), rataUnica('2026-12-31', 9_000)] })).id,
    );
    await pay(plan, 0); // the rata unica comes first
    expect(p.positions.get(plan.id)).toMatchObject({ status: 'PAID', options: [{ kind: 'rataUnica', status: 'paid' }, { status: 'unpaid' }, { status: 'unpaid' }] });
  });
});
