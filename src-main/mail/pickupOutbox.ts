import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../src-shared/errors';
import { composeMessage, type MailMessage } from './rfc5322';

/** The data folder's subfolder a mail relay drains (the classic "pickup directory"). */
export const OUTBOX_FOLDER = 'posta-in-uscita';

/**
 * Sportello has no mail server: offline, outgoing mail is written as one .eml file per message
 * into a pickup directory, which a relay (IIS SMTP, Postfix with a watcher, an operator's client)
 * sends later. Files appear whole: each is written under a temporary name and then renamed, so a
 * relay never picks up half a message.
 */
export class PickupOutbox {
  constructor(readonly dir: string) {}

  /** Writes the message; returns its file and Message-ID. */
  send(message: MailMessage): { file: string; messageId: string } {
    const { messageId, raw } = composeMessage(message);
    const stamp = message.date.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    const name = `${stamp}-${randomBytes(6).toString('hex')}.eml`;
    const file = path.join(this.dir, name);
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      const temp = path.join(this.dir, `.${name}.tmp`);
      fs.writeFileSync(temp, raw, { encoding: 'utf8', flag: 'wx' });
      fs.renameSync(temp, file);
    } catch {
      throw new AppError('MAIL_OUTBOX_FAILED');
    }
    return { file, messageId };
  }
}
