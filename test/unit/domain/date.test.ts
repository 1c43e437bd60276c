import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  formatItalianDateTime,
  addDaysIso,
  compareIsoDate,
  formatItalianDate,
  isExpired,
  isIsoDate,
  parseItalianDate,
  todayIso,
} from '../../../src-shared/domain/date';

describe('isIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2026-03-05')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-00-10')).toBe(false);
    expect(isIsoDate('2026-01-00')).toBe(false);
    expect(isIsoDate('2026-3-5')).toBe(false);
    expect(isIsoDate('2026-03-05T00:00:00Z')).toBe(false);
    expect(isIsoDate(' 2026-03-05')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });
});

describe('Italian dates', () => {
  it('formats and parses dd/mm/yyyy', () => {
    expect(formatItalianDate('2026-03-05')).toBe('05/03/2026');
    expect(parseItalianDate('05/03/2026')).toBe('2026-03-05');
    expect(parseItalianDate(' 5/3/2026 ')).toBe('2026-03-05');
    expect(parseItalianDate('05.03.2026')).toBe('2026-03-05');
    expect(parseItalianDate('05-03-2026')).toBe('2026-03-05');
  });

  it('rejects impossible or malformed dates', () => {
    expect(parseItalianDate('31/04/2026')).toBeNull();
    expect(parseItalianDate('29/02/2026')).toBeNull();
    expect(parseItalianDate('2026-03-05')).toBeNull();
    expect(parseItalianDate('05/03-2026')).toBeNull();
    expect(parseItalianDate('05/03/26')).toBeNull();
    expect(parseItalianDate('')).toBeNull();
    expect(() => formatItalianDate('2026-02-30')).toThrow(RangeError);
  });

  it('round-trips every real date', () => {
    const isoDate = fc
      .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(isoDate, (iso) => {
        expect(isIsoDate(iso)).toBe(true);
        expect(parseItalianDate(formatItalianDate(iso))).toBe(iso);
      }),
    );
  });
});

describe('comparison and expiry', () => {
  it('compares ISO dates', () => {
    expect(compareIsoDate('2026-03-05', '2026-03-06')).toBe(-1);
    expect(compareIsoDate('2026-03-05', '2026-03-05')).toBe(0);
    expect(compareIsoDate('2027-01-01', '2026-12-31')).toBe(1);
    expect(() => compareIsoDate('2026-3-5', '2026-03-05')).toThrow(RangeError);
  });

  it('a notice due today is not expired', () => {
    expect(isExpired('2026-03-05', '2026-03-05')).toBe(false);
    expect(isExpired('2026-03-06', '2026-03-05')).toBe(false);
    expect(isExpired('2026-03-04', '2026-03-05')).toBe(true);
  });

  it('adds days across months, years and DST changes', () => {
    expect(addDaysIso('2026-03-28', 3)).toBe('2026-03-31');
    expect(addDaysIso('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDaysIso('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDaysIso('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDaysIso('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDaysIso('0050-01-01', 1)).toBe('0050-01-02');
  });
});

describe('todayIso', () => {
  it('uses the Italian calendar day by default', () => {
    // 23:30 UTC on 31 December is already 1 January in Rome (UTC+1).
    expect(todayIso(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    // 22:30 UTC in summer is 00:30 in Rome (UTC+2).
    expect(todayIso(new Date('2026-07-14T22:30:00Z'))).toBe('2026-07-15');
    expect(todayIso(new Date('2026-07-14T21:30:00Z'))).toBe('2026-07-14');
  });

  it('honours another time zone', () => {
    expect(todayIso(new Date('2025-12-31T23:30:00Z'), 'UTC')).toBe('2025-12-31');
    expect(todayIso(new Date('2026-01-01T03:00:00Z'), 'America/New_York')).toBe('2025-12-31');
  });

  it('always returns an ISO date', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), (d) => {
        expect(isIsoDate(todayIso(d))).toBe(true);
      }),
    );
  });
});

describe('formatItalianDateTime', () => {
  it('shows an instant on Italian time, summer and winter, midnight as 00', () => {
    expect(formatItalianDateTime('2026-11-22T10:15:00.000Z')).toBe('22/11/2026, 11:15:00');
    expect(formatItalianDateTime('2026-07-01T22:00:05Z')).toBe('02/07/2026, 00:00:05');
    expect(formatItalianDateTime('2026-11-22T10:15:00.000Z', ' ')).toBe('22/11/2026 11:15:00');
  });

  it('gives back what is not an instant, as it is', () => {
    expect(formatItalianDateTime('ieri')).toBe('ieri');
    expect(formatItalianDateTime('')).toBe('');
  });
});
