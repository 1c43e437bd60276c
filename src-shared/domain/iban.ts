import type { Check } from './result';
import { fail, ok } from './result';
import { decimalStringMod, oddEvenCheckLetter } from './checksums';

export type IbanInvalidReason =
  | 'EMPTY'
  | 'CHARACTERS'
  | 'COUNTRY'
  | 'LENGTH'
  | 'CHECK_DIGITS'
  | 'IT_STRUCTURE'
  | 'IT_CIN';

export const ibanInvalidMessages: Record<IbanInvalidReason, string> = {
  EMPTY: "Inserire l'IBAN.",
  CHARACTERS: "IBAN non valido: sono ammessi solo lettere e cifre.",
  COUNTRY: "IBAN non valido: il codice paese iniziale non è riconosciuto.",
  LENGTH: "IBAN non valido: la lunghezza non corrisponde a quella prevista per il paese.",
  CHECK_DIGITS: 'IBAN non valido: le cifre di controllo non corrispondono.',
  IT_STRUCTURE:
    'IBAN non valido: dopo le cifre di controllo servono il CIN (una lettera), ABI (5 cifre), CAB (5 cifre) e il numero di conto (12 caratteri).',
  IT_CIN: 'IBAN non valido: il carattere di controllo CIN non corrisponde alle coordinate bancarie.',
};

export interface IbanInfo {
  /** Normalized: no spaces, upper case. This is the form to store. */
  iban: string;
  country: string;
  isItalian: boolean;
  /** Italian IBAN on a Poste Italiane account (ABI 07601). */
  isPostal: boolean;
  cin?: string;
  abi?: string;
  cab?: string;
  account?: string;
}

/**
 * IBAN lengths from the SWIFT IBAN registry: all SEPA countries plus the other common ones. A country
 * missing here is rejected rather than guessed, since pagoPA credits only SEPA accounts anyway.
 */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  // SEPA
  AD: 24, AL: 28, AT: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20, ES: 24,
  FI: 18, FO: 18, FR: 27, GB: 22, GI: 23, GL: 18, GR: 27, HR: 21, HU: 28, IE: 22, IS: 26, IT: 27,
  LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MT: 31, NL: 18, NO: 15, PL: 28,
  PT: 25, RO: 24, RS: 22, SE: 24, SI: 19, SK: 24, SM: 27, VA: 22,
  // Outside SEPA
  AE: 23, AZ: 28, BA: 20, BH: 22, BR: 29, BY: 28, CR: 22, DO: 28, EG: 29, GE: 22, GT: 28, IL: 23,
  IQ: 23, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LY: 25, MR: 27, MU: 30, PK: 24, PS: 29, QA: 29,
  RU: 33, SA: 24, SC: 31, SD: 18, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VG: 24, XK: 20,
};

/** ABI code of Poste Italiane (BancoPosta). */
export const POSTE_ABI = '07601';

/** San Marino uses the Italian BBAN (CIN + ABI + CAB + account) with the same CIN rule. */
const ITALIAN_BBAN_COUNTRIES = new Set(['IT', 'SM']);
const ITALIAN_BBAN = /^[A-Z][0-9]{5}[0-9]{5}[0-9A-Z]{12}$/;

export function normalizeIban(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/** ISO 7064 MOD 97-10 over the IBAN rearranged with the first 4 characters at the end. */
export function ibanMod97(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let digits = '';
  for (const ch of rearranged) {
    // Letters become two digits, A=10 .. Z=35.
    digits += /[A-Z]/.test(ch) ? String(ch.charCodeAt(0) - 55) : ch;
  }
  return decimalStringMod(digits, 97);
}

/** Two check digits that make `country` + digits + `bban` a valid IBAN (handy to build test data). */
export function ibanCheckDigits(country: string, bban: string): string {
  const remainder = ibanMod97(`${country}00${bban}`);
  return String(98 - remainder).padStart(2, '0');
}

/** CIN letter of an Italian (or San Marino) BBAN over ABI + CAB + account (22 characters). */
export function italianCin(abiCabAccount: string): string {
  return oddEvenCheckLetter(abiCabAccount);
}

export function validateIban(input: string): Check<IbanInfo, IbanInvalidReason> {
  const iban = normalizeIban(input);
  if (iban === '') return fail('EMPTY', ibanInvalidMessages);
  if (!/^[A-Z0-9]+$/.test(iban)) return fail('CHARACTERS', ibanInvalidMessages);

  const country = iban.slice(0, 2);
  const expectedLength = /^[A-Z]{2}$/.test(country) ? IBAN_LENGTHS[country] : undefined;
  if (expectedLength === undefined) return fail('COUNTRY', ibanInvalidMessages);
  if (iban.length !== expectedLength) return fail('LENGTH', ibanInvalidMessages);
  if (!/^[0-9]{2}$/.test(iban.slice(2, 4))) return fail('CHECK_DIGITS', ibanInvalidMessages);

  const bban = iban.slice(4);
  const italianBban = ITALIAN_BBAN_COUNTRIES.has(country);
  // Structure first: a misplaced letter is easier to fix when the user is told what goes where.
  if (italianBban && !ITALIAN_BBAN.test(bban)) return fail('IT_STRUCTURE', ibanInvalidMessages);
  if (ibanMod97(iban) !== 1) return fail('CHECK_DIGITS', ibanInvalidMessages);

  const isItalian = country === 'IT';
  if (!italianBban) return ok({ iban, country, isItalian, isPostal: false });

  const cin = bban.slice(0, 1);
  const abi = bban.slice(1, 6);
  const cab = bban.slice(6, 11);
  const account = bban.slice(11);
  if (italianCin(abi + cab + account) !== cin) return fail('IT_CIN', ibanInvalidMessages);
  return ok({ iban, country, isItalian, isPostal: isItalian && abi === POSTE_ABI, cin, abi, cab, account });
}

export function isValidIban(input: string): boolean {
  return validateIban(input).ok;
}

/** Display form: groups of 4 separated by single spaces (input may be unnormalized). */
export function formatIban(iban: string): string {
  return normalizeIban(iban).replace(/(.{4})(?=.)/g, '$1 ');
}

/** The Poste current account number (last 12 characters) of a valid postal IBAN, otherwise null. */
export function postalAccountFromIban(iban: string): string | null {
  const checked = validateIban(iban);
  if (!checked.ok || !checked.value.isPostal) return null;
  return checked.value.iban.slice(-12);
}
