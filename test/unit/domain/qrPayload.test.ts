import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { MAX_AMOUNT_CENTS } from '../../../src-shared/domain/amount';
import { buildQrPayload, parseQrPayload, qrInvalidMessages } from '../../../src-shared/domain/qrPayload';
import { anyNotice, digits } from './arbitraries';

describe('QR payload', () => {
  it('builds PAGOPA|002|<notice>|<EC fiscal code>|<cents>', () => {
    expect(
      buildQrPayload({ noticeNumber: '301000000000000144', ecFiscalCode: '80215430580', amountCents: 102099 }),
    ).toBe('PAGOPA|002|301000000000000144|80215430580|102099');
    expect(
      buildQrPayload({ noticeNumber: '3010 0000 0000 0001 44', ecFiscalCode: '77777777777', amountCents: 1 }),
    ).toBe('PAGOPA|002|301000000000000144|77777777777|1');
  });

  it('refuses data that would make an unreadable code', () => {
    const base = { noticeNumber: '301000000000000144', ecFiscalCode: '80215430580', amountCents: 100 };
    expect(() => buildQrPayload({ ...base, noticeNumber: '30100000000000014' })).toThrow(RangeError);
    expect(() => buildQrPayload({ ...base, ecFiscalCode: 'RCCMNL83S18D969H' })).toThrow(RangeError);
    expect(() => buildQrPayload({ ...base, amountCents: 0 })).toThrow(RangeError);
    expect(() => buildQrPayload({ ...base, amountCents: 1.5 })).toThrow(RangeError);
    expect(() => buildQrPayload({ ...base, amountCents: MAX_AMOUNT_CENTS + 1 })).toThrow(RangeError);
  });

  it('parses a payload', () => {
    expect(parseQrPayload('PAGOPA|002|301000000000000144|80215430580|102099')).toEqual({
      ok: true,
      value: { noticeNumber: '301000000000000144', ecFiscalCode: '80215430580', amountCents: 102099 },
    });
  });

  it('rejects with stable reasons', () => {
    const reason = (s: string) => {
      const r = parseQrPayload(s);
      return r.ok ? null : r.reason;
    };
    expect(reason('')).toBe('EMPTY');
    expect(reason('hello')).toBe('FORMAT');
    expect(reason('PAGOPA|002|301000000000000144|80215430580')).toBe('FORMAT');
    expect(reason('PAGOPA|002|301000000000000144|80215430580|1|2')).toBe('FORMAT');
    expect(reason('pagopa|002|301000000000000144|80215430580|1')).toBe('FORMAT');
    expect(reason('PAGOPA|001|301000000000000144|80215430580|1')).toBe('VERSION');
    expect(reason('PAGOPA|002|3010000000000001|80215430580|1')).toBe('NOTICE_NUMBER');
    expect(reason('PAGOPA|002|301000000000000144|8021543058|1')).toBe('FISCAL_CODE');
    expect(reason('PAGOPA|002|301000000000000144|80215430580|0')).toBe('AMOUNT');
    expect(reason('PAGOPA|002|301000000000000144|80215430580|12,50')).toBe('AMOUNT');
    expect(reason('PAGOPA|002|301000000000000144|80215430580|')).toBe('AMOUNT');
    expect(reason('PAGOPA|002|301000000000000144|80215430580|100000000000')).toBe('AMOUNT');
    const r = parseQrPayload('PAGOPA|001|x|y|z');
    expect(!r.ok && r.message).toBe(qrInvalidMessages.VERSION);
  });

  it('parse(build(x)) = x', () => {
    fc.assert(
      fc.property(anyNotice, digits(11), fc.integer({ min: 1, max: MAX_AMOUNT_CENTS }), (noticeNumber, ecFiscalCode, amountCents) => {
        const data = { noticeNumber, ecFiscalCode, amountCents };
        expect(parseQrPayload(buildQrPayload(data))).toEqual({ ok: true, value: data });
      }),
    );
  });
});
