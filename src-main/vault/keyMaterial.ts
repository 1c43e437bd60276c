import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** AES-256: 32 bytes from the OS CSPRNG. */
export const DATA_KEY_BYTES = 32;

export interface DataKey {
  /** 16 hex digits, derived from the key itself (see keyIdFor) */
  id: string;
  key: Buffer;
  createdAt: string;
}

/**
 * The keys the vault can decrypt with. Normally one; during a rotation the previous key stays
 * until every secret has been re-encrypted, so a crash halfway never strands a ciphertext.
 */
export interface KeySet {
  currentId: string;
  keys: readonly DataKey[];
}

const FORMAT = 'sportello-vault-keys';
const KEY_ID = /^[0-9a-f]{16}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * The id commits to the key (keyed hash of a fixed label): a different key can never pass for the
 * one a secret was sealed with, so "wrong key" is told apart from "damaged ciphertext" before
 * decrypting, and a key garbled in the keychain is caught when it is loaded.
 */
export function keyIdFor(key: Buffer): string {
  return createHmac('sha256', key).update('sportello-vault/key-id/v1').digest('hex').slice(0, 16);
}

export function generateDataKey(createdAt: string): DataKey {
  const key = randomBytes(DATA_KEY_BYTES);
  return { id: keyIdFor(key), key, createdAt };
}

export function findKey(set: KeySet, id: string): DataKey | null {
  return set.keys.find((k) => k.id === id) ?? null;
}

export function currentKey(set: KeySet): DataKey {
  const key = findKey(set, set.currentId);
  if (!key) throw new Error('Key set without its current key');
  return key;
}

const storedSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  current: z.string().regex(KEY_ID),
  keys: z
    .array(z.object({ id: z.string().regex(KEY_ID), key: z.string().regex(BASE64URL), createdAt: z.string().min(1) }))
    .min(1)
    .max(8),
});

/** The string the KeyStore holds: small JSON, ASCII only, so every backend can store it as is. */
export function serializeKeySet(set: KeySet): string {
  return JSON.stringify({
    format: FORMAT,
    version: 1,
    current: set.currentId,
    keys: set.keys.map((k) => ({ id: k.id, key: k.key.toString('base64url'), createdAt: k.createdAt })),
  });
}

/** Throws a plain Error saying what is wrong (never echoing key bytes) when the material is unusable. */
export function parseKeySet(material: string): KeySet {
  let json: unknown;
  try {
    json = JSON.parse(material);
  } catch {
    throw new Error('key material is not JSON');
  }
  const parsed = storedSchema.safeParse(json);
  if (!parsed.success) throw new Error('key material has an unknown format');
  const keys = parsed.data.keys.map((k) => {
    const key = Buffer.from(k.key, 'base64url');
    if (key.length !== DATA_KEY_BYTES) throw new Error(`key ${k.id} has ${key.length} bytes`);
    const expected = Buffer.from(keyIdFor(key), 'utf8');
    if (!timingSafeEqual(expected, Buffer.from(k.id, 'utf8'))) throw new Error(`key ${k.id} does not match its id`);
    return { id: k.id, key, createdAt: k.createdAt };
  });
  if (!keys.some((k) => k.id === parsed.data.current)) throw new Error('current key missing from key material');
  return { currentId: parsed.data.current, keys };
}

/** Overwrites key bytes we no longer need (best effort: JS may have copied them elsewhere). */
export function wipeKeySet(set: KeySet | null): void {
  for (const k of set?.keys ?? []) k.key.fill(0);
}
