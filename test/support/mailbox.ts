import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { OUTBOX_FOLDER } from '../../src-main/mail/pickupOutbox';

export interface OutboxMessage {
  file: string;
  raw: string;
  /** header lines as they are in the file, lower-case names, encoded words decoded */
  headers: Record<string, string>;
  /** the body, as a mail client shows it */
  text: string;
}

/**
 * The messages in a data dir's pickup folder, oldest first (file names start with the instant),
 * read by an independent MIME parser: what a mail client would make of them.
 */
export async function readOutbox(dataDir: string): Promise<OutboxMessage[]> {
  const dir = path.join(dataDir, OUTBOX_FOLDER);
  if (!fs.existsSync(dir)) return [];
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.eml')).sort();
  return Promise.all(
    files.map(async (f) => {
      const file = path.join(dir, f);
      const raw = fs.readFileSync(file, 'utf8');
      const parsed = await simpleParser(raw);
      const headers: Record<string, string> = {};
      for (const { key, line } of parsed.headerLines) headers[key] = line.slice(line.indexOf(':') + 1).trim();
      for (const key of ['from', 'to', 'subject'] as const) {
        const value = key === 'subject' ? parsed.subject : parsed[key] && !Array.isArray(parsed[key]) ? parsed[key].text : undefined;
        if (value !== undefined) headers[key] = value;
      }
      return { file, raw, headers, text: (parsed.text ?? '').replace(/\r\n/g, '\n') };
    }),
  );
}

/** The activation code in a message ("1234 5678" on its own line), without the space. */
export function activationCodeIn(message: OutboxMessage): string {
  const match = /^\s+(\d{4}) (\d{4})\s*$/m.exec(message.text);
  if (!match) throw new Error(`nessun codice di attivazione nel messaggio:\n${message.text}`);
  return `${match[1]}${match[2]}`;
}
