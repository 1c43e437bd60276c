import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { AppError } from '../../src-shared/errors';

/** The data folder's subfolder a mail relay drains (the classic "pickup directory"). */
export const OUTBOX_FOLDER = 'posta-in-uscita';

export interface MailAddress {
  name: string;
  address: string;
}

/** A plain-text message in Italian. */
export interface MailMessage {
  from: MailAddress;
  to: MailAddress;
  subject: string;
  /** plain text, lines separated by \n */
  text: string;
  date: Date;
}

/** A message ready for the pickup folder: the RFC 5322 bytes and the id in its Message-ID header. */
export interface ComposedMail {
  messageId: string;
  raw: Buffer;
  date: Date;
}

/**
 * Sportello has no mail server: offline, outgoing mail is written as one .eml file per message
 * into a pickup directory, which a relay (IIS SMTP, Postfix with a watcher, an operator's client)
 * sends later. Nodemailer builds the message (MIME headers, encoded words, quoted-printable, CRLF);
 * this class only files it. Composing is asynchronous and writing is not, so a caller composes
 * first and then writes inside the transaction that records the message was sent.
 */
export class PickupOutbox {
  private readonly composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });

  constructor(readonly dir: string) {}

  async compose(message: MailMessage): Promise<ComposedMail> {
    try {
      const info = await this.composer.sendMail({
        from: message.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        date: message.date,
        textEncoding: 'quoted-printable',
        headers: { 'Content-Language': 'it' },
      });
      if (!Buffer.isBuffer(info.message)) throw new Error('nodemailer: no buffered message');
      return { messageId: info.messageId, raw: info.message, date: message.date };
    } catch {
      throw new AppError('MAIL_OUTBOX_FAILED');
    }
  }

  /** Files a composed message whole: written under a temporary name, then renamed, so a relay never picks up half a message. */
  write(mail: ComposedMail): { file: string } {
    const stamp = mail.date.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    const name = `${stamp}-${randomBytes(6).toString('hex')}.eml`;
    const file = path.join(this.dir, name);
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      const temp = path.join(this.dir, `.${name}.tmp`);
      fs.writeFileSync(temp, mail.raw, { flag: 'wx' });
      fs.renameSync(temp, file);
    } catch {
      throw new AppError('MAIL_OUTBOX_FAILED');
    }
    return { file };
  }
}
