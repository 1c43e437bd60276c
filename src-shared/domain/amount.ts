import type { Check } from './result';
import { fail, ok } from './result';

/** Amounts are integer euro cents everywhere; these bounds are pagoPA's (0,01 .. 999.999.999,99 EUR). */
export const MIN_AMOUNT_CENTS = 1;
export const MAX_AMOUNT_CENTS = 99_999_999_999;

export type AmountInvalidReason = 'EMPTY' | 'FORMAT' | 'DECIMALS' | 'NEGATIVE' | 'ZERO' | 'TOO_LARGE';

export const amountInvalidMessages: Record<AmountInvalidReason, string> = {
  EMPTY: "Inserire l'importo.",
  FORMAT: 'Importo non valido: usare il formato 1.020,99 (virgola per i decimali).',
  DECIMALS: "Importo non valido: sono ammessi al massimo due decimali.",
  NEGATIVE: "Importo non valido: l'importo non può essere negativo.",
  ZERO: "Importo non valido: l'importo deve essere maggiore di zero.",
  TOO_LARGE: "Importo non valido: l'importo massimo è 999.999.999,99 €.",
};

export function isValidAmountCents(n: number): boolean {
  return Number.isSafeInteger(n) && n >= MIN_AMOUNT_CENTS && n <= MAX_AMOUNT_CENTS;
}

function groupThousands(digits: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += '.';
    out += digits.charAt(i);
  }
  return out;
}

/**
 * Italian display, e.g. 102099 -> "1.020,99 €". Written by hand because Intl output depends on the
 * ICU data shipped with the runtime (and it groups 4-digit numbers differently for it-IT).
 */
export function formatEuro(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Importo in centesimi non intero: ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const euros = groupThousands(String(Math.floor(abs / 100)));
  const decimals = String(abs % 100).padStart(2, '0');
  return `${sign}${euros},${decimals} €`;
}

/** Thousands grouped with dots ("1.020") or not grouped at all; the comma is the decimal separator. */
const ITALIAN_AMOUNT = /^([0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,([0-9]+))?$/;

/** Parses what a user types as an amount in euro ("1.020,99", "1020", "€ 12,50") into cents. */
export function parseEuro(input: string): Check<number, AmountInvalidReason> {
  const text = input
    .replace(/\s+/g, '')
    .replace(/^(?:€|EUR)|(?:€|EUR)$/gi, '');
  if (text === '') return fail('EMPTY', amountInvalidMessages);
  const negative = /^[-−]/.test(text);
  const match = ITALIAN_AMOUNT.exec(negative ? text.slice(1) : text);
  if (!match) return fail('FORMAT', amountInvalidMessages);
  if (negative) return fail('NEGATIVE', amountInvalidMessages);
  const integerDigits = (match[1] ?? '').replace(/\./g, '').replace(/^0+/, '');
  const fraction = match[2] ?? '';
  if (fraction.length > 2) return fail('DECIMALS', amountInvalidMessages);
  // Check the length before converting so huge inputs cannot lose precision.
  if (integerDigits.length > 9) return fail('TOO_LARGE', amountInvalidMessages);

  const cents = Number(integerDigits || '0') * 100 + Number(fraction.padEnd(2, '0'));
  if (cents === 0) return fail('ZERO', amountInvalidMessages);
  if (cents > MAX_AMOUNT_CENTS) return fail('TOO_LARGE', amountInvalidMessages);
  return ok(cents);
}
