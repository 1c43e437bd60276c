import fs from 'node:fs';
import path from 'node:path';
import { OUTBOX_FOLDER } from '../../src-main/mail/pickupOutbox';

export interface OutboxMessage {
  file: string;
  raw: string;
  headers: Record<string, string>;
  /** the body, quoted-printable decoded */
  text: string;
}

/** Decodes quoted-printable (soft breaks and =XX escapes) over UTF-8. */
export function decodeQuotedPrintable(body: string): string {
  const joined = body.replace(/=\r\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const ch = joined[i]!;
    if (ch === '=' && /^[0-9A-F]{2}$/.test(joined.slice(i + 1, i + 3))) {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(ch, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8').replace(/\r\n/g, '\n');
}

function decodeHeader(value: string): string {
  return value.replace(/=\?UTF-8\?B\?([A-Za-z0-9+/=]+)\?=/g, (_m, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));
}

/** The messages in a data dir's pickup folder, oldest first (file names start with the instant). */
export function readOutbox(dataDir: string): OutboxMessage[] {
  const dir = path.join(dataDir, OUTBOX_FOLDER);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((f) => {
      const file = path.join(dir, f);
      const raw = fs.readFileSync(file, 'utf8');
      const [head = '', ...rest] = raw.split('\r\n\r\n');
      const headers: Record<string, string> = {};
      for (const line of head.split('\r\n')) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).toLowerCase()] = decodeHeader(line.slice(colon + 1).trim());
      }
      return { file, raw, headers, text: decodeQuotedPrintable(rest.join('\r\n\r\n')) };
    });
}

/** The activation code in a message ("1234 5678" on its own line), without the space. */
export function activationCodeIn(message: OutboxMessage): string {
  const match = /^\s+(\d{4}) (\d{4})\s*$/m.exec(message.text);
  if (!match) throw new Error(`nessun codice di attivazione nel messaggio:\n${message.text}`);
  return `${match[1]}${match[2]}`;
}
