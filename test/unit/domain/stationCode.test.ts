import { describe, it, expect } from 'vitest';
import {
  nextStationCode,
  parseStationCode,
  stationCodeFor,
  stationCodeInvalidMessages,
  stationCodesExhaustedMessage,
} from '../../../src-shared/domain/stationCode';

const BROKER = '80215430580';

describe('nextStationCode', () => {
  it('starts at _01', () => {
    expect(nextStationCode(BROKER, [])).toBe('80215430580_01');
  });

  it('takes the first free number, reusing gaps', () => {
    expect(nextStationCode(BROKER, ['80215430580_01', '80215430580_02'])).toBe('80215430580_03');
    expect(nextStationCode(BROKER, ['80215430580_01', '80215430580_03'])).toBe('80215430580_02');
    expect(nextStationCode(BROKER, ['80215430580_02'])).toBe('80215430580_01');
  });

  it("ignores other brokers' codes and junk", () => {
    expect(nextStationCode(BROKER, ['00743110157_01', 'garbage', '80215430580_00', '80215430580_1'])).toBe(
      '80215430580_01',
    );
  });

  it('throws an Italian message when 01..99 are all taken', () => {
    const all = Array.from({ length: 99 }, (_, i) => stationCodeFor(BROKER, i + 1));
    expect(() => nextStationCode(BROKER, all)).toThrow(stationCodesExhaustedMessage);
    expect(nextStationCode(BROKER, all.slice(0, 98))).toBe('80215430580_99');
  });

  it('refuses a broker code that is not 11 digits', () => {
    expect(() => nextStationCode('RCCMNL83S18D969H', [])).toThrow(RangeError);
    expect(() => stationCodeFor(BROKER, 100)).toThrow(RangeError);
    expect(() => stationCodeFor(BROKER, 0)).toThrow(RangeError);
  });
});

describe('parseStationCode', () => {
  it('splits broker and number', () => {
    expect(parseStationCode('80215430580_07')).toEqual({
      ok: true,
      value: { code: '80215430580_07', brokerFiscalCode: '80215430580', index: 7 },
    });
  });

  it('rejects with stable reasons', () => {
    const reason = (s: string) => {
      const r = parseStationCode(s);
      return r.ok ? null : r.reason;
    };
    expect(reason('')).toBe('EMPTY');
    expect(reason('80215430580_00')).toBe('NUMBER');
    expect(reason('80215430580_100')).toBe('FORMAT');
    expect(reason('80215430580-01')).toBe('FORMAT');
    expect(reason('8021543058_01')).toBe('FORMAT');
    const r = parseStationCode('x');
    expect(!r.ok && r.message).toBe(stationCodeInvalidMessages.FORMAT);
  });
});
