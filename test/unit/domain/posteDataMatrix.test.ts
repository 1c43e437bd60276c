import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  POSTE_DATAMATRIX_LENGTH,
  POSTE_MAX_AMOUNT_CENTS,
  buildPosteDataMatrixPayload,
  parsePosteDataMatrixPayload,
  posteDataMatrixInvalidMessages,
  toDataMatrixText,
} from '../../../src-shared/domain/posteDataMatrix';
import type { PosteDataMatrixData } from '../../../src-shared/domain/posteDataMatrix';
import { anyNotice, digits, legalFiscalCode, personFiscalCode } from './arbitraries';

const sample: PosteDataMatrixData = {
  noticeNumber: '301000000000000144',
  postalAccount: '11050036',
  amountCents: 102099,
  ecFiscalCode: '80215430580',
  debtorFiscalCode: 'RCCMNL83S18D969H',
  debtorName: 'Mario Rossi',
  subject: 'TARI 2026 rata unica',
};

describe('buildPosteDataMatrixPayload', () => {
  it('lays the fields out at their fixed widths, 256 characters in all', () => {
    const payload = buildPosteDataMatrixPayload(sample);
    const expected =
      'codfase=NBPA;' +
      '18301000000000000144' +
      '12000011050036' +
      '100000102099' +
      '3896' +
      '1P1' +
      '80215430580' +
      'RCCMNL83S18D969H' +
      'Mario Rossi'.padEnd(40, ' ') +
      'TARI 2026 rata unica'.padEnd(110, ' ') +
      ' '.repeat(12) +
      'A';
    expect(payload).toBe(expected);
    expect(payload).toHaveLength(POSTE_DATAMATRIX_LENGTH);
  });

  it('pads an 11-digit debtor code to 16 and truncates long texts', () => {
    const payload = buildPosteDataMatrixPayload({
      ...sample,
      debtorFiscalCode: '01234567897',
      debtorName: 'N'.repeat(70),
      subject: 'S'.repeat(200),
    });
    expect(payload).toHaveLength(256);
    expect(payload.slice(77, 93)).toBe('01234567897     ');
    expect(payload.slice(93, 133)).toBe('N'.repeat(40));
    expect(payload.slice(133, 243)).toBe('S'.repeat(110));
    expect(payload.slice(243)).toBe(`${' '.repeat(12)}A`);
  });

  it('reduces text to ASCII so that characters equal bytes', () => {
    expect(toDataMatrixText('Nicolò Società € 5\n')).toBe('Nicolo Societa   5 ');
    const payload = buildPosteDataMatrixPayload({ ...sample, debtorName: 'Niccolò Àlbani', subject: 'Mensa – già pagata' });
    expect(payload).toHaveLength(256);
    expect(/^[\x20-\x7E]*$/.test(payload)).toBe(true);
    expect(payload.slice(93, 133).trimEnd()).toBe('Niccolo Albani');
  });

  it('refuses data that does not fit', () => {
    expect(() => buildPosteDataMatrixPayload({ ...sample, noticeNumber: '1234' })).toThrow(RangeError);
    expect(() => buildPosteDataMatrixPayload({ ...sample, postalAccount: '1234567890123' })).toThrow(RangeError);
    expect(() => buildPosteDataMatrixPayload({ ...sample, postalAccount: '' })).toThrow(RangeError);
    expect(() => buildPosteDataMatrixPayload({ ...sample, amountCents: 0 })).toThrow(RangeError);
    // 10 amount digits: the bollettino stops below pagoPA's maximum.
    expect(() => buildPosteDataMatrixPayload({ ...sample, amountCents: POSTE_MAX_AMOUNT_CENTS + 1 })).toThrow(RangeError);
    expect(buildPosteDataMatrixPayload({ ...sample, amountCents: POSTE_MAX_AMOUNT_CENTS })).toHaveLength(256);
    expect(() => buildPosteDataMatrixPayload({ ...sample, ecFiscalCode: '123' })).toThrow(RangeError);
    expect(() => buildPosteDataMatrixPayload({ ...sample, debtorFiscalCode: 'RCCMNL83S18D969HX' })).toThrow(RangeError);
  });
});

describe('parsePosteDataMatrixPayload', () => {
  it('reads back the sample', () => {
    expect(parsePosteDataMatrixPayload(buildPosteDataMatrixPayload(sample))).toEqual({
      ok: true,
      value: { ...sample, postalAccount: '000011050036' },
    });
  });

  it('rejects with stable reasons', () => {
    const good = buildPosteDataMatrixPayload(sample);
    const reason = (s: string) => {
      const r = parsePosteDataMatrixPayload(s);
      return r.ok ? null : r.reason;
    };
    expect(reason('')).toBe('EMPTY');
    expect(reason(good.slice(1))).toBe('LENGTH');
    expect(reason(`X${good.slice(1)}`)).toBe('FORMAT');
    expect(reason(`${good.slice(0, 255)}B`)).toBe('FORMAT');
    expect(reason(good.replace('3896', '3123'))).toBe('FORMAT');
    expect(reason(good.replace('18301000000000000144', '1830100000000000014X'))).toBe('NOTICE_NUMBER');
    expect(reason(good.replace('12000011050036', '12 00011050036'))).toBe('POSTAL_ACCOUNT');
    expect(reason(good.replace('100000102099', '100000000000'))).toBe('AMOUNT');
    const r = parsePosteDataMatrixPayload('x');
    expect(!r.ok && r.message).toBe(posteDataMatrixInvalidMessages.LENGTH);
  });

  it('parse(build(x)) = x for data that already fits', () => {
    const printable = (max: number) =>
      fc
        .string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .,-/\''.split('')), maxLength: max })
        .map((s) => s.trimEnd());
    fc.assert(
      fc.property(
        anyNotice,
        digits(12),
        fc.integer({ min: 1, max: POSTE_MAX_AMOUNT_CENTS }),
        digits(11),
        fc.oneof(personFiscalCode.map((p) => p.code), legalFiscalCode),
        printable(40),
        printable(110),
        (noticeNumber, postalAccount, amountCents, ecFiscalCode, debtorFiscalCode, debtorName, subject) => {
          const data = { noticeNumber, postalAccount, amountCents, ecFiscalCode, debtorFiscalCode, debtorName, subject };
          const payload = buildPosteDataMatrixPayload(data);
          expect(payload).toHaveLength(256);
          expect(parsePosteDataMatrixPayload(payload)).toEqual({ ok: true, value: data });
        },
      ),
    );
  });
});
