import { randomBytes } from 'node:crypto';

export interface MailAddress {
  name?: string;
  address: string;
}

export interface MailMessage {
  from: MailAddress;
  to: MailAddress;
  subject: string;
  /** plain text, lines separated by \n */
  text: string;
  date: Date;
}

/** RFC 2047 encoded-word for header text that is not plain ASCII (Italian accents, typographic quotes). */
function headerText(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return value;
  return `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}

function formatAddress(a: MailAddress): string {
  if (!/^[^\s@<>"]+@[^\s@<>"]+$/.test(a.address)) throw new RangeError('Indirizzo e-mail non valido.');
  if (!a.name) return `<${a.address}>`;
  const name = /^[\x20-\x7e]*$/.test(a.name) ? `"${a.name.replace(/["\\]/g, '\\$&')}"` : headerText(a.name);
  return `${name} <${a.address}>`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 5322 date-time, in UTC: "Sun, 22 Nov 2026 09:00:00 +0000". */
export function rfc5322Date(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/**
 * Quoted-printable (RFC 2045) over UTF-8: the body stays readable in a text editor, survives any
 * 7-bit relay, and no line exceeds 76 characters.
 */
export function quotedPrintable(text: string): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    let encoded = '';
    for (const byte of Buffer.from(line.replace(/\r$/, ''), 'utf8')) {
      const ch = String.fromCharCode(byte);
      encoded += (byte >= 33 && byte <= 126 && ch !== '=') || byte === 32 ? ch : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    // a space or tab at the end of a line would be stripped in transit
    encoded = encoded.replace(/ $/, '=20');
    let rest = encoded;
    while (rest.length > 75) {
      let cut = 75;
      // never split an =XX escape
      const escape = rest.lastIndexOf('=', cut);
      if (escape > cut - 3) cut = escape;
      out.push(`${rest.slice(0, cut)}=`);
      rest = rest.slice(cut);
    }
    out.push(rest);
  }
  return out.join('\r\n');
}

/** A complete message (headers, blank line, body) with CRLF line ends, ready for a pickup directory. */
export function composeMessage(m: MailMessage): { messageId: string; raw: string } {
  const domain = m.from.address.split('@')[1] ?? 'localhost';
  const messageId = `<${m.date.getTime().toString(36)}.${randomBytes(8).toString('hex')}@${domain}>`;
  const headers = [
    `Date: ${rfc5322Date(m.date)}`,
    `From: ${formatAddress(m.from)}`,
    `To: ${formatAddress(m.to)}`,
    `Subject: ${headerText(m.subject)}`,
    `Message-ID: ${messageId}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    'Content-Language: it',
  ];
  return { messageId, raw: `${headers.join('\r\n')}\r\n\r\n${quotedPrintable(m.text)}\r\n` };
}
