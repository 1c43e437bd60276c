/**
 * Calendar dates as ISO strings (YYYY-MM-DD): due dates have no time or zone, so they are never
 * turned into Date objects, which would shift them across midnight.
 */

const ISO_DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
const ITALIAN_DATE = /^([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isRealDate(year: number, month: number, day: number): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Strict YYYY-MM-DD that names a real day of the (proleptic Gregorian) calendar. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

function assertIsoDate(s: string): void {
  if (!isIsoDate(s)) throw new RangeError(`Data non valida: "${s}" (formato atteso AAAA-MM-GG).`);
}

/** '2026-03-05' -> '05/03/2026'. Throws RangeError when the input is not an ISO date. */
export function formatItalianDate(iso: string): string {
  assertIsoDate(iso);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** '05/03/2026' (also '5/3/2026', '05.03.2026', '05-03-2026') -> '2026-03-05'; null when not a real date. */
export function parseItalianDate(s: string): string | null {
  const m = ITALIAN_DATE.exec(s.trim());
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[3]);
  const year = Number(m[4]);
  if (!isRealDate(year, month, day)) return null;
  return `${m[4]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** -1, 0 or 1. Valid ISO dates sort as plain strings. */
export function compareIsoDate(a: string, b: string): -1 | 0 | 1 {
  assertIsoDate(a);
  assertIsoDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A notice due today is still payable: it expires only once the due date is in the past. */
export function isExpired(dueDate: string, today: string): boolean {
  return compareIsoDate(dueDate, today) < 0;
}

// building a DateTimeFormat costs about 70 µs, formatting with one about 2 µs; the payment path asks
// for today's date several times per payment, so one formatter per zone is kept
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/**
 * Today's calendar date where the EC is (Italy by default), whatever the machine's zone. Read from
 * formatToParts so the result does not depend on how a locale lays out the date.
 */
export function todayIso(now: Date, timeZone = 'Europe/Rome'): string {
  const parts = dayFormat(timeZone).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

const italianInstant = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Rome',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * An instant as Italians read it, in Italy's time zone whatever the machine's: "22/11/2026, 11:15:00"
 * (documents pass `' '` as the separator). Anything that is not an instant comes back as it is, so a
 * page or a document never breaks on one bad value. One formatter for the module: building one costs
 * more than formatting.
 */
export function formatItalianDateTime(instant: string, separator = ', '): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  const parts = italianInstant.formatToParts(d);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')}${separator}${part('hour')}:${part('minute')}:${part('second')}`;
}

/** Adds whole days to an ISO date (useful for due dates); works in UTC so no DST shift applies. */
export function addDaysIso(iso: string, days: number): string {
  assertIsoDate(iso);
  if (!Number.isSafeInteger(days)) throw new RangeError(`Numero di giorni non intero: ${days}`);
  // setUTCFullYear, unlike Date.UTC, does not map years 0..99 to 1900..1999.
  const d = new Date(0);
  d.setUTCFullYear(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)) + days);
  const y = String(d.getUTCFullYear()).padStart(4, '0');
  return `${y}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}
