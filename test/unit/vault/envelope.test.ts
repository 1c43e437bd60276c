import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decryptWith, openSecret, parseEnvelope, sealSecret } from '../../../src-main/vault/envelope';
import { generateDataKey, type DataKey, type KeySet } from '../../../src-main/vault/keyMaterial';
import { AppError } from '../../../src-shared/errors';

const at = '2026-11-22T09:00:00.000Z';
const key = generateDataKey(at);
const other = generateDataKey(at);
const keys: KeySet = { currentId: key.id, keys: [key] };
const label = { name: 'station.77777777777_01.password', purpose: 'station.password' };
const SECRET = 'Password-di-Stazione-2026!';

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'no error';
}

/** The envelope with one bit flipped in one of its binary parts. */
function flipBit(envelope: string, part: 2 | 3 | 4, bit: number): string {
  const parts = envelope.split(':');
  const bytes = Buffer.from(parts[part]!, 'base64url');
  bytes[Math.floor(bit / 8) % bytes.length]! ^= 1 << bit % 8;
  parts[part] = bytes.toString('base64url');
  return parts.join(':');
}

describe('envelope v1', () => {
  it('has the documented shape: version, key id, 12-byte IV, ciphertext, 16-byte tag, base64url', () => {
    const envelope = sealSecret(key, label, SECRET);
    expect(envelope).toMatch(/^v1:[0-9a-f]{16}:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+:[A-Za-z0-9_-]{22}$/);
    const parsed = parseEnvelope(envelope)!;
    expect(parsed.keyId).toBe(key.id);
    expect(parsed.iv).toHaveLength(12);
    expect(parsed.tag).toHaveLength(16);
    // GCM is a stream mode: no padding, the ciphertext is as long as the UTF-8 secret
    expect(parsed.ciphertext).toHaveLength(Buffer.byteLength(SECRET));
    expect(envelope).not.toContain(SECRET);
    expect(envelope).not.toContain(Buffer.from(SECRET).toString('base64url'));
  });

  it('round-trips any string, including accents, emoji and separators', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }), (secret) => {
        expect(openSecret(keys, label, sealSecret(key, label, secret))).toBe(secret);
      }),
    );
    const tricky = 'àèìòù € 🔑 v1:aa:bb "quote" \\ \n';
    expect(openSecret(keys, label, sealSecret(key, label, tricky))).toBe(tricky);
  });

  it('uses a fresh IV every time, so equal secrets never give equal envelopes', () => {
    const ivs = new Set<string>();
    const envelopes = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const envelope = sealSecret(key, label, SECRET);
      envelopes.add(envelope);
      ivs.add(envelope.split(':')[2]!);
    }
    expect(ivs.size).toBe(200);
    expect(envelopes.size).toBe(200);
  });

  it('detects any flipped bit in the IV, the ciphertext or the tag', () => {
    const envelope = sealSecret(key, label, SECRET);
    fc.assert(
      fc.property(fc.constantFrom(2 as const, 3 as const, 4 as const), fc.nat(), (part, bit) => {
        expect(codeOf(() => openSecret(keys, label, flipBit(envelope, part, bit)))).toBe('VAULT_SECRET_CORRUPT');
      }),
      { numRuns: 300 },
    );
    // and exhaustively over every bit of the IV and the tag
    for (let bit = 0; bit < 96; bit++) expect(codeOf(() => openSecret(keys, label, flipBit(envelope, 2, bit)))).toBe('VAULT_SECRET_CORRUPT');
    for (let bit = 0; bit < 128; bit++) expect(codeOf(() => openSecret(keys, label, flipBit(envelope, 4, bit)))).toBe('VAULT_SECRET_CORRUPT');
  });

  it('binds the ciphertext to its name and purpose: moved or relabelled, it does not decrypt', () => {
    const envelope = sealSecret(key, label, SECRET);
    expect(codeOf(() => openSecret(keys, { ...label, name: 'station.77777777777_02.password' }, envelope))).toBe('VAULT_SECRET_CORRUPT');
    expect(codeOf(() => openSecret(keys, { ...label, purpose: 'smtp.password' }, envelope))).toBe('VAULT_SECRET_CORRUPT');
    // the JSON encoding of the associated data leaves no room for shifting text between the fields
    const a = sealSecret(key, { name: 'b.c', purpose: 'a' }, SECRET);
    expect(codeOf(() => openSecret(keys, { name: 'c', purpose: 'a.b' }, a))).toBe('VAULT_SECRET_CORRUPT');
  });

  it('says the key is lost when the envelope names a key the set does not have', () => {
    const envelope = sealSecret(other, label, SECRET);
    const error = (() => {
      try {
        openSecret(keys, label, envelope);
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error!.code).toBe('VAULT_KEY_LOST');
    expect(error!.message).toMatch(/chiave/);
  });

  it('fails authentication under a wrong key even if the key id were forged to match', () => {
    const envelope = sealSecret(key, label, SECRET);
    const impostor: DataKey = { id: key.id, key: other.key, createdAt: at };
    expect(codeOf(() => decryptWith(impostor, label, parseEnvelope(envelope)!))).toBe('VAULT_SECRET_CORRUPT');
    // and a key id swapped in the text breaks the associated data even when that key is known
    const both: KeySet = { currentId: key.id, keys: [key, other] };
    const swapped = envelope.replace(key.id, other.id);
    expect(codeOf(() => openSecret(both, label, swapped))).toBe('VAULT_SECRET_CORRUPT');
  });

  it('refuses malformed envelopes as corrupt, without trying to decrypt them', () => {
    const envelope = sealSecret(key, label, SECRET);
    const [v, id, iv, ct, tag] = envelope.split(':') as [string, string, string, string, string];
    const bad = [
      '',
      'not an envelope',
      envelope.replace(/^v1/, 'v2'),
      [v, id, iv, ct].join(':'),
      [v, id, iv, ct, tag, 'extra'].join(':'),
      [v, id.toUpperCase(), iv, ct, tag].join(':'),
      [v, id, iv.slice(0, -2), ct, tag].join(':'),
      // a truncated tag must not be accepted as a shorter GCM tag
      [v, id, iv, ct, Buffer.from(tag, 'base64url').subarray(0, 12).toString('base64url')].join(':'),
      [v, id, iv, ct, `${tag}==`].join(':'),
      [v, id, iv, `${ct}+`, tag].join(':'),
    ];
    for (const text of bad) {
      expect(parseEnvelope(text)).toBeNull();
      expect(codeOf(() => openSecret(keys, label, text))).toBe('VAULT_SECRET_CORRUPT');
    }
  });

  it('names the damaged secret in the error message, never its value', () => {
    const envelope = flipBit(sealSecret(key, label, SECRET), 3, 5);
    try {
      openSecret(keys, label, envelope);
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toContain(label.name);
      expect((error as Error).message).not.toContain(SECRET);
    }
  });
});
