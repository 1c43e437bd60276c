import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  decodeOmocodia,
  fiscalCodeCheckLetter,
  fiscalCodeInvalidMessages,
  isLegalEntityCode,
  legalFiscalCodeFormatMessage,
  luhnCheckDigit,
  normalizeFiscalCode,
  validateFiscalCode,
  validateLegalFiscalCode,
  validatePersonFiscalCode,
  personFiscalCodeFormatMessage,
} from '../../../src-shared/domain/fiscalCode';
import type { FiscalCodeInvalidReason } from '../../../src-shared/domain/fiscalCode';
import { DIGITS, LETTERS, legalFiscalCode, personFiscalCode, substitute } from './arbitraries';

const reasonOf = (input: string): FiscalCodeInvalidReason | null => {
  const r = validateFiscalCode(input);
  return r.ok ? null : r.reason;
};

/** A 15-character prefix with its computed check letter. */
const withCheck = (first15: string): string => first15 + fiscalCodeCheckLetter(first15);

const PERSON_PATTERN =
  /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

describe('person fiscal codes: DOMAIN.md examples', () => {
  it('accepts RCCMNL83S18D969H', () => {
    expect(validateFiscalCode('RCCMNL83S18D969H')).toEqual({
      ok: true,
      value: {
        kind: 'person',
        code: 'RCCMNL83S18D969H',
        birthDate: { year2: 83, month: 11, day: 18 },
        sex: 'M',
        birthPlaceCode: 'D969',
      },
    });
  });

  it('accepts JHNDOE00A01F205N', () => {
    const r = validateFiscalCode('JHNDOE00A01F205N');
    expect(r.ok && r.value).toMatchObject({ kind: 'person', birthDate: { year2: 0, month: 1, day: 1 }, sex: 'M' });
  });

  it('rejects FFFCST83A15L113V (should end in Q) and MRARSS80A01H501U (should end in T)', () => {
    expect(reasonOf('FFFCST83A15L113V')).toBe('CHECK_CHARACTER');
    expect(fiscalCodeCheckLetter('FFFCST83A15L113')).toBe('Q');
    expect(validateFiscalCode('FFFCST83A15L113Q').ok).toBe(true);
    expect(reasonOf('MRARSS80A01H501U')).toBe('CHECK_CHARACTER');
    expect(fiscalCodeCheckLetter('MRARSS80A01H501')).toBe('T');
    expect(validateFiscalCode('MRARSS80A01H501T').ok).toBe(true);
  });
});

describe('person fiscal codes: decoding', () => {
  it('normalizes spaces and case', () => {
    expect(normalizeFiscalCode('  rcc mnl 83s18 d969h ')).toBe('RCCMNL83S18D969H');
    expect(validateFiscalCode(' rccmnl83s18d969h ').ok).toBe(true);
  });

  it('reads women (day + 40) and the last day of a month', () => {
    const r = validateFiscalCode(withCheck('RSSMRA85T71H501'));
    expect(r.ok && r.value).toMatchObject({ sex: 'F', birthDate: { year2: 85, month: 12, day: 31 } });
  });

  it('decodes omocodia before reading date and place', () => {
    // MRARSS80A01H501 with every numeric position replaced: 8->U 0->L 0->L 1->M 5->R 0->L 1->M.
    const omocodic = withCheck('MRARSSULALMHRLM');
    expect(decodeOmocodia(omocodic)).toBe(`MRARSS80A01H501${omocodic.charAt(15)}`);
    const r = validateFiscalCode(omocodic);
    expect(r.ok && r.value).toMatchObject({
      kind: 'person',
      code: omocodic,
      birthDate: { year2: 80, month: 1, day: 1 },
      sex: 'M',
      birthPlaceCode: 'H501',
    });
    // The check letter is computed on the code as written, not on the decoded one.
    expect(omocodic.charAt(15)).not.toBe('T');
  });

  it('rejects impossible dates with DATE', () => {
    expect(reasonOf(withCheck('RSSMRA85B30H501'))).toBe('DATE'); // 30 February
    expect(reasonOf(withCheck('RSSMRA85D31H501'))).toBe('DATE'); // 31 April
    expect(reasonOf(withCheck('RSSMRA85A00H501'))).toBe('DATE'); // day 0
    expect(reasonOf(withCheck('RSSMRA85A32H501'))).toBe('DATE'); // between 31 and 41
    expect(reasonOf(withCheck('RSSMRA85A40H501'))).toBe('DATE');
    expect(reasonOf(withCheck('RSSMRA85A72H501'))).toBe('DATE'); // 32 for a woman
    expect(reasonOf(withCheck('RSSMRA85B29H501'))).toBe('DATE'); // 1985 is not leap
  });

  it('accepts 29 February when the two-digit year can be leap (century unknown)', () => {
    expect(validateFiscalCode(withCheck('RSSMRA84B29H501')).ok).toBe(true);
    expect(validateFiscalCode(withCheck('RSSMRA00B69H501')).ok).toBe(true);
  });

  it('rejects malformed codes with FORMAT', () => {
    expect(reasonOf('')).toBe('EMPTY');
    expect(reasonOf('   ')).toBe('EMPTY');
    expect(reasonOf('RCCMNL83S18D969')).toBe('FORMAT'); // 15 chars
    expect(reasonOf('RCCMNL83S18D969HX')).toBe('FORMAT'); // 17 chars
    expect(reasonOf('RCCMNL83Z18D969H')).toBe('FORMAT'); // Z is not a month
    expect(reasonOf('RCCMNL8AS18D969H')).toBe('FORMAT'); // A is not an omocodia letter
    expect(reasonOf('RCCMN183S18D969H')).toBe('FORMAT');
    expect(reasonOf('RCCMNL83S18D969-')).toBe('FORMAT');
    expect(reasonOf('1234567890')).toBe('FORMAT');
  });
});

describe('legal fiscal codes (11 digits, Luhn)', () => {
  it('accepts the DOMAIN.md examples', () => {
    for (const code of ['80215430580', '80184430587', '00743110157', '01234567897']) {
      expect(validateFiscalCode(code), code).toEqual({ ok: true, value: { kind: 'legal', code } });
      expect(validateLegalFiscalCode(code).ok, code).toBe(true);
      expect(luhnCheckDigit(code.slice(0, 10))).toBe(code.charAt(10));
    }
  });

  it('rejects the 77777777777 fixture with LUHN', () => {
    expect(reasonOf('77777777777')).toBe('LUHN');
    expect(validateLegalFiscalCode('77777777777')).toEqual({
      ok: false,
      reason: 'LUHN',
      message: fiscalCodeInvalidMessages.LUHN,
    });
  });

  it('validateLegalFiscalCode refuses person codes with FORMAT', () => {
    expect(validateLegalFiscalCode('RCCMNL83S18D969H')).toEqual({
      ok: false,
      reason: 'FORMAT',
      message: legalFiscalCodeFormatMessage,
    });
    expect(validateLegalFiscalCode('').ok).toBe(false);
    expect(validateLegalFiscalCode(' 802 1543 0580 ').ok).toBe(true);
  });

  it('validatePersonFiscalCode refuses an entity\'s 11 digits with FORMAT, and passes on other problems as they are', () => {
    expect(validatePersonFiscalCode('80215430580')).toEqual({ ok: false, reason: 'FORMAT', message: personFiscalCodeFormatMessage });
    expect(validatePersonFiscalCode('77777777777')).toMatchObject({ ok: false, reason: 'LUHN' });
    expect(validatePersonFiscalCode('RCCMNL83S18D969X')).toMatchObject({ ok: false, reason: 'CHECK_CHARACTER' });
    expect(validatePersonFiscalCode(' rccmnl83s18d969h ')).toMatchObject({ ok: true, value: { kind: 'person', code: 'RCCMNL83S18D969H' } });
  });

  it('isLegalEntityCode tells the registration form which labels to show', () => {
    expect(isLegalEntityCode('80215430580')).toBe(true);
    expect(isLegalEntityCode('RCCMNL83S18D969H')).toBe(false);
  });

  it('helpers reject input of the wrong shape', () => {
    expect(() => luhnCheckDigit('123')).toThrow(RangeError);
    expect(() => fiscalCodeCheckLetter('RCCMNL83S18D96')).toThrow(RangeError);
  });
});

describe('fiscal codes: properties', () => {
  it('every generated person code validates and decodes to what was encoded', () => {
    fc.assert(
      fc.property(personFiscalCode, (p) => {
        const r = validateFiscalCode(p.code);
        expect(r).toEqual({
          ok: true,
          value: {
            kind: 'person',
            code: p.code,
            birthDate: { year2: p.year2, month: p.month, day: p.day },
            sex: p.sex,
            birthPlaceCode: p.birthPlaceCode,
          },
        });
      }),
    );
  });

  it('every generated legal code validates', () => {
    fc.assert(
      fc.property(legalFiscalCode, (code) => {
        expect(validateFiscalCode(code)).toEqual({ ok: true, value: { kind: 'legal', code } });
        expect(validateLegalFiscalCode(code).ok).toBe(true);
      }),
    );
  });

  // Doubling with "minus 9" maps 0..9 onto 0..9 one-to-one, so every single-digit change moves the
  // sum mod 10.
  it('Luhn detects any single-digit change', () => {
    fc.assert(
      fc.property(legalFiscalCode, fc.nat({ max: 10 }), fc.nat({ max: 8 }), (code, pos, pick) => {
        const replacement = DIGITS.replace(code.charAt(pos), '').charAt(pick);
        expect(reasonOf(substitute(code, pos, replacement))).toBe('LUHN');
      }),
    );
  });

  // The odd table is a permutation of 0..25, and in the numeric positions the 20 allowed characters
  // (digits and omocodia letters) have distinct values under both tables; so any substitution that
  // still matches the format changes the check letter.
  it('the check letter detects any single substitution that keeps the format', () => {
    fc.assert(
      fc.property(personFiscalCode, fc.nat({ max: 15 }), fc.nat(), (p, pos, pick) => {
        const allowed =
          [6, 7, 9, 10, 12, 13, 14].includes(pos) ? DIGITS + 'LMNPQRSTUV' : pos === 8 ? 'ABCDEHLMPRST' : LETTERS;
        const candidates = allowed.replace(p.code.charAt(pos), '');
        const mutated = substitute(p.code, pos, candidates.charAt(pick % candidates.length));
        expect(mutated).toMatch(PERSON_PATTERN);
        expect(validateFiscalCode(mutated).ok).toBe(false);
      }),
    );
  });

  it('never throws and only answers with known reasons', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (s) => {
        const r = validateFiscalCode(s);
        if (!r.ok) expect(r.message).toBe(fiscalCodeInvalidMessages[r.reason]);
      }),
    );
  });
});
