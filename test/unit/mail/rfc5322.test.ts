import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeMessage, quotedPrintable, rfc5322Date } from '../../../src-main/mail/rfc5322';
import { decodeQuotedPrintable } from '../../support/mailbox';

describe('RFC 5322 messages for the pickup folder', () => {
  it('formats the date in UTC the way the standard spells it', () => {
    expect(rfc5322Date(new Date('2026-11-22T09:05:07.000Z'))).toBe('Sun, 22 Nov 2026 09:05:07 +0000');
    expect(rfc5322Date(new Date('2027-01-01T00:00:00.000Z'))).toBe('Fri, 01 Jan 2027 00:00:00 +0000');
  });

  it('encodes Italian text as quoted-printable that decodes back, with no line over 76 characters', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 200 }), { maxLength: 5 }), (lines) => {
        const text = lines.map((l) => l.replace(/[\r\n]/g, '')).join('\n');
        const encoded = quotedPrintable(text);
        expect(encoded.split('\r\n').every((line) => line.length <= 76)).toBe(true);
        expect(encoded).toMatch(/^[\x20-\x7e\r\n]*$/);
        expect(decodeQuotedPrintable(encoded)).toBe(text);
      }),
    );
    expect(quotedPrintable('perché = sì ')).toBe('perch=C3=A9 =3D s=C3=AC=20');
  });

  it('writes headers with CRLF, encodes a non-ASCII subject and refuses a malformed address', () => {
    const { raw, messageId } = composeMessage({
      from: { name: 'Comune – Sportello', address: 'noreply@sportello.local' },
      to: { name: 'Mario Rossi', address: 'mario@esempio.it' },
      subject: 'Attivazione dell’account',
      text: 'Ciao',
      date: new Date('2026-11-22T09:00:00.000Z'),
    });
    expect(raw).toContain(`Message-ID: ${messageId}\r\n`);
    expect(raw).toContain('To: "Mario Rossi" <mario@esempio.it>\r\n');
    expect(raw).toContain(`Subject: =?UTF-8?B?${Buffer.from('Attivazione dell’account').toString('base64')}?=\r\n`);
    expect(raw.endsWith('\r\n\r\nCiao\r\n')).toBe(true);
    expect(() =>
      composeMessage({ from: { address: 'a@b' }, to: { address: 'x@y>\r\nBcc: z@w' }, subject: 's', text: '', date: new Date() }),
    ).toThrow(RangeError);
  });
});
