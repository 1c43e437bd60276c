import type { Check } from './result';
import { fail, ok } from './result';
import { luhnDigitFor, luhnValid, oddEvenCheckLetter } from './checksums';

export type FiscalCodeInvalidReason = 'EMPTY' | 'FORMAT' | 'CHECK_CHARACTER' | 'LUHN' | 'DATE';

export const fiscalCodeInvalidMessages: Record<FiscalCodeInvalidReason, string> = {
  EMPTY: 'Inserire il codice fiscale.',
  FORMAT:
    'Codice fiscale non valido: servono 16 caratteri per una persona fisica oppure 11 cifre per un ente o una società.',
  CHECK_CHARACTER: "Codice fiscale non valido: l'ultimo carattere di controllo non corrisponde.",
  LUHN: 'Codice fiscale non valido: la cifra di controllo non corrisponde.',
  DATE: 'Codice fiscale non valido: la data di nascita indicata non esiste.',
};

/** Message for legal-entity-only fields, where a 16-character code is the wrong kind, not just malformed. */
export const legalFiscalCodeFormatMessage =
  'Codice fiscale non valido: per un ente o una società servono 11 cifre.';

/** Message for person-only fields (a payer's account), where 11 digits are the wrong kind. */
export const personFiscalCodeFormatMessage =
  'Serve il codice fiscale di una persona (16 caratteri): 11 cifre sono il codice di un ente o di una società.';

export interface PersonFiscalCode {
  kind: 'person';
  code: string;
  /** Two-digit year: the century is not encoded in the code. */
  birthDate: { year2: number; month: number; day: number };
  sex: 'M' | 'F';
  /** Belfiore code of the comune or foreign state, omocodia decoded (e.g. "H501"). */
  birthPlaceCode: string;
}

export interface LegalFiscalCode {
  kind: 'legal';
  code: string;
}

const PERSON_PATTERN =
  /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;
const LEGAL_PATTERN = /^[0-9]{11}$/;

/** Month letters, January..December. */
const MONTH_LETTERS = 'ABCDEHLMPRST';
/** Omocodia replacement letters for the digits 0..9. */
const OMOCODIA_LETTERS = 'LMNPQRSTUV';
/** Character positions (0-based) that hold digits or their omocodia letters. */
const NUMERIC_POSITIONS: readonly number[] = [6, 7, 9, 10, 12, 13, 14];

export function normalizeFiscalCode(input: string): string {
  return input.trim().replace(/\s+/g, '').toUpperCase();
}

/** Check letter for the first 15 characters of a person's code, as written (omocodia letters included). */
export function fiscalCodeCheckLetter(first15: string): string {
  const s = first15.toUpperCase();
  if (!/^[A-Z0-9]{15}$/.test(s)) throw new RangeError('Servono i primi 15 caratteri del codice fiscale.');
  return oddEvenCheckLetter(s);
}

/** Luhn check digit for the first 10 digits of an 11-digit fiscal code / partita IVA. */
export function luhnCheckDigit(first10: string): string {
  if (!/^[0-9]{10}$/.test(first10)) throw new RangeError('Servono le prime 10 cifre del codice fiscale.');
  return luhnDigitFor(first10);
}

/** Replaces omocodia letters with the digits they stand for, in the numeric positions only. */
export function decodeOmocodia(code: string): string {
  const chars = code.split('');
  for (const i of NUMERIC_POSITIONS) {
    const idx = OMOCODIA_LETTERS.indexOf(chars[i] ?? '');
    if (idx >= 0) chars[i] = String(idx);
  }
  return chars.join('');
}

function daysInMonth(month: number, year2: number): number {
  if (month === 2) {
    // The century is unknown, so 29 February is accepted for any year that could be leap
    // (year2 = 00 could be 2000).
    return year2 % 4 === 0 ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function parsePerson(code: string): Check<PersonFiscalCode, FiscalCodeInvalidReason> {
  if (fiscalCodeCheckLetter(code.slice(0, 15)) !== code.charAt(15)) {
    return fail('CHECK_CHARACTER', fiscalCodeInvalidMessages);
  }
  const decoded = decodeOmocodia(code);
  const year2 = Number(decoded.slice(6, 8));
  const month = MONTH_LETTERS.indexOf(decoded.charAt(8)) + 1;
  const rawDay = Number(decoded.slice(9, 11));
  const sex = rawDay > 40 ? 'F' : 'M';
  const day = rawDay > 40 ? rawDay - 40 : rawDay;
  if (month < 1 || day < 1 || day > daysInMonth(month, year2)) {
    return fail('DATE', fiscalCodeInvalidMessages);
  }
  return ok({
    kind: 'person',
    code,
    birthDate: { year2, month, day },
    sex,
    birthPlaceCode: decoded.slice(11, 15),
  });
}

function parseLegal(code: string): Check<LegalFiscalCode, FiscalCodeInvalidReason> {
  if (!luhnValid(code)) return fail('LUHN', fiscalCodeInvalidMessages);
  return ok({ kind: 'legal', code });
}

export function validateFiscalCode(input: string): Check<PersonFiscalCode | LegalFiscalCode, FiscalCodeInvalidReason> {
  const code = normalizeFiscalCode(input);
  if (code === '') return fail('EMPTY', fiscalCodeInvalidMessages);
  if (LEGAL_PATTERN.test(code)) return parseLegal(code);
  if (PERSON_PATTERN.test(code)) return parsePerson(code);
  return fail('FORMAT', fiscalCodeInvalidMessages);
}

/** For fields that only admit an entity (EC, broker, PSP): 11 digits with a valid Luhn digit. */
export function validateLegalFiscalCode(input: string): Check<LegalFiscalCode, FiscalCodeInvalidReason> {
  const code = normalizeFiscalCode(input);
  if (code === '') return fail('EMPTY', fiscalCodeInvalidMessages);
  if (!LEGAL_PATTERN.test(code)) return { ok: false, reason: 'FORMAT', message: legalFiscalCodeFormatMessage };
  return parseLegal(code);
}

/** For fields that only admit a person (a payer's account): 16 characters with a valid check letter. */
export function validatePersonFiscalCode(input: string): Check<PersonFiscalCode, FiscalCodeInvalidReason> {
  const check = validateFiscalCode(input);
  if (!check.ok) return check;
  if (check.value.kind !== 'person') return { ok: false, reason: 'FORMAT', message: personFiscalCodeFormatMessage };
  return ok(check.value);
}

export function isValidFiscalCode(input: string): boolean {
  return validateFiscalCode(input).ok;
}

/** The registration form asks for "Ragione sociale" instead of name and surname for 11-digit codes. */
export function isLegalEntityCode(input: string): boolean {
  return LEGAL_PATTERN.test(normalizeFiscalCode(input));
}
