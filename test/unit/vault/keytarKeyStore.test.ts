import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYTAR_SERVICE, KeytarKeyStore, keytarAccountFor, type KeytarApi } from '../../../src-main/vault/keytarKeyStore';
import { AppError } from '../../../src-shared/errors';
import { tempDir } from '../../support/testCore';

/** keytar's behaviour without the native module: a map, plus the failures libsecret produces. */
class FakeKeytar implements KeytarApi {
  entries = new Map<string, string>();
  locked = false;
  failWith: Error | null = null;
  hang = false;

  private async gate(write: boolean): Promise<void> {
    if (this.hang) await new Promise(() => {});
    if (this.failWith) throw this.failWith;
    if (this.locked && write) throw new Error('Cannot create an item in a locked collection');
  }
  async getPassword(service: string, account: string): Promise<string | null> {
    await this.gate(false);
    // like libsecret after a dismissed unlock prompt: a locked item reads as absent
    return this.locked ? null : (this.entries.get(`${service}/${account}`) ?? null);
  }
  async setPassword(service: string, account: string, password: string): Promise<void> {
    await this.gate(true);
    this.entries.set(`${service}/${account}`, password);
  }
  async deletePassword(service: string, account: string): Promise<boolean> {
    await this.gate(true);
    return this.entries.delete(`${service}/${account}`);
  }
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected a rejection');
}

function storeWith(fake: FakeKeytar, options: { timeoutMs?: number; dataDir?: string } = {}) {
  let loads = 0;
  const store = new KeytarKeyStore({
    dataDir: options.dataDir ?? tempDir(),
    timeoutMs: options.timeoutMs,
    loadKeytar: async () => {
      loads++;
      return fake;
    },
  });
  return { store, loads: () => loads };
}

describe('KeytarKeyStore (keytar simulated)', () => {
  it('loads keytar only when first used, and stores, reads and deletes the key under one entry', async () => {
    const fake = new FakeKeytar();
    const { store, loads } = storeWith(fake);
    expect(loads()).toBe(0);
    expect(await store.getDataKey()).toBeNull();
    await store.setDataKey('materiale');
    expect(await store.getDataKey()).toBe('materiale');
    expect([...fake.entries.keys()]).toEqual([`${KEYTAR_SERVICE}/${store.account}`]);
    await store.deleteDataKey();
    expect(await store.getDataKey()).toBeNull();
    expect(fake.entries.size).toBe(0);
    expect(loads()).toBeGreaterThan(0);
  });

  it('turns a keytar that cannot be loaded into VAULT_KEYCHAIN_UNAVAILABLE, not a crash', async () => {
    const store = new KeytarKeyStore({
      dataDir: tempDir(),
      loadKeytar: () => Promise.reject(new Error("Cannot find module '../build/Release/keytar.node'")),
    });
    const error = await errorOf(store.getDataKey());
    expect(error.code).toBe('VAULT_KEYCHAIN_UNAVAILABLE');
    expect(error.message).toMatch(/portachiavi.*keytar/s);
  });

  it('reports a missing D-Bus session as VAULT_KEYCHAIN_UNAVAILABLE with the detail', async () => {
    const fake = new FakeKeytar();
    fake.failWith = new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
    const error = await errorOf(storeWith(fake).store.setDataKey('x'));
    expect(error.code).toBe('VAULT_KEYCHAIN_UNAVAILABLE');
    expect(error.message).toContain('Cannot autolaunch D-Bus');
  });

  it('tells a locked keyring from an empty one: reads look empty, so a probe write decides', async () => {
    const fake = new FakeKeytar();
    const { store } = storeWith(fake);
    await store.setDataKey('materiale');
    fake.locked = true;
    expect((await errorOf(store.getDataKey())).code).toBe('VAULT_KEYCHAIN_LOCKED');
    expect((await errorOf(store.setDataKey('y'))).code).toBe('VAULT_KEYCHAIN_LOCKED');
    fake.locked = false;
    expect(await store.getDataKey()).toBe('materiale');
    // the probe leaves nothing behind
    expect(fake.entries.size).toBe(1);
  });

  it('classifies prompts the user dismissed or cancelled as a locked keychain', async () => {
    for (const message of ['Prompt dismissed', 'User canceled the operation.', 'User interaction is not allowed.']) {
      const fake = new FakeKeytar();
      fake.failWith = new Error(message);
      expect((await errorOf(storeWith(fake).store.getDataKey())).code).toBe('VAULT_KEYCHAIN_LOCKED');
    }
  });

  it('gives up on a keychain that never answers', async () => {
    const fake = new FakeKeytar();
    fake.hang = true;
    const error = await errorOf(storeWith(fake, { timeoutMs: 50 }).store.getDataKey());
    expect(error.code).toBe('VAULT_KEYCHAIN_UNAVAILABLE');
    expect(error.message).toMatch(/non ha risposto/);
  });

  it('uses a different entry per data dir, the same for two spellings of one dir', () => {
    const a = tempDir();
    const b = tempDir();
    expect(keytarAccountFor(a)).not.toBe(keytarAccountFor(b));
    expect(keytarAccountFor(a)).toBe(keytarAccountFor(`${a}/`));
    expect(keytarAccountFor(a)).toBe(keytarAccountFor(path.join(a, 'sub', '..')));
    const link = path.join(tempDir(), 'link');
    fs.symlinkSync(a, link);
    expect(keytarAccountFor(link)).toBe(keytarAccountFor(a));
    expect(keytarAccountFor(a)).toMatch(/^vault-data-key:[0-9a-f]{32}$/);
  });

  it('describes itself as a secure backend', () => {
    const store = new KeytarKeyStore({ dataDir: tempDir(), platform: 'linux' });
    expect(store.describe()).toMatchObject({ backend: 'keytar', secure: true, warning: null });
    expect(new KeytarKeyStore({ dataDir: tempDir(), platform: 'darwin' }).describe().label).toBe('Portachiavi di macOS');
  });
});
