import type { Check } from './result';
import { fail, ok } from './result';
import { decimalStringMod } from './checksums';

export type NoticeInvalidReason = 'EMPTY' | 'CHARACTERS' | 'LENGTH' | 'AUX_DIGIT';

export const noticeInvalidMessages: Record<NoticeInvalidReason, string> = {
  EMPTY: 'Inserire il codice avviso.',
  CHARACTERS: 'Codice avviso non valido: sono ammesse solo cifre.',
  LENGTH: 'Codice avviso non valido: deve essere composto da 18 cifre.',
  AUX_DIGIT: 'Codice avviso non valido: la prima cifra deve essere 0, 1, 2 o 3.',
};

/** Shown when the check digits do not match: many official fixtures fail them, so it only warns. */
export const noticeCheckWarning =
  'Attenzione: le cifre di controllo del codice avviso non corrispondono. Verificare di averlo copiato correttamente.';

export type AuxDigit = 0 | 1 | 2 | 3;

export interface ParsedNotice {
  noticeNumber: string;
  auxDigit: AuxDigit;
  /** Identificativo Univoco di Versamento: what the receipt carries as creditorReferenceId. */
  iuv: string;
  /** Aux digit 0 only. */
  applicationCode?: string;
  /** Aux digit 3 only. */
  segregationCode?: string;
  /** Absent for aux digit 1, whose layout has none. */
  checkDigits?: string;
  /** null when the layout has no check digits (aux digit 1). */
  checkDigitsValid: boolean | null;
}

/** Segregation codes reserved to pagoPA central services; never assigned to an EC. */
export const RESERVED_SEGREGATION_CODES: readonly string[] = ['47', '81', '85', '96', '97', '98', '99'];

/** An EC may use segregation codes 00..45 for the notices it generates. */
export function isAllowedSegregationCode(code: string): boolean {
  return /^[0-9]{2}$/.test(code) && Number(code) <= 45;
}

export function normalizeNoticeNumber(input: string): string {
  // Users paste the printed form, which is grouped with spaces.
  return input.replace(/\s+/g, '');
}

/** Two check digits: the digits before them (aux digit included) mod 93, zero-padded. */
export function noticeCheckDigits(prefixDigits: string): string {
  if (!/^[0-9]+$/.test(prefixDigits)) {
    throw new RangeError('Le cifre di controllo si calcolano solo su una sequenza di cifre.');
  }
  return String(decimalStringMod(prefixDigits, 93)).padStart(2, '0');
}

export function parseNoticeNumber(input: string): Check<ParsedNotice, NoticeInvalidReason> {
  const n = normalizeNoticeNumber(input);
  if (n === '') return fail('EMPTY', noticeInvalidMessages);
  if (!/^[0-9]+$/.test(n)) return fail('CHARACTERS', noticeInvalidMessages);
  if (n.length !== 18) return fail('LENGTH', noticeInvalidMessages);

  const checkDigits = n.slice(16);
  const checkDigitsValid = noticeCheckDigits(n.slice(0, 16)) === checkDigits;
  switch (n.charAt(0)) {
    case '0':
      return ok({
        noticeNumber: n,
        auxDigit: 0,
        applicationCode: n.slice(1, 3),
        iuv: n.slice(3),
        checkDigits,
        checkDigitsValid,
      });
    case '1':
      return ok({ noticeNumber: n, auxDigit: 1, iuv: n.slice(1), checkDigitsValid: null });
    case '2':
      return ok({ noticeNumber: n, auxDigit: 2, iuv: n.slice(1), checkDigits, checkDigitsValid });
    case '3':
      return ok({
        noticeNumber: n,
        auxDigit: 3,
        segregationCode: n.slice(1, 3),
        iuv: n.slice(1),
        checkDigits,
        checkDigitsValid,
      });
    default:
      return fail('AUX_DIGIT', noticeInvalidMessages);
  }
}

/** IUV of a well-formed notice number, or null when it cannot be parsed. */
export function iuvFromNoticeNumber(noticeNumber: string): string | null {
  const parsed = parseNoticeNumber(noticeNumber);
  return parsed.ok ? parsed.value.iuv : null;
}

/**
 * Builds an aux-digit-3 notice number (the only layout allowed for new notices) with correct check
 * digits. Throws RangeError on a bad segregation code or base.
 */
export function generateNoticeNumber(segregationCode: string, base13: string): string {
  if (!isAllowedSegregationCode(segregationCode)) {
    throw new RangeError(
      `Codice di segregazione "${segregationCode}" non ammesso: deve essere di due cifre tra 00 e 45.`,
    );
  }
  if (!/^[0-9]{13}$/.test(base13)) {
    throw new RangeError('La parte progressiva del codice avviso deve essere di 13 cifre.');
  }
  const prefix = `3${segregationCode}${base13}`;
  return prefix + noticeCheckDigits(prefix);
}

/** Printed form: 4-digit groups, e.g. "3010 0000 0000 0001 44". */
export function formatNoticeNumber(noticeNumber: string): string {
  return normalizeNoticeNumber(noticeNumber).replace(/(.{4})(?=.)/g, '$1 ');
}
