import type { Check } from './result';
import { fail, ok } from './result';
import { MIN_AMOUNT_CENTS } from './amount';
import { normalizeNoticeNumber } from './noticeNumber';

/*
 * Payload of the Data Matrix on the postal bollettino (document type 896). Fixed widths:
 *
 *   "codfase=NBPA;"                         13
 *   "18" + notice number (18)               20   ->  33
 *   "12" + postal account (12, 0-padded)    14   ->  47
 *   "10" + amount in cents (10, 0-padded)   12   ->  59
 *   "3"                                      1   ->  60
 *   "896" (document type)                    3   ->  63
 *   "1P1"                                    3   ->  66
 *   EC fiscal code (right-padded)           11   ->  77
 *   debtor fiscal code (right-padded)       16   ->  93
 *   debtor name (padded/truncated)          40   -> 133
 *   subject (padded/truncated)             110   -> 243
 *   filler, spaces                          12   -> 255
 *   "A"                                      1   -> 256
 *
 * The spec's fields add up to exactly 256, so no extra padding is needed.
 * Text fields are reduced to printable ASCII so one character is one byte in the symbol and the
 * payload stays 256 bytes long (accents are dropped: "Nicolò" -> "Nicolo").
 */

export const POSTE_DATAMATRIX_LENGTH = 256;
export const POSTE_DOCUMENT_TYPE = '896';
/** The amount field has 10 digits, so the bollettino cannot carry pagoPA's full amount range. */
export const POSTE_MAX_AMOUNT_CENTS = 9_999_999_999;

const HEADER = 'codfase=NBPA;';
const FILLER = ' '.repeat(12);
const TRAILER = 'A';

export const POSTE_FIELD_WIDTHS = {
  ecFiscalCode: 11,
  debtorFiscalCode: 16,
  debtorName: 40,
  subject: 110,
} as const;

export interface PosteDataMatrixData {
  noticeNumber: string;
  /** Conto corrente postale; up to 12 digits, zero-padded on the left. */
  postalAccount: string;
  amountCents: number;
  ecFiscalCode: string;
  debtorFiscalCode: string;
  debtorName: string;
  subject: string;
}

export type PosteDataMatrixInvalidReason =
  | 'EMPTY'
  | 'LENGTH'
  | 'FORMAT'
  | 'NOTICE_NUMBER'
  | 'POSTAL_ACCOUNT'
  | 'AMOUNT';

export const posteDataMatrixInvalidMessages: Record<PosteDataMatrixInvalidReason, string> = {
  EMPTY: 'Il contenuto del Data Matrix è vuoto.',
  LENGTH: 'Data Matrix non valido: il contenuto deve essere di 256 caratteri.',
  FORMAT: 'Data Matrix non valido: non è un bollettino postale pagoPA.',
  NOTICE_NUMBER: 'Data Matrix non valido: il codice avviso deve essere di 18 cifre.',
  POSTAL_ACCOUNT: 'Data Matrix non valido: il numero di conto corrente postale deve essere di 12 cifre.',
  AMOUNT: "Data Matrix non valido: l'importo non è corretto.",
};

/** Printable ASCII only, accents removed; anything else becomes a space so widths stay exact. */
export function toDataMatrixText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7E]/g, ' ');
}

function fit(s: string, width: number): string {
  return toDataMatrixText(s).slice(0, width).padEnd(width, ' ');
}

/** Builds the 256-character payload; throws RangeError (Italian message) on data that does not fit. */
export function buildPosteDataMatrixPayload(data: PosteDataMatrixData): string {
  const noticeNumber = normalizeNoticeNumber(data.noticeNumber);
  if (!/^[0-9]{18}$/.test(noticeNumber)) throw new RangeError('Il codice avviso deve essere di 18 cifre.');
  const account = data.postalAccount.replace(/\s+/g, '');
  if (!/^[0-9]{1,12}$/.test(account)) {
    throw new RangeError('Il numero di conto corrente postale deve avere al massimo 12 cifre.');
  }
  if (
    !Number.isSafeInteger(data.amountCents) ||
    data.amountCents < MIN_AMOUNT_CENTS ||
    data.amountCents > POSTE_MAX_AMOUNT_CENTS
  ) {
    throw new RangeError("L'importo del bollettino postale deve essere tra 0,01 € e 99.999.999,99 €.");
  }
  const ecFiscalCode = data.ecFiscalCode.trim().toUpperCase();
  if (!/^[0-9]{11}$/.test(ecFiscalCode)) {
    throw new RangeError("Il codice fiscale dell'ente deve essere di 11 cifre.");
  }
  const debtorFiscalCode = data.debtorFiscalCode.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z0-9]{1,16}$/.test(debtorFiscalCode)) {
    throw new RangeError('Il codice fiscale del debitore deve avere al massimo 16 caratteri alfanumerici.');
  }

  const payload =
    HEADER +
    '18' + noticeNumber +
    '12' + account.padStart(12, '0') +
    '10' + String(data.amountCents).padStart(10, '0') +
    '3' + POSTE_DOCUMENT_TYPE + '1P1' +
    ecFiscalCode.padEnd(POSTE_FIELD_WIDTHS.ecFiscalCode, ' ') +
    debtorFiscalCode.padEnd(POSTE_FIELD_WIDTHS.debtorFiscalCode, ' ') +
    fit(data.debtorName, POSTE_FIELD_WIDTHS.debtorName) +
    fit(data.subject, POSTE_FIELD_WIDTHS.subject) +
    FILLER +
    TRAILER;
  // Guards the layout above: a wrong width would silently produce an unreadable bollettino.
  if (payload.length !== POSTE_DATAMATRIX_LENGTH) {
    throw new Error(`Lunghezza del Data Matrix errata: ${payload.length}`);
  }
  return payload;
}

/**
 * Inverse of buildPosteDataMatrixPayload. Padding is removed from text fields; the postal account is
 * returned as the 12 digits printed on the bollettino.
 */
export function parsePosteDataMatrixPayload(s: string): Check<PosteDataMatrixData, PosteDataMatrixInvalidReason> {
  if (s === '') return fail('EMPTY', posteDataMatrixInvalidMessages);
  if (s.length !== POSTE_DATAMATRIX_LENGTH) return fail('LENGTH', posteDataMatrixInvalidMessages);

  let pos = 0;
  const take = (n: number): string => {
    const part = s.slice(pos, pos + n);
    pos += n;
    return part;
  };
  const header = take(13);
  const tagNotice = take(2);
  const noticeNumber = take(18);
  const tagAccount = take(2);
  const postalAccount = take(12);
  const tagAmount = take(2);
  const amount = take(10);
  const fixed = take(7);
  const ecFiscalCode = take(POSTE_FIELD_WIDTHS.ecFiscalCode).trimEnd();
  const debtorFiscalCode = take(POSTE_FIELD_WIDTHS.debtorFiscalCode).trimEnd();
  const debtorName = take(POSTE_FIELD_WIDTHS.debtorName).trimEnd();
  const subject = take(POSTE_FIELD_WIDTHS.subject).trimEnd();
  const filler = take(12);
  const trailer = take(1);

  if (
    header !== HEADER ||
    tagNotice !== '18' ||
    tagAccount !== '12' ||
    tagAmount !== '10' ||
    fixed !== `3${POSTE_DOCUMENT_TYPE}1P1` ||
    filler !== FILLER ||
    trailer !== TRAILER
  ) {
    return fail('FORMAT', posteDataMatrixInvalidMessages);
  }
  if (!/^[0-9]{18}$/.test(noticeNumber)) return fail('NOTICE_NUMBER', posteDataMatrixInvalidMessages);
  if (!/^[0-9]{12}$/.test(postalAccount)) return fail('POSTAL_ACCOUNT', posteDataMatrixInvalidMessages);
  if (!/^[0-9]{10}$/.test(amount) || Number(amount) < MIN_AMOUNT_CENTS) {
    return fail('AMOUNT', posteDataMatrixInvalidMessages);
  }
  return ok({
    noticeNumber,
    postalAccount,
    amountCents: Number(amount),
    ecFiscalCode,
    debtorFiscalCode,
    debtorName,
    subject,
  });
}
