import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../../../src-shared/domain/date';
import {
  POSITION_STATUSES,
  acceptsPayments,
  canEdit,
  canInvalidate,
  canPublish,
  canTransition,
  isOptionExpired,
  paymentProgress,
  positionStatusFor,
  positionStatusLabels,
  positionTransitions,
  statusOnPublish,
  wouldPayTwice,
  type OptionSnapshot,
  type PositionSnapshot,
  type PositionStatus,
} from '../../../src-shared/domain/positionStatus';

const TODAY = '2026-11-22';
const opt = (kind: OptionSnapshot['kind'], dueDate: string, status: OptionSnapshot['status'] = 'unpaid'): OptionSnapshot => ({
  kind,
  dueDate,
  status,
});
const position = (over: Partial<PositionSnapshot>): PositionSnapshot => ({
  status: 'VALID',
  validityDate: null,
  switchToExpired: false,
  options: [opt('single', '2026-12-31')],
  ...over,
});

describe('the transition table', () => {
  it('names every status, with an Italian label', () => {
    expect(Object.keys(positionTransitions).sort()).toEqual([...POSITION_STATUSES].sort());
    for (const s of POSITION_STATUSES) expect(positionStatusLabels[s].length).toBeGreaterThan(3);
  });

  it('follows DOMAIN.md: DRAFT -> PUBLISHED -> VALID -> PARTIALLY_PAID -> PAID -> REPORTED', () => {
    for (const [from, to] of [
      ['DRAFT', 'PUBLISHED'],
      ['PUBLISHED', 'VALID'],
      ['VALID', 'PARTIALLY_PAID'],
      ['PARTIALLY_PAID', 'PAID'],
      ['PAID', 'REPORTED'],
      ['VALID', 'EXPIRED'],
    ] as const) {
      expect(canTransition(from, to), `${from} -> ${to}`).toBe(true);
    }
  });

  it('cancels only from DRAFT, PUBLISHED and VALID', () => {
    for (const s of POSITION_STATUSES) {
      expect(canTransition(s, 'INVALID'), s).toBe(['DRAFT', 'PUBLISHED', 'VALID'].includes(s));
      expect(canInvalidate(s), s).toBe(['DRAFT', 'PUBLISHED', 'VALID'].includes(s));
    }
  });

  it('never leaves INVALID or REPORTED, and never goes back from a paid status', () => {
    expect(positionTransitions.INVALID).toEqual([]);
    expect(positionTransitions.REPORTED).toEqual([]);
    for (const s of ['DRAFT', 'PUBLISHED', 'VALID', 'EXPIRED', 'INVALID'] as const) {
      expect(canTransition('PAID', s)).toBe(false);
      expect(canTransition('PARTIALLY_PAID', s)).toBe(false);
    }
  });

  it('lets edits happen only before money moved or the EC cancelled', () => {
    expect(POSITION_STATUSES.filter(canEdit)).toEqual(['DRAFT', 'PUBLISHED', 'VALID', 'EXPIRED']);
    expect(POSITION_STATUSES.filter(canPublish)).toEqual(['DRAFT']);
    expect(POSITION_STATUSES.filter(acceptsPayments)).toEqual(['VALID', 'PARTIALLY_PAID', 'EXPIRED']);
  });
});

describe('statusOnPublish and the calendar', () => {
  it('waits as PUBLISHED until the validity date, which is itself payable', () => {
    expect(statusOnPublish('2026-11-23', TODAY)).toBe('PUBLISHED');
    expect(statusOnPublish(TODAY, TODAY)).toBe('VALID');
    expect(statusOnPublish(null, TODAY)).toBe('VALID');
    const p = position({ status: 'PUBLISHED', validityDate: '2026-11-25' });
    expect(positionStatusFor(p, '2026-11-24')).toBe('PUBLISHED');
    expect(positionStatusFor(p, '2026-11-25')).toBe('VALID');
  });

  it('expires only with switchToExpired, and only once the last due date is in the past', () => {
    const plan = [opt('instalment', '2026-12-01'), opt('instalment', '2027-01-01')];
    expect(positionStatusFor(position({ options: plan, switchToExpired: false }), '2027-06-01')).toBe('VALID');
    expect(positionStatusFor(position({ options: plan, switchToExpired: true }), '2026-12-15')).toBe('VALID');
    expect(positionStatusFor(position({ options: plan, switchToExpired: true }), '2027-01-01')).toBe('VALID');
    expect(positionStatusFor(position({ options: plan, switchToExpired: true }), '2027-01-02')).toBe('EXPIRED');
    expect(isOptionExpired(plan[0]!, true, '2026-12-02')).toBe(true);
    expect(isOptionExpired(plan[0]!, false, '2026-12-02')).toBe(false);
    expect(isOptionExpired(plan[0]!, true, '2026-12-01')).toBe(false);
  });

  it('brings a long-forgotten PUBLISHED position straight to EXPIRED', () => {
    const p = position({ status: 'PUBLISHED', validityDate: '2026-11-25', switchToExpired: true });
    expect(positionStatusFor(p, '2027-02-01')).toBe('EXPIRED');
    expect(canTransition('PUBLISHED', 'EXPIRED')).toBe(true);
  });

  it('revives an EXPIRED position whose due date was moved forward', () => {
    expect(positionStatusFor(position({ status: 'EXPIRED', switchToExpired: true }), TODAY)).toBe('VALID');
  });

  it('keeps DRAFT, INVALID and REPORTED whatever the date', () => {
    for (const status of ['DRAFT', 'INVALID', 'REPORTED'] as const) {
      expect(positionStatusFor(position({ status, switchToExpired: true }), '2030-01-01')).toBe(status);
    }
  });
});

describe('payments', () => {
  const plan = (...statuses: Array<OptionSnapshot['status']>) => [
    opt('rataUnica', '2026-12-01', statuses[0]),
    opt('instalment', '2026-12-01', statuses[1]),
    opt('instalment', '2027-01-01', statuses[2]),
  ];

  it('measures progress: a single option, every instalment, or the rata unica', () => {
    expect(paymentProgress([opt('single', TODAY)])).toBe('none');
    expect(paymentProgress([opt('single', TODAY, 'paid')])).toBe('complete');
    expect(paymentProgress(plan('unpaid', 'paid', 'unpaid'))).toBe('partial');
    expect(paymentProgress(plan('unpaid', 'paid', 'reported'))).toBe('complete');
    expect(paymentProgress(plan('paid', 'unpaid', 'unpaid'))).toBe('complete');
  });

  it('knows what would be paid twice', () => {
    const afterInstalment = plan('unpaid', 'paid', 'unpaid');
    expect(wouldPayTwice(afterInstalment[0]!, afterInstalment)).toBe(true); // the rata unica
    expect(wouldPayTwice(afterInstalment[1]!, afterInstalment)).toBe(true); // the same instalment
    expect(wouldPayTwice(afterInstalment[2]!, afterInstalment)).toBe(false); // the next instalment
    const afterRataUnica = plan('paid', 'unpaid', 'unpaid');
    expect(wouldPayTwice(afterRataUnica[2]!, afterRataUnica)).toBe(true);
  });

  it('moves VALID -> PARTIALLY_PAID -> PAID -> REPORTED with the options', () => {
    expect(positionStatusFor(position({ options: plan('unpaid', 'paid', 'unpaid') }), TODAY)).toBe('PARTIALLY_PAID');
    expect(positionStatusFor(position({ status: 'PARTIALLY_PAID', options: plan('unpaid', 'paid', 'paid') }), TODAY)).toBe('PAID');
    expect(positionStatusFor(position({ status: 'PAID', options: plan('unpaid', 'reported', 'paid') }), TODAY)).toBe('PAID');
    expect(positionStatusFor(position({ status: 'PAID', options: plan('unpaid', 'reported', 'reported') }), TODAY)).toBe('REPORTED');
  });

  it('counts a late receipt on an EXPIRED position', () => {
    const p = position({ status: 'EXPIRED', switchToExpired: true, options: [opt('single', '2026-01-01', 'paid')] });
    expect(positionStatusFor(p, TODAY)).toBe('PAID');
  });

  it('does not let a paid option of a PUBLISHED position skip VALID', () => {
    const p = position({ status: 'PUBLISHED', validityDate: '2026-11-20', options: [opt('single', '2026-12-31', 'paid')] });
    expect(positionStatusFor(p, TODAY)).toBe('VALID');
  });
});

// ---- property: whatever happens, the status only ever takes allowed steps ----

type Event =
  | { type: 'advance'; days: number }
  | { type: 'publish'; validityOffset: number | null }
  | { type: 'invalidate' }
  | { type: 'edit'; dueOffsets: number[]; switchToExpired: boolean }
  | { type: 'pay'; option: number }
  | { type: 'report'; option: number }
  | { type: 'sweep' };

const eventArb: fc.Arbitrary<Event> = fc.oneof(
  fc.record({ type: fc.constant('advance' as const), days: fc.integer({ min: 0, max: 60 }) }),
  fc.record({ type: fc.constant('publish' as const), validityOffset: fc.option(fc.integer({ min: -5, max: 20 }), { nil: null }) }),
  fc.constant({ type: 'invalidate' as const }),
  fc.record({
    type: fc.constant('edit' as const),
    dueOffsets: fc.array(fc.integer({ min: 0, max: 90 }), { minLength: 4, maxLength: 4 }),
    switchToExpired: fc.boolean(),
  }),
  fc.record({ type: fc.constant('pay' as const), option: fc.nat(3) }),
  fc.record({ type: fc.constant('report' as const), option: fc.nat(3) }),
  fc.constant({ type: 'sweep' as const }),
);

const layoutArb = fc.constantFrom<OptionSnapshot['kind'][]>(
  ['single'],
  ['instalment', 'instalment'],
  ['rataUnica', 'instalment', 'instalment', 'instalment'],
);

describe('positionStatusFor over random histories', () => {
  it('never takes a step outside the transition table', () => {
    fc.assert(
      fc.property(layoutArb, fc.boolean(), fc.array(eventArb, { maxLength: 40 }), (kinds, switchToExpired, events) => {
        let today = TODAY;
        let state: PositionSnapshot = {
          status: 'DRAFT',
          validityDate: null,
          switchToExpired,
          options: kinds.map((k, i) => opt(k, addDaysIso(today, 10 + i * 10))),
        };
        const seen: Array<[PositionStatus, PositionStatus]> = [];
        const move = (to: PositionStatus) => {
          if (to !== state.status) {
            seen.push([state.status, to]);
            expect(canTransition(state.status, to), `${state.status} -> ${to}`).toBe(true);
          }
          state = { ...state, status: to };
        };
        const lastDue = () => state.options.reduce((m, o) => (o.dueDate > m ? o.dueDate : m), state.options[0]!.dueDate);

        for (const event of events) {
          switch (event.type) {
            case 'advance':
              today = addDaysIso(today, event.days);
              break;
            case 'sweep':
              if (state.status === 'PUBLISHED' || state.status === 'VALID') move(positionStatusFor(state, today));
              break;
            case 'publish': {
              // the service refuses to publish past due dates
              if (!canPublish(state.status) || state.options.some((o) => o.dueDate < today)) break;
              const firstDue = state.options.reduce((m, o) => (o.dueDate < m ? o.dueDate : m), lastDue());
              const validity = event.validityOffset === null ? null : addDaysIso(today, event.validityOffset);
              state = { ...state, validityDate: validity !== null && validity > firstDue ? firstDue : validity };
              move(statusOnPublish(state.validityDate, today));
              break;
            }
            case 'invalidate':
              if (canInvalidate(positionStatusFor(state, today))) {
                move(positionStatusFor(state, today));
                move('INVALID');
              }
              break;
            case 'edit': {
              const current = positionStatusFor(state, today);
              if (!canEdit(current)) break;
              move(current);
              const options = state.options.map((o, i) => ({ ...o, dueDate: addDaysIso(today, event.dueOffsets[i] ?? 0) }));
              // instalments stay in due-date order, as the service requires
              const sorted = [...options.map((o) => o.dueDate)].sort();
              let k = 0;
              const ordered = options.map((o) => (o.kind === 'instalment' ? { ...o, dueDate: sorted[k++]! } : o));
              const firstDue = [...ordered.map((o) => o.dueDate)].sort()[0]!;
              // an already payable position cannot move its validity date into the future
              const validityDate =
                state.validityDate === null ? null : state.validityDate > firstDue ? firstDue : current === 'PUBLISHED' ? state.validityDate : state.validityDate > today ? today : state.validityDate;
              state = { ...state, options: ordered, switchToExpired: event.switchToExpired, validityDate };
              if (current !== 'DRAFT') move(positionStatusFor(state, today));
              break;
            }
            case 'pay': {
              const i = event.option % state.options.length;
              // as the EC station does: catch up with the calendar, then take the payment
              move(positionStatusFor(state, today));
              const target = state.options[i]!;
              if (!acceptsPayments(state.status) || wouldPayTwice(target, state.options)) break;
              state = { ...state, options: state.options.map((o, j) => (j === i ? { ...o, status: 'paid' as const } : o)) };
              move(positionStatusFor(state, today));
              break;
            }
            case 'report': {
              const i = event.option % state.options.length;
              if (state.options[i]!.status !== 'paid') break;
              state = { ...state, options: state.options.map((o, j) => (j === i ? { ...o, status: 'reported' as const } : o)) };
              move(positionStatusFor(state, today));
              break;
            }
          }
        }
        // what the status says matches the money
        const progress = paymentProgress(state.options);
        if (state.status === 'PAID' || state.status === 'REPORTED') expect(progress).toBe('complete');
        if (state.status === 'PARTIALLY_PAID') expect(progress).toBe('partial');
        if (['DRAFT', 'PUBLISHED', 'VALID', 'EXPIRED'].includes(state.status)) expect(progress).toBe('none');
        return seen.every(([from, to]) => canTransition(from, to));
      }),
      { numRuns: 500 },
    );
  });
});
