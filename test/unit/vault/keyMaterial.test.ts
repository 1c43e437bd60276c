import { describe, expect, it } from 'vitest';
import { currentKey, generateDataKey, keyIdFor, parseKeySet, serializeKeySet, wipeKeySet, type KeySet } from '../../../src-main/vault/keyMaterial';

const at = '2026-11-22T09:00:00.000Z';

describe('data keys', () => {
  it('are 256 random bits with an id derived from the key', () => {
    const a = generateDataKey(at);
    const b = generateDataKey(at);
    expect(a.key).toHaveLength(32);
    expect(a.key.equals(b.key)).toBe(false);
    expect(a.id).toMatch(/^[0-9a-f]{16}$/);
    expect(a.id).toBe(keyIdFor(a.key));
    expect(a.id).not.toBe(b.id);
  });

  it('serialise to ASCII JSON and parse back, keeping the current key and the retired ones', () => {
    const current = generateDataKey(at);
    const retired = generateDataKey('2026-01-01T00:00:00.000Z');
    const set: KeySet = { currentId: current.id, keys: [current, retired] };
    const text = serializeKeySet(set);
    expect(text).toMatch(/^[\x20-\x7e]+$/);
    const back = parseKeySet(text);
    expect(back.currentId).toBe(current.id);
    expect(currentKey(back).key.equals(current.key)).toBe(true);
    expect(back.keys.map((k) => [k.id, k.createdAt])).toEqual([
      [current.id, at],
      [retired.id, '2026-01-01T00:00:00.000Z'],
    ]);
  });

  it('refuse key material that is garbled, truncated or not ours', () => {
    const key = generateDataKey(at);
    const good = JSON.parse(serializeKeySet({ currentId: key.id, keys: [key] }));
    const variants: unknown[] = [
      'not json',
      '{}',
      { ...good, format: 'other' },
      { ...good, version: 2 },
      { ...good, current: '0000000000000000' },
      { ...good, keys: [] },
      // one byte of the key changed: its id no longer matches
      { ...good, keys: [{ ...good.keys[0], key: Buffer.from(generateDataKey(at).key).toString('base64url') }] },
      { ...good, keys: [{ ...good.keys[0], key: key.key.subarray(0, 16).toString('base64url') }] },
    ];
    for (const v of variants) {
      const text = typeof v === 'string' ? v : JSON.stringify(v);
      expect(() => parseKeySet(text)).toThrow();
    }
  });

  it('error messages never contain key bytes', () => {
    const key = generateDataKey(at);
    const good = JSON.parse(serializeKeySet({ currentId: key.id, keys: [key] }));
    good.keys[0].id = '0123456789abcdef';
    try {
      parseKeySet(JSON.stringify(good));
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).not.toContain(key.key.toString('base64url'));
    }
  });

  it('can be wiped from memory', () => {
    const key = generateDataKey(at);
    wipeKeySet({ currentId: key.id, keys: [key] });
    expect(key.key.every((b) => b === 0)).toBe(true);
    expect(() => wipeKeySet(null)).not.toThrow();
  });
});
