// fast-check generators that build identifiers with correctly computed check characters.
import fc from 'fast-check';
import { IBAN_LENGTHS, ibanCheckDigits, italianCin } from '../../../src-shared/domain/iban';
import { fiscalCodeCheckLetter, luhnCheckDigit } from '../../../src-shared/domain/fiscalCode';
import { generateNoticeNumber, noticeCheckDigits } from '../../../src-shared/domain/noticeNumber';

export const DIGITS = '0123456789';
export const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const ALNUM = DIGITS + LETTERS;

export const charsFrom = (alphabet: string, length: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...alphabet.split('')), minLength: length, maxLength: length });

export const digits = (length: number): fc.Arbitrary<string> => charsFrom(DIGITS, length);

/** Valid Italian IBAN (any ABI, alphanumeric account). */
export const italianIban = (abi?: string): fc.Arbitrary<string> =>
  fc
    .tuple(abi === undefined ? digits(5) : fc.constant(abi), digits(5), charsFrom(ALNUM, 12))
    .map(([a, cab, account]) => {
      const bban = italianCin(a + cab + account) + a + cab + account;
      return `IT${ibanCheckDigits('IT', bban)}${bban}`;
    });

/** Valid IBAN of any country in the table (Italian-style BBAN for IT and SM). */
export const anyIban: fc.Arbitrary<string> = fc
  .constantFrom(...Object.keys(IBAN_LENGTHS))
  .chain((country) => {
    const bbanLength = (IBAN_LENGTHS[country] as number) - 4;
    if (country === 'IT' || country === 'SM') {
      return fc.tuple(digits(10), charsFrom(ALNUM, 12)).map(([abiCab, account]) => {
        const bban = italianCin(abiCab + account) + abiCab + account;
        return `${country}${ibanCheckDigits(country, bban)}${bban}`;
      });
    }
    return charsFrom(ALNUM, bbanLength).map((bban) => `${country}${ibanCheckDigits(country, bban)}${bban}`);
  });

export interface GeneratedPerson {
  code: string;
  year2: number;
  month: number;
  day: number;
  sex: 'M' | 'F';
  birthPlaceCode: string;
}

const MONTHS = 'ABCDEHLMPRST';
const OMOCODIA = 'LMNPQRSTUV';
const NUMERIC_POSITIONS = [6, 7, 9, 10, 12, 13, 14];

/** Valid person fiscal code, optionally with omocodia letters in any numeric positions. */
export const personFiscalCode: fc.Arbitrary<GeneratedPerson> = fc
  .record({
    names: charsFrom(LETTERS, 6),
    year2: fc.integer({ min: 0, max: 99 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    sex: fc.constantFrom<'M' | 'F'>('M', 'F'),
    placeLetter: charsFrom(LETTERS, 1),
    placeDigits: digits(3),
    omocodia: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
  })
  .map((r) => {
    const dayField = r.sex === 'F' ? r.day + 40 : r.day;
    const plain =
      r.names +
      String(r.year2).padStart(2, '0') +
      MONTHS.charAt(r.month - 1) +
      String(dayField).padStart(2, '0') +
      r.placeLetter +
      r.placeDigits;
    const chars = plain.split('');
    NUMERIC_POSITIONS.forEach((pos, i) => {
      if (r.omocodia[i]) chars[pos] = OMOCODIA.charAt(Number(chars[pos]));
    });
    const first15 = chars.join('');
    return {
      code: first15 + fiscalCodeCheckLetter(first15),
      year2: r.year2,
      month: r.month,
      day: r.day,
      sex: r.sex,
      birthPlaceCode: r.placeLetter + r.placeDigits,
    };
  });

/** Valid 11-digit fiscal code / partita IVA. */
export const legalFiscalCode: fc.Arbitrary<string> = digits(10).map((d) => d + luhnCheckDigit(d));

export const segregationCode: fc.Arbitrary<string> = fc
  .integer({ min: 0, max: 45 })
  .map((n) => String(n).padStart(2, '0'));

/** Aux-3 notice numbers as Sportello generates them. */
export const aux3Notice: fc.Arbitrary<string> = fc
  .tuple(segregationCode, digits(13))
  .map(([seg, base]) => generateNoticeNumber(seg, base));

/** Notice numbers of any layout, with correct check digits where the layout has them. */
export const anyNotice: fc.Arbitrary<string> = fc.oneof(
  aux3Notice,
  digits(15).map((p) => `0${p}${noticeCheckDigits(`0${p}`)}`),
  digits(17).map((p) => `1${p}`),
  digits(15).map((p) => `2${p}${noticeCheckDigits(`2${p}`)}`),
);

/** Replaces the character at `pos` by `ch`. */
export const substitute = (s: string, pos: number, ch: string): string => s.slice(0, pos) + ch + s.slice(pos + 1);
