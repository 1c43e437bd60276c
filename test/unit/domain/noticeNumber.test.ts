import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  RESERVED_SEGREGATION_CODES,
  formatNoticeNumber,
  generateNoticeNumber,
  isAllowedSegregationCode,
  iuvFromNoticeNumber,
  noticeCheckDigits,
  noticeCheckWarning,
  noticeInvalidMessages,
  normalizeNoticeNumber,
  parseNoticeNumber,
} from '../../../src-shared/domain/noticeNumber';
import { DIGITS, anyNotice, aux3Notice, digits, segregationCode, substitute } from './arbitraries';

describe('parseNoticeNumber: DOMAIN.md examples', () => {
  it('347164993070184562: aux 3, segregation 47, check 62', () => {
    expect(parseNoticeNumber('347164993070184562')).toEqual({
      ok: true,
      value: {
        noticeNumber: '347164993070184562',
        auxDigit: 3,
        segregationCode: '47',
        iuv: '47164993070184562',
        checkDigits: '62',
        checkDigitsValid: true,
      },
    });
  });

  it('310000000000090203: check 03', () => {
    const r = parseNoticeNumber('310000000000090203');
    expect(r.ok && r.value).toMatchObject({ auxDigit: 3, segregationCode: '10', checkDigits: '03', checkDigitsValid: true });
    expect(noticeCheckDigits('3100000000000902')).toBe('03');
  });

  it('001110000000000164: aux 0, application code 01, IUV 110000000000164', () => {
    expect(parseNoticeNumber('001110000000000164')).toEqual({
      ok: true,
      value: {
        noticeNumber: '001110000000000164',
        auxDigit: 0,
        applicationCode: '01',
        iuv: '110000000000164',
        checkDigits: '64',
        checkDigitsValid: true,
      },
    });
    expect(iuvFromNoticeNumber('001110000000000164')).toBe('110000000000164');
  });

  it('generates 301000000000000144 for segregation 01 and base 0000000000001', () => {
    expect(generateNoticeNumber('01', '0000000000001')).toBe('301000000000000144');
    expect(formatNoticeNumber('301000000000000144')).toBe('3010 0000 0000 0001 44');
  });

  it('302000100000009483 fails the check but is accepted with a warning', () => {
    const r = parseNoticeNumber('302000100000009483');
    expect(r.ok).toBe(true);
    expect(r.ok && r.value.checkDigitsValid).toBe(false);
    expect(r.ok && r.value.iuv).toBe('02000100000009483');
    expect(noticeCheckWarning).toMatch(/cifre di controllo/);
  });
});

describe('parseNoticeNumber: other layouts and failures', () => {
  it('aux 1 has a 17-digit IUV and no check digits', () => {
    expect(parseNoticeNumber('112345678901234567')).toEqual({
      ok: true,
      value: { noticeNumber: '112345678901234567', auxDigit: 1, iuv: '12345678901234567', checkDigitsValid: null },
    });
  });

  it('aux 2 checks "2" + base', () => {
    const prefix = '2123456789012345';
    const notice = prefix + noticeCheckDigits(prefix);
    const r = parseNoticeNumber(notice);
    expect(r.ok && r.value).toEqual({
      noticeNumber: notice,
      auxDigit: 2,
      iuv: notice.slice(1),
      checkDigits: notice.slice(16),
      checkDigitsValid: true,
    });
  });

  it('accepts the printed, grouped form', () => {
    expect(normalizeNoticeNumber('3010 0000 0000 0001 44')).toBe('301000000000000144');
    const r = parseNoticeNumber(' 3010 0000 0000 0001 44 ');
    expect(r.ok && r.value.noticeNumber).toBe('301000000000000144');
  });

  it('rejects with stable reasons', () => {
    const reason = (s: string) => {
      const r = parseNoticeNumber(s);
      return r.ok ? null : r.reason;
    };
    expect(reason('')).toBe('EMPTY');
    expect(reason('  ')).toBe('EMPTY');
    expect(reason('30100000000000014A')).toBe('CHARACTERS');
    expect(reason('3010-0000-0000-0001-44')).toBe('CHARACTERS');
    expect(reason('30100000000000014')).toBe('LENGTH');
    expect(reason('3010000000000001440')).toBe('LENGTH');
    expect(reason('401000000000000144')).toBe('AUX_DIGIT');
    expect(reason('901000000000000144')).toBe('AUX_DIGIT');
    const r = parseNoticeNumber('x');
    expect(!r.ok && r.message).toBe(noticeInvalidMessages.CHARACTERS);
    expect(iuvFromNoticeNumber('abc')).toBeNull();
  });
});

describe('segregation codes and generation', () => {
  it('allows 00..45 only', () => {
    expect(isAllowedSegregationCode('00')).toBe(true);
    expect(isAllowedSegregationCode('45')).toBe(true);
    expect(isAllowedSegregationCode('46')).toBe(false);
    for (const reserved of RESERVED_SEGREGATION_CODES) expect(isAllowedSegregationCode(reserved)).toBe(false);
    expect(isAllowedSegregationCode('1')).toBe(false);
    expect(isAllowedSegregationCode('001')).toBe(false);
    expect(isAllowedSegregationCode('ab')).toBe(false);
  });

  it('throws RangeError with an Italian message on bad input', () => {
    expect(() => generateNoticeNumber('47', '0000000000001')).toThrow(RangeError);
    expect(() => generateNoticeNumber('47', '0000000000001')).toThrow(/segregazione/);
    expect(() => generateNoticeNumber('01', '000000000001')).toThrow(RangeError);
    expect(() => generateNoticeNumber('01', '000000000000A')).toThrow(/13 cifre/);
    expect(() => noticeCheckDigits('12a')).toThrow(RangeError);
  });

  it('pads check digits to two digits', () => {
    expect(noticeCheckDigits('93')).toBe('00');
    expect(noticeCheckDigits('1')).toBe('01');
    expect(noticeCheckDigits('92')).toBe('92');
  });
});

describe('notice numbers: properties', () => {
  it('every generated notice parses, is aux 3 with valid check digits and carries its inputs', () => {
    fc.assert(
      fc.property(segregationCode, digits(13), (seg, base) => {
        const notice = generateNoticeNumber(seg, base);
        const r = parseNoticeNumber(notice);
        expect(r.ok && r.value).toEqual({
          noticeNumber: notice,
          auxDigit: 3,
          segregationCode: seg,
          iuv: notice.slice(1),
          checkDigits: notice.slice(16),
          checkDigitsValid: true,
        });
      }),
    );
  });

  it('every notice with computed check digits parses as valid, in any layout', () => {
    fc.assert(
      fc.property(anyNotice, (notice) => {
        const r = parseNoticeNumber(notice);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value.checkDigitsValid).toBe(r.value.auxDigit === 1 ? null : true);
        expect(notice.endsWith(r.value.iuv)).toBe(true);
        expect(r.value.iuv.length).toBe(r.value.auxDigit === 0 ? 15 : 17);
      }),
    );
  });

  it('round-trips through the printed form', () => {
    fc.assert(
      fc.property(anyNotice, (notice) => {
        const printed = formatNoticeNumber(notice);
        expect(printed).toMatch(/^(\d{4} ){4}\d{2}$/);
        expect(normalizeNoticeNumber(printed)).toBe(notice);
        const r = parseNoticeNumber(printed);
        expect(r.ok && r.value.noticeNumber).toBe(notice);
      }),
    );
  });

  // A single-digit change alters the number by d * 10^k with 0 < |d| <= 9; 93 = 3 * 31 shares no factor
  // with 10 and exceeds 9, so the remainder always moves. A changed check digit is a different
  // two-digit value, so it always mismatches too.
  it('mod 93 detects any single-digit change after the aux digit', () => {
    fc.assert(
      fc.property(aux3Notice, fc.integer({ min: 1, max: 17 }), fc.nat({ max: 8 }), (notice, pos, pick) => {
        const mutated = substitute(notice, pos, DIGITS.replace(notice.charAt(pos), '').charAt(pick));
        const r = parseNoticeNumber(mutated);
        expect(r.ok).toBe(true);
        expect(r.ok && r.value.checkDigitsValid).toBe(false);
      }),
    );
  });

  // Swapping adjacent digits a, b changes the number by 9 * (a - b) * 10^k; 93 would have to divide
  // 9 * (a - b), i.e. 31 would have to divide a - b, which never happens for distinct digits.
  it('mod 93 detects any swap of two different adjacent digits inside segregation code + base', () => {
    fc.assert(
      fc.property(aux3Notice, fc.integer({ min: 1, max: 14 }), (notice, pos) => {
        const a = notice.charAt(pos);
        const b = notice.charAt(pos + 1);
        fc.pre(a !== b);
        const swapped = notice.slice(0, pos) + b + a + notice.slice(pos + 2);
        const r = parseNoticeNumber(swapped);
        expect(r.ok && r.value.checkDigitsValid).toBe(false);
      }),
    );
  });
});
