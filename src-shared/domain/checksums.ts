/**
 * Checksum primitives shared by several identifiers. Pure string/number math so they run unchanged in
 * the browser and in Node.
 */

/**
 * Odd-position values of the codice fiscale check table (A=0..Z=25, digits as their value). The same
 * table is reused by the Italian IBAN CIN.
 */
const ODD_POSITION_VALUES: readonly number[] = [
  1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];

function alphanumericValue(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 65;
  throw new RangeError(`Carattere non ammesso: "${ch}"`);
}

/**
 * Check letter over an upper-case alphanumeric string: 1st, 3rd, ... characters go through the odd
 * table, the others count their plain value; the letter is A + sum mod 26.
 */
export function oddEvenCheckLetter(s: string): string {
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    const v = alphanumericValue(s.charAt(i));
    // Positions are 1-based in the spec, so index 0 is an "odd" position.
    sum += i % 2 === 0 ? (ODD_POSITION_VALUES[v] as number) : v;
  }
  return String.fromCharCode(65 + (sum % 26));
}

/** Remainder of a (possibly very long) decimal string, digit by digit so no BigInt or overflow is needed. */
export function decimalStringMod(digits: string, modulus: number): number {
  let rem = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) throw new RangeError(`Cifra non ammessa: "${digits.charAt(i)}"`);
    rem = (rem * 10 + d) % modulus;
  }
  return rem;
}

/** Luhn sum as the Agenzia delle Entrate describes it: 1st, 3rd, ... digits as they are, the others doubled. */
function luhnSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) throw new RangeError(`Cifra non ammessa: "${digits.charAt(i)}"`);
    if (i % 2 === 0) {
      sum += d;
    } else {
      const doubled = d * 2;
      sum += doubled > 9 ? doubled - 9 : doubled;
    }
  }
  return sum;
}

/** True when the whole digit string (check digit included) satisfies the Luhn rule. */
export function luhnValid(digits: string): boolean {
  return luhnSum(digits) % 10 === 0;
}

/**
 * Digit to append to an even-length prefix (the check digit then sits at an odd position, so it is
 * added undoubled).
 */
export function luhnDigitFor(prefix: string): string {
  return String((10 - (luhnSum(prefix) % 10)) % 10);
}
