import type { Check } from './result';
import { fail, ok } from './result';
import { isValidAmountCents } from './amount';
import { normalizeNoticeNumber } from './noticeNumber';

export type QrInvalidReason = 'EMPTY' | 'FORMAT' | 'VERSION' | 'NOTICE_NUMBER' | 'FISCAL_CODE' | 'AMOUNT';

export const qrInvalidMessages: Record<QrInvalidReason, string> = {
  EMPTY: 'Il contenuto del QR code è vuoto.',
  FORMAT: 'QR code non valido: non è un codice di un avviso pagoPA.',
  VERSION: 'QR code non valido: versione del formato pagoPA non supportata.',
  NOTICE_NUMBER: 'QR code non valido: il codice avviso deve essere di 18 cifre.',
  FISCAL_CODE: "QR code non valido: il codice fiscale dell'ente deve essere di 11 cifre.",
  AMOUNT: "QR code non valido: l'importo non è corretto.",
};

export const QR_PREFIX = 'PAGOPA';
export const QR_VERSION = '002';

export interface QrPayloadData {
  noticeNumber: string;
  ecFiscalCode: string;
  amountCents: number;
}

/**
 * Only the shape of the EC fiscal code is checked here, not its Luhn digit: the EC's code is validated
 * once when the EC is registered, and some official fixtures (77777777777) fail Luhn.
 */
const EC_FISCAL_CODE = /^[0-9]{11}$/;
const NOTICE = /^[0-9]{18}$/;

/** `PAGOPA|002|<notice, 18 digits>|<EC fiscal code, 11 digits>|<amount in cents>`; throws RangeError on bad data. */
export function buildQrPayload(data: QrPayloadData): string {
  const noticeNumber = normalizeNoticeNumber(data.noticeNumber);
  if (!NOTICE.test(noticeNumber)) throw new RangeError(qrInvalidMessages.NOTICE_NUMBER);
  if (!EC_FISCAL_CODE.test(data.ecFiscalCode)) throw new RangeError(qrInvalidMessages.FISCAL_CODE);
  if (!isValidAmountCents(data.amountCents)) throw new RangeError(qrInvalidMessages.AMOUNT);
  return [QR_PREFIX, QR_VERSION, noticeNumber, data.ecFiscalCode, String(data.amountCents)].join('|');
}

export function parseQrPayload(s: string): Check<QrPayloadData, QrInvalidReason> {
  const text = s.trim();
  if (text === '') return fail('EMPTY', qrInvalidMessages);
  const fields = text.split('|');
  if (fields.length !== 5 || fields[0] !== QR_PREFIX) return fail('FORMAT', qrInvalidMessages);
  const [, version = '', noticeNumber = '', ecFiscalCode = '', amount = ''] = fields;
  if (version !== QR_VERSION) return fail('VERSION', qrInvalidMessages);
  if (!NOTICE.test(noticeNumber)) return fail('NOTICE_NUMBER', qrInvalidMessages);
  if (!EC_FISCAL_CODE.test(ecFiscalCode)) return fail('FISCAL_CODE', qrInvalidMessages);
  // At most 11 digits (the maximum amount) so Number() stays exact.
  if (!/^[0-9]{1,11}$/.test(amount)) return fail('AMOUNT', qrInvalidMessages);
  const amountCents = Number(amount);
  if (!isValidAmountCents(amountCents)) return fail('AMOUNT', qrInvalidMessages);
  return ok({ noticeNumber, ecFiscalCode, amountCents });
}
