import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  LEGAL_REASONS,
  isValidTransferCategory,
  parseTransferCategory,
  taxonomyInvalidMessages,
  validateTransferCategory,
} from '../../../src-shared/domain/taxonomy';
import { digits } from './arbitraries';

describe('parseTransferCategory', () => {
  it('splits the DOMAIN.md example 9/0101108TS/', () => {
    expect(parseTransferCategory('9/0101108TS/')).toEqual({
      ok: true,
      value: {
        code: '9/0101108TS/',
        prefix: '9',
        rtpOptOut: false,
        ecType: '01',
        macroArea: '01',
        serviceType: '108',
        legalReason: 'TS',
        taxonomy: '0101108TS',
      },
    });
  });

  it('accepts the newer 6/, 7/, 8/ prefixes as Request-to-Pay opt-outs', () => {
    for (const prefix of ['6', '7', '8']) {
      const r = parseTransferCategory(`${prefix}/0201102IM/`);
      expect(r.ok && r.value.prefix).toBe(prefix);
      expect(r.ok && r.value.rtpOptOut).toBe(true);
    }
  });

  it('trims and upper-cases', () => {
    const r = validateTransferCategory(' 9/0101108ts/ ');
    expect(r.ok && r.value.code).toBe('9/0101108TS/');
  });

  it('rejects with stable reasons', () => {
    const reason = (s: string) => {
      const r = parseTransferCategory(s);
      return r.ok ? null : r.reason;
    };
    expect(reason('')).toBe('EMPTY');
    expect(reason('5/0101108TS/')).toBe('PREFIX');
    expect(reason('0/0101108TS/')).toBe('PREFIX');
    expect(reason('9/0101108XX/')).toBe('LEGAL_REASON');
    expect(reason('9/0101108TS')).toBe('FORMAT');
    expect(reason('0101108TS')).toBe('FORMAT');
    expect(reason('9/010110TS/')).toBe('FORMAT');
    expect(reason('9/01011080TS/')).toBe('FORMAT');
    expect(reason('10/0101108TS/')).toBe('FORMAT');
    expect(isValidTransferCategory('9/0101108TS/')).toBe(true);
    const r = parseTransferCategory('9/0101108XX/');
    expect(!r.ok && r.message).toBe(taxonomyInvalidMessages.LEGAL_REASON);
  });

  it('accepts every well-formed code and gives back its parts', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('6', '7', '8', '9'),
        digits(2),
        digits(2),
        digits(3),
        fc.constantFrom(...LEGAL_REASONS),
        (prefix, ecType, macroArea, serviceType, legalReason) => {
          const code = `${prefix}/${ecType}${macroArea}${serviceType}${legalReason}/`;
          const r = parseTransferCategory(code);
          expect(r.ok && r.value).toMatchObject({ code, prefix, ecType, macroArea, serviceType, legalReason });
        },
      ),
    );
  });
});
