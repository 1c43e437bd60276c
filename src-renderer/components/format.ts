import { formatItalianDate, formatItalianDateTime, isIsoDate } from '../../src-shared/domain/date';

/** The EC works on Italian time whatever the machine's zone. */
const TIME_ZONE = 'Europe/Rome';

const time = new Intl.DateTimeFormat('it-IT', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' });

/** ISO calendar date -> dd/mm/yyyy; anything else is shown as is rather than crashing a page. */
export function displayDate(iso: string): string {
  return isIsoDate(iso) ? formatItalianDate(iso) : iso;
}

/** ISO instant -> dd/mm/yyyy, HH:MM:SS in Italian time. */
export function displayDateTime(instant: string): string {
  return formatItalianDateTime(instant);
}

/** ISO instant -> HH:MM in Italian time. */
export function displayTime(instant: string): string {
  const d = new Date(instant);
  return Number.isNaN(d.getTime()) ? instant : time.format(d);
}
