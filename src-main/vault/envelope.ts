import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../../src-shared/errors';
import type { DataKey, KeySet } from './keyMaterial';
import { findKey } from './keyMaterial';

/**
 * Envelope v1, one ASCII line per secret:
 *
 *   v1:<keyId>:<iv>:<ciphertext>:<tag>
 *
 * keyId is 16 hex digits (see keyIdFor); iv (12 bytes), ciphertext (UTF-8 secret, same length) and
 * tag (16 bytes) are unpadded base64url. AES-256-GCM; the associated data binds the ciphertext to
 * the format version, the key id, the secret's purpose and its name, so a ciphertext copied to
 * another row, or relabelled, fails authentication.
 */
export const ENVELOPE_VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[0-9a-f]{16}$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** What a ciphertext is bound to: the row it belongs in. */
export interface SecretLabel {
  name: string;
  purpose: string;
}

export interface ParsedEnvelope {
  version: typeof ENVELOPE_VERSION;
  keyId: string;
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

function associatedData(keyId: string, label: SecretLabel): Buffer {
  // a JSON array cannot be ambiguous, whatever characters the name holds
  return Buffer.from(JSON.stringify(['sportello-vault', ENVELOPE_VERSION, keyId, label.purpose, label.name]), 'utf8');
}

export function corruptSecretError(label: SecretLabel, why: string): AppError {
  return new AppError('VAULT_SECRET_CORRUPT', {
    message: `La credenziale «${label.name}» è danneggiata o è stata alterata e non si può leggere (${why}): inseriscila di nuovo.`,
  });
}

/** Only the canonical encoding is accepted, so one ciphertext has exactly one text form. */
function decodeBase64url(part: string): Buffer | null {
  if (!BASE64URL.test(part)) return null;
  const bytes = Buffer.from(part, 'base64url');
  return bytes.toString('base64url') === part ? bytes : null;
}

export function sealSecret(key: DataKey, label: SecretLabel, secret: string): string {
  const plaintext = Buffer.from(secret, 'utf8');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(key.id, label));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const tag = cipher.getAuthTag();
  plaintext.fill(0);
  return [ENVELOPE_VERSION, key.id, iv.toString('base64url'), ciphertext.toString('base64url'), tag.toString('base64url')].join(':');
}

/** Null when the text is not a well-formed v1 envelope. */
export function parseEnvelope(envelope: string): ParsedEnvelope | null {
  const parts = envelope.split(':');
  if (parts.length !== 5) return null;
  const [version, keyId, ivText, ciphertextText, tagText] = parts as [string, string, string, string, string];
  if (version !== ENVELOPE_VERSION || !KEY_ID.test(keyId)) return null;
  const iv = decodeBase64url(ivText);
  const ciphertext = decodeBase64url(ciphertextText);
  const tag = decodeBase64url(tagText);
  if (!iv || !ciphertext || !tag || iv.length !== IV_BYTES || tag.length !== TAG_BYTES) return null;
  return { version, keyId, iv, ciphertext, tag };
}

/**
 * Decrypts or throws: VAULT_SECRET_CORRUPT for a malformed or tampered envelope, VAULT_KEY_LOST when
 * the key it was sealed with is not in the set.
 */
export function openSecret(keys: KeySet, label: SecretLabel, envelope: string): string {
  const parsed = parseEnvelope(envelope);
  if (!parsed) throw corruptSecretError(label, 'formato non riconosciuto');
  const key = findKey(keys, parsed.keyId);
  if (!key) throw new AppError('VAULT_KEY_LOST');
  return decryptWith(key, label, parsed);
}

/** The GCM step alone: the key's id must be the envelope's, then the tag must verify. */
export function decryptWith(key: DataKey, label: SecretLabel, parsed: ParsedEnvelope): string {
  if (key.id !== parsed.keyId) throw new AppError('VAULT_KEY_LOST');
  const decipher = createDecipheriv('aes-256-gcm', key.key, parsed.iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(associatedData(parsed.keyId, label));
  decipher.setAuthTag(parsed.tag);
  let plaintext: Buffer;
  try {
    plaintext = Buffer.concat([decipher.update(parsed.ciphertext), decipher.final()]);
  } catch {
    throw corruptSecretError(label, 'verifica di integrità non superata');
  }
  const secret = plaintext.toString('utf8');
  plaintext.fill(0);
  return secret;
}
