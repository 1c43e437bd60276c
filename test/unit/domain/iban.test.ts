import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  IBAN_LENGTHS,
  formatIban,
  ibanCheckDigits,
  ibanInvalidMessages,
  ibanMod97,
  italianCin,
  normalizeIban,
  postalAccountFromIban,
  validateIban,
} from '../../../src-shared/domain/iban';
import type { IbanInvalidReason } from '../../../src-shared/domain/iban';
import { ALNUM, DIGITS, LETTERS, anyIban, italianIban, substitute } from './arbitraries';

const reasonOf = (input: string): IbanInvalidReason | null => {
  const r = validateIban(input);
  return r.ok ? null : r.reason;
};

describe('validateIban: DOMAIN.md examples', () => {
  it('accepts IT60X0542811101000000123456 and splits the Italian BBAN', () => {
    const r = validateIban('IT60X0542811101000000123456');
    expect(r).toEqual({
      ok: true,
      value: {
        iban: 'IT60X0542811101000000123456',
        country: 'IT',
        isItalian: true,
        isPostal: false,
        cin: 'X',
        abi: '05428',
        cab: '11101',
        account: '000000123456',
      },
    });
  });

  it('recognises the postal IBAN IT57N0760114800000011050036', () => {
    const r = validateIban('IT57N0760114800000011050036');
    expect(r.ok && r.value.isPostal).toBe(true);
    expect(r.ok && r.value.abi).toBe('07601');
    expect(postalAccountFromIban('IT57N0760114800000011050036')).toBe('000011050036');
  });

  it('rejects IT02L1234512345123456789012 on the check digits', () => {
    const r = validateIban('IT02L1234512345123456789012');
    expect(r).toEqual({ ok: false, reason: 'CHECK_DIGITS', message: ibanInvalidMessages.CHECK_DIGITS });
    expect(ibanInvalidMessages.CHECK_DIGITS).toBe('IBAN non valido: le cifre di controllo non corrispondono.');
  });
});

describe('validateIban: normalization and failure reasons', () => {
  it('normalizes spaces and case before validating', () => {
    expect(normalizeIban(' it60 x054 2811\t1010 0000 0123 456 ')).toBe('IT60X0542811101000000123456');
    const r = validateIban('it60 x054 2811 1010 0000 0123 456');
    expect(r.ok && r.value.iban).toBe('IT60X0542811101000000123456');
  });

  it('gives a stable reason for each kind of error', () => {
    expect(reasonOf('')).toBe('EMPTY');
    expect(reasonOf('   ')).toBe('EMPTY');
    expect(reasonOf('IT60-X054-2811-1010-0000-0123-456')).toBe('CHARACTERS');
    expect(reasonOf('ÌT60X0542811101000000123456')).toBe('CHARACTERS');
    expect(reasonOf('ZZ60X0542811101000000123456')).toBe('COUNTRY');
    expect(reasonOf('1260X0542811101000000123456')).toBe('COUNTRY');
    expect(reasonOf('IT60X054281110100000012345')).toBe('LENGTH');
    expect(reasonOf('IT60X05428111010000001234567')).toBe('LENGTH');
    expect(reasonOf('ITXXX0542811101000000123456')).toBe('CHECK_DIGITS');
    expect(reasonOf('IT6010542811101000000123456')).toBe('IT_STRUCTURE');
    expect(reasonOf('IT60XA542811101000000123456')).toBe('IT_STRUCTURE');
  });

  it('reports IT_CIN when mod 97 holds but the CIN does not', () => {
    // Same ABI/CAB/account with another CIN, check digits recomputed so only the CIN is wrong.
    const bban = 'Y0542811101000000123456';
    const iban = `IT${ibanCheckDigits('IT', bban)}${bban}`;
    expect(ibanMod97(iban)).toBe(1);
    expect(reasonOf(iban)).toBe('IT_CIN');
  });

  it('has an Italian message for every reason', () => {
    for (const message of Object.values(ibanInvalidMessages)) expect(message).toMatch(/IBAN/);
    expect(Object.keys(ibanInvalidMessages).sort()).toEqual(
      ['CHARACTERS', 'CHECK_DIGITS', 'COUNTRY', 'EMPTY', 'IT_CIN', 'IT_STRUCTURE', 'LENGTH'].sort(),
    );
  });

  it('knows the lengths of the SEPA countries named in the brief', () => {
    expect(IBAN_LENGTHS).toMatchObject({
      IT: 27, SM: 27, DE: 22, FR: 27, ES: 24, AT: 20, BE: 16, NL: 18, PT: 25, CH: 21, LU: 20, IE: 22, GB: 22,
    });
  });

  it('accepts well-known foreign IBANs from the SWIFT registry', () => {
    for (const iban of [
      'DE89370400440532013000',
      'FR1420041010050500013M02606',
      'ES9121000418450200051332',
      'AT611904300234573201',
      'BE68539007547034',
      'NL91ABNA0417164300',
      'CH9300762011623852957',
      'GB29NWBK60161331926819',
      'IE29AIBK93115212345678',
      'LU280019400644750000',
      'PT50000201231234567890154',
    ]) {
      const r = validateIban(iban);
      expect(r.ok, iban).toBe(true);
      expect(r.ok && r.value.isItalian).toBe(false);
      expect(r.ok && r.value.cin).toBeUndefined();
    }
  });

  it('applies the Italian BBAN and CIN rules to San Marino, which is not Italian', () => {
    const r = validateIban('SM86U0322509800000000270100');
    expect(r.ok && r.value).toMatchObject({ country: 'SM', isItalian: false, isPostal: false, cin: 'U', abi: '03225' });
  });
});

describe('postalAccountFromIban', () => {
  it('returns null for non-postal or invalid IBANs', () => {
    expect(postalAccountFromIban('IT60X0542811101000000123456')).toBeNull();
    expect(postalAccountFromIban('IT02L1234512345123456789012')).toBeNull();
    expect(postalAccountFromIban('')).toBeNull();
  });

  it('accepts spaced input', () => {
    expect(postalAccountFromIban('IT57 N076 0114 8000 0001 1050 036')).toBe('000011050036');
  });

  it('returns the last 12 characters of any valid postal IBAN', () => {
    fc.assert(
      fc.property(italianIban('07601'), (iban) => {
        expect(postalAccountFromIban(iban)).toBe(iban.slice(-12));
      }),
    );
  });
});

describe('formatIban', () => {
  it('groups by 4 with single spaces', () => {
    expect(formatIban('IT60X0542811101000000123456')).toBe('IT60 X054 2811 1010 0000 0123 456');
    expect(formatIban('BE68539007547034')).toBe('BE68 5390 0754 7034');
    expect(formatIban('it60 x0542811101000000123456')).toBe('IT60 X054 2811 1010 0000 0123 456');
  });

  it('round-trips: normalize(format(x)) = x and the formatted form still validates', () => {
    fc.assert(
      fc.property(anyIban, (iban) => {
        const formatted = formatIban(iban);
        expect(normalizeIban(formatted)).toBe(iban);
        expect(formatted).toMatch(/^([A-Z0-9]{4} )*[A-Z0-9]{1,4}$/);
        const r = validateIban(formatted);
        expect(r.ok && r.value.iban).toBe(iban);
      }),
    );
  });
});

describe('validateIban: properties', () => {
  it('accepts every generated IBAN with computed check digits', () => {
    fc.assert(
      fc.property(anyIban, (iban) => {
        expect(validateIban(iban).ok).toBe(true);
      }),
    );
  });

  it('decomposes every generated Italian IBAN', () => {
    fc.assert(
      fc.property(italianIban(), (iban) => {
        const r = validateIban(iban);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value.cin! + r.value.abi! + r.value.cab! + r.value.account!).toBe(iban.slice(4));
        expect(italianCin(r.value.abi! + r.value.cab! + r.value.account!)).toBe(r.value.cin);
        expect(r.value.isPostal).toBe(r.value.abi === '07601');
      }),
    );
  });

  // Mod 97 guarantees detection when a digit becomes another digit or a letter another letter: the
  // number changes by d * 10^k (or d * 10^k with d < 26 for letters), and 97 is a prime above |d|.
  it('rejects any single same-class character substitution (mod 97 guarantee)', () => {
    fc.assert(
      fc.property(
        anyIban,
        fc.nat(),
        fc.nat({ max: 25 }),
        (iban, rawPos, pick) => {
          const pos = rawPos % iban.length;
          const old = iban.charAt(pos);
          const alphabet = DIGITS.includes(old) ? DIGITS : LETTERS;
          const candidates = alphabet.replace(old, '');
          const replacement = candidates.charAt(pick % candidates.length);
          expect(validateIban(substitute(iban, pos, replacement)).ok).toBe(false);
        },
      ),
    );
  });

  // A digit replaced by a letter (or vice versa) lengthens the digit string, and mod 97 then misses
  // about 1 in 97 such errors; the Italian CIN catches most but not all of those.
  it('documents that a digit<->letter substitution can slip past both mod 97 and the CIN', () => {
    expect(validateIban('IT12I9744080669KR4FNXNF8K6Q').ok).toBe(true);
    expect(validateIban('IT12I9744080669KR4FNXNF8KGQ').ok).toBe(true);
  });

  it('never throws on arbitrary input and always answers with a known reason', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const r = validateIban(s);
        if (!r.ok) expect(ibanInvalidMessages[r.reason]).toBe(r.message);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...ALNUM.split('')), maxLength: 34 }), (s) => {
        validateIban(s);
      }),
    );
  });
});
