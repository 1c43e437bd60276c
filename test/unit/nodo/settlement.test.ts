import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../../src-main/nodo/delivery';
import {
  flowIdentifier,
  flowIdFromRemittance,
  groupIntoFlows,
  italianDay,
  parseFlowIdentifier,
  remittanceForFlow,
  type UnsettledTransfer,
} from '../../../src-main/nodo/settlement';

describe('flow identifier', () => {
  it('is <date><idPSP>-<free>', () => {
    expect(flowIdentifier('2026-11-22', 'BESMIT01', 'S0123456789')).toBe('2026-11-22BESMIT01-S0123456789');
    expect(parseFlowIdentifier('2026-11-22BESMIT01-S0123456789')).toEqual({ settlementDate: '2026-11-22', idPSP: 'BESMIT01', free: 'S0123456789' });
  });

  it('refuses bad parts and more than 35 characters', () => {
    expect(() => flowIdentifier('22/11/2026', 'BESMIT01', 'S1')).toThrow(RangeError);
    expect(() => flowIdentifier('2026-11-22', 'BES-MIT', 'S1')).toThrow(RangeError);
    expect(() => flowIdentifier('2026-11-22', 'BESMIT01', 'S'.repeat(20))).toThrow(RangeError);
    expect(parseFlowIdentifier('2026-11-22BESMIT01')).toBeNull();
  });

  it('round-trips through the bank transfer remittance text', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z0-9_]{1,12}$/), fc.stringMatching(/^[A-Za-z0-9]{1,10}$/), (psp, free) => {
        const id = flowIdentifier('2026-01-31', psp, free);
        const text = remittanceForFlow(id);
        expect(text).toBe(`/PUR/LGPE-RIVERSAMENTO/URI/${id}`);
        expect(flowIdFromRemittance(` ${text} `)).toBe(id);
      }),
    );
    expect(flowIdFromRemittance('Pagamento TARI')).toBeNull();
    expect(flowIdFromRemittance('/PUR/LGPE-RIVERSAMENTO/URI/nonvalido')).toBeNull();
  });
});

const t = (over: Partial<UnsettledTransfer>): UnsettledTransfer => ({
  receiptId: 'r1',
  transferIndex: 1,
  ecFiscalCode: '80215430580',
  iban: 'IT60X0542811101000000123456',
  amount: 100,
  iuv: '01000000000000144',
  idPSP: 'BESMIT01',
  paymentDateTime: '2026-11-22T09:00:00.000Z',
  paymentDay: '2026-11-22',
  outcomeCode: 0,
  ...over,
});

describe('groupIntoFlows', () => {
  it('makes one flow per PSP, receiving EC and IBAN with the right totals', () => {
    const drafts = groupIntoFlows([
      t({ receiptId: 'a', amount: 100 }),
      t({ receiptId: 'b', amount: 250 }),
      t({ receiptId: 'a', transferIndex: 2, ecFiscalCode: '00743110157', iban: 'IT57N0760114800000011050036', amount: 30 }),
      t({ receiptId: 'c', idPSP: 'NUVLIT01', amount: 70 }),
      t({ receiptId: 'd', iban: 'IT57N0760114800000011050036', amount: 5 }),
    ]);
    expect(drafts.map((d) => [d.idPSP, d.receiverFiscalCode, d.iban, d.totalAmount, d.transfers.length])).toEqual([
      ['BESMIT01', '00743110157', 'IT57N0760114800000011050036', 30, 1],
      ['BESMIT01', '80215430580', 'IT57N0760114800000011050036', 5, 1],
      ['BESMIT01', '80215430580', 'IT60X0542811101000000123456', 350, 2],
      ['NUVLIT01', '80215430580', 'IT60X0542811101000000123456', 70, 1],
    ]);
  });

  it('does not depend on the input order', () => {
    const rows = [
      t({ receiptId: 'b', paymentDateTime: '2026-11-22T10:00:00.000Z' }),
      t({ receiptId: 'a', paymentDateTime: '2026-11-22T10:00:00.000Z' }),
      t({ receiptId: 'c', paymentDateTime: '2026-11-22T08:00:00.000Z' }),
      t({ receiptId: 'a', transferIndex: 2, paymentDateTime: '2026-11-22T10:00:00.000Z' }),
    ];
    const expected = groupIntoFlows(rows);
    expect(expected[0]!.transfers.map((x) => `${x.receiptId}${x.transferIndex}`)).toEqual(['c1', 'a1', 'a2', 'b1']);
    fc.assert(
      fc.property(fc.shuffledSubarray(rows, { minLength: rows.length }), (shuffled) => {
        expect(groupIntoFlows(shuffled)).toEqual(expected);
      }),
    );
  });
});

describe('italianDay', () => {
  it('is the calendar day in Italy, across midnight and DST', () => {
    expect(italianDay(new Date('2026-11-22T22:59:59Z'))).toBe('2026-11-22');
    expect(italianDay(new Date('2026-11-22T23:00:00Z'))).toBe('2026-11-23');
    expect(italianDay(new Date('2026-07-01T21:59:59Z'))).toBe('2026-07-01');
    expect(italianDay(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });
});

describe('retryDelayMs', () => {
  it('doubles from the base up to the cap', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 30_000, 3_600_000))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(20, 30_000, 3_600_000)).toBe(3_600_000);
    expect(retryDelayMs(1_000, 30_000, 3_600_000)).toBe(3_600_000);
  });
});
