import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  MAX_AMOUNT_CENTS,
  MIN_AMOUNT_CENTS,
  amountInvalidMessages,
  formatEuro,
  isValidAmountCents,
  parseEuro,
} from '../../../src-shared/domain/amount';

const reasonOf = (s: string) => {
  const r = parseEuro(s);
  return r.ok ? null : r.reason;
};

describe('formatEuro', () => {
  it('uses Italian grouping and decimals', () => {
    expect(formatEuro(102099)).toBe('1.020,99 €');
    expect(formatEuro(1)).toBe('0,01 €');
    expect(formatEuro(10)).toBe('0,10 €');
    expect(formatEuro(0)).toBe('0,00 €');
    expect(formatEuro(100000)).toBe('1.000,00 €');
    expect(formatEuro(99999)).toBe('999,99 €');
    expect(formatEuro(123456789)).toBe('1.234.567,89 €');
    expect(formatEuro(MAX_AMOUNT_CENTS)).toBe('999.999.999,99 €');
    expect(formatEuro(-1250)).toBe('-12,50 €');
  });

  it('refuses non-integer cents', () => {
    expect(() => formatEuro(1.5)).toThrow(RangeError);
    expect(() => formatEuro(Number.NaN)).toThrow(RangeError);
  });
});

describe('parseEuro', () => {
  it('accepts the usual ways of typing an amount', () => {
    expect(parseEuro('1.020,99')).toEqual({ ok: true, value: 102099 });
    expect(parseEuro('1020,99')).toEqual({ ok: true, value: 102099 });
    expect(parseEuro('1020')).toEqual({ ok: true, value: 102000 });
    expect(parseEuro('1.020,9')).toEqual({ ok: true, value: 102090 });
    expect(parseEuro('€ 12,50')).toEqual({ ok: true, value: 1250 });
    expect(parseEuro('12,50 €')).toEqual({ ok: true, value: 1250 });
    expect(parseEuro('12,50 EUR')).toEqual({ ok: true, value: 1250 });
    expect(parseEuro('  0,01 ')).toEqual({ ok: true, value: 1 });
    expect(parseEuro('1.000.000')).toEqual({ ok: true, value: 100000000 });
    expect(parseEuro('999.999.999,99')).toEqual({ ok: true, value: MAX_AMOUNT_CENTS });
    expect(parseEuro('007,5')).toEqual({ ok: true, value: 750 });
  });

  it('rejects with stable reasons', () => {
    expect(reasonOf('')).toBe('EMPTY');
    expect(reasonOf(' € ')).toBe('EMPTY');
    expect(reasonOf('12,345')).toBe('DECIMALS');
    expect(reasonOf('0,001')).toBe('DECIMALS');
    expect(reasonOf('-5')).toBe('NEGATIVE');
    expect(reasonOf('-1.020,99')).toBe('NEGATIVE');
    expect(reasonOf('0')).toBe('ZERO');
    expect(reasonOf('0,00')).toBe('ZERO');
    expect(reasonOf('1.000.000.000')).toBe('TOO_LARGE');
    expect(reasonOf('1000000000,00')).toBe('TOO_LARGE');
    expect(reasonOf('99999999999999999999999')).toBe('TOO_LARGE');
    expect(reasonOf('abc')).toBe('FORMAT');
    expect(reasonOf('-abc')).toBe('FORMAT');
    expect(reasonOf('12.50')).toBe('FORMAT'); // a dot is never a decimal separator
    expect(reasonOf('1.02,50')).toBe('FORMAT');
    expect(reasonOf('1,020.99')).toBe('FORMAT');
    expect(reasonOf('12,')).toBe('FORMAT');
    expect(reasonOf(',50')).toBe('FORMAT');
    expect(reasonOf('1e3')).toBe('FORMAT');
    const r = parseEuro('abc');
    expect(!r.ok && r.message).toBe(amountInvalidMessages.FORMAT);
  });

  it('isValidAmountCents checks the pagoPA range', () => {
    expect(isValidAmountCents(MIN_AMOUNT_CENTS)).toBe(true);
    expect(isValidAmountCents(MAX_AMOUNT_CENTS)).toBe(true);
    expect(isValidAmountCents(0)).toBe(false);
    expect(isValidAmountCents(MAX_AMOUNT_CENTS + 1)).toBe(false);
    expect(isValidAmountCents(10.5)).toBe(false);
    expect(isValidAmountCents(Number.NaN)).toBe(false);
  });
});

describe('amounts: properties', () => {
  const validCents = fc.integer({ min: MIN_AMOUNT_CENTS, max: MAX_AMOUNT_CENTS });

  it('parseEuro(formatEuro(c)) = c over the whole range', () => {
    fc.assert(
      fc.property(validCents, (cents) => {
        expect(parseEuro(formatEuro(cents))).toEqual({ ok: true, value: cents });
      }),
    );
  });

  it('accepts the ungrouped form too', () => {
    fc.assert(
      fc.property(validCents, (cents) => {
        const plain = `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
        expect(parseEuro(plain)).toEqual({ ok: true, value: cents });
      }),
    );
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const r = parseEuro(s);
        if (r.ok) expect(isValidAmountCents(r.value)).toBe(true);
        else expect(r.message).toBe(amountInvalidMessages[r.reason]);
      }),
    );
  });
});
