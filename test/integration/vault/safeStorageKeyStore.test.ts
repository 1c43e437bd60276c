import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SafeStorage } from 'electron';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { ManualClock } from '../../../src-main/platform/clock';
import { silentLogger } from '../../../src-main/platform/logger';
import { parseKeySet } from '../../../src-main/vault/keyMaterial';
import { SAFE_STORAGE_KEY_FILE, SafeStorageKeyStore, type SafeStorageLike } from '../../../src-main/vault/safeStorageKeyStore';
import { createVault, type Vault } from '../../../src-main/vault/vault';
import { AppError } from '../../../src-shared/errors';
import { tempDir } from '../../support/testCore';

/**
 * Electron's safeStorage as the tests need it: real encryption under a per-instance "OS key", so a
 * different OS key really cannot decrypt, and the backend Chromium picked on Linux.
 */
class FakeSafeStorage implements SafeStorageLike {
  osKey = randomBytes(32);
  available = true;
  failEncrypt = false;
  constructor(public backend: string = 'gnome_libsecret') {}

  isEncryptionAvailable(): boolean {
    return this.available;
  }
  encryptString(plainText: string): Buffer {
    if (this.failEncrypt) throw new Error('Error while encrypting the text provided to safeStorage.encryptString.');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.osKey, iv);
    const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from('v11'), iv, body, cipher.getAuthTag()]);
  }
  decryptString(encrypted: Buffer): string {
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.osKey, encrypted.subarray(3, 15));
      decipher.setAuthTag(encrypted.subarray(encrypted.length - 16));
      return Buffer.concat([decipher.update(encrypted.subarray(15, encrypted.length - 16)), decipher.final()]).toString('utf8');
    } catch {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    }
  }
  getSelectedStorageBackend(): string {
    return this.backend;
  }
}

const clock = new ManualClock('2026-11-22T09:00:00.000Z');
const opened: Vault[] = [];
afterEach(() => {
  for (const v of opened.splice(0)) v.close();
});

function vaultOn(dataDir: string, keyStore: SafeStorageKeyStore): Vault {
  const vault = createVault({ dataDir, keyStore, clock, logger: silentLogger });
  opened.push(vault);
  return vault;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'no error';
}

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;
const posix = process.platform !== 'win32';

describe('SafeStorageKeyStore', () => {
  it('accepts Electron’s own safeStorage object as it is', () => {
    expectTypeOf<SafeStorage>().toExtend<SafeStorageLike>();
  });

  it('keeps the data key encrypted in an owner-only file, and the vault works on it across restarts', async () => {
    const dataDir = tempDir();
    const safeStorage = new FakeSafeStorage();
    const vault = vaultOn(dataDir, new SafeStorageKeyStore({ safeStorage, dataDir, platform: 'linux' }));
    await vault.put('smtp.password', 'smtp.password', 'posta-segreta');
    const file = path.join(dataDir, SAFE_STORAGE_KEY_FILE);
    if (posix) expect(modeOf(file)).toBe(0o600);
    const raw = fs.readFileSync(file);
    const material = safeStorage.decryptString(raw);
    const key = parseKeySet(material).keys[0]!;
    // neither the key material nor the key bytes are in the file in clear
    expect(raw.includes(Buffer.from(material))).toBe(false);
    expect(raw.includes(key.key)).toBe(false);
    expect(raw.toString('latin1')).not.toContain(key.key.toString('base64url'));
    vault.close();

    const again = vaultOn(dataDir, new SafeStorageKeyStore({ safeStorage, dataDir, platform: 'linux' }));
    expect(await again.get('smtp.password')).toBe('posta-segreta');
    expect(await again.status()).toMatchObject({ state: 'ok', backend: { backend: 'safeStorage:gnome_libsecret', secure: true, warning: null } });
  });

  it('writes the file 0600 whatever the umask, and tightens a file someone loosened', async () => {
    if (!posix) return;
    const dataDir = tempDir();
    const store = new SafeStorageKeyStore({ safeStorage: new FakeSafeStorage(), dataDir, platform: 'linux' });
    const previous = process.umask(0);
    try {
      await store.setDataKey('materiale');
    } finally {
      process.umask(previous);
    }
    const file = path.join(dataDir, SAFE_STORAGE_KEY_FILE);
    expect(modeOf(file)).toBe(0o600);
    fs.chmodSync(file, 0o644);
    expect(await store.getDataKey()).toBe('materiale');
    expect(modeOf(file)).toBe(0o600);
    // no temporary file left behind
    expect(fs.readdirSync(dataDir)).toEqual([SAFE_STORAGE_KEY_FILE]);
  });

  it('refuses the basic_text backend unless the administrator accepted it, and says why', async () => {
    const dataDir = tempDir();
    const safeStorage = new FakeSafeStorage('basic_text');
    const store = new SafeStorageKeyStore({ safeStorage, dataDir, platform: 'linux' });
    expect(await codeOf(store.getDataKey())).toBe('VAULT_INSECURE_BACKEND');
    expect(await codeOf(store.setDataKey('materiale'))).toBe('VAULT_INSECURE_BACKEND');
    const description = store.describe();
    expect(description).toMatchObject({ backend: 'safeStorage:basic_text', secure: false });
    expect(description.warning).toMatch(/non c’è un portachiavi sicuro.*disattivato/s);

    const vault = vaultOn(dataDir, store);
    const status = await vault.status();
    expect(status).toMatchObject({ state: 'insecureBackend', error: { code: 'VAULT_INSECURE_BACKEND' } });
    expect(status.guidance).toMatch(/GNOME Keyring o KWallet/);
    expect(await codeOf(vault.put('smtp.password', 'smtp.password', 'posta'))).toBe('VAULT_INSECURE_BACKEND');
    expect(fs.existsSync(path.join(dataDir, SAFE_STORAGE_KEY_FILE))).toBe(false);
    expect(vault.list()).toEqual([]);
  });

  it('refuses a backend not yet known (asked before the app was ready)', async () => {
    const store = new SafeStorageKeyStore({ safeStorage: new FakeSafeStorage('unknown'), dataDir: tempDir(), platform: 'linux' });
    expect(await codeOf(store.getDataKey())).toBe('VAULT_INSECURE_BACKEND');
    expect(store.describe()).toMatchObject({ secure: false, warning: expect.stringMatching(/non è ancora stato determinato/) });
    const withoutMethod = new SafeStorageKeyStore({
      safeStorage: { isEncryptionAvailable: () => true, encryptString: (s) => Buffer.from(s), decryptString: (b) => b.toString() },
      dataDir: tempDir(),
      platform: 'linux',
    });
    expect(await codeOf(withoutMethod.getDataKey())).toBe('VAULT_INSECURE_BACKEND');
  });

  it('works on basic_text once accepted, with a standing warning', async () => {
    const dataDir = tempDir();
    const store = new SafeStorageKeyStore({ safeStorage: new FakeSafeStorage('basic_text'), dataDir, platform: 'linux', allowInsecureBackend: true });
    const vault = vaultOn(dataDir, store);
    await vault.put('smtp.password', 'smtp.password', 'posta');
    expect(await vault.get('smtp.password')).toBe('posta');
    const status = await vault.status();
    expect(status.state).toBe('ok');
    expect(status.backend).toMatchObject({ secure: false, warning: expect.stringMatching(/^Attenzione: .*accettato una protezione debole/) });
  });

  it('does not ask for a Linux backend on macOS and Windows', async () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const safeStorage = new FakeSafeStorage('basic_text');
      const store = new SafeStorageKeyStore({ safeStorage, dataDir: tempDir(), platform });
      await store.setDataKey('materiale');
      expect(await store.getDataKey()).toBe('materiale');
      expect(store.describe()).toMatchObject({ backend: 'safeStorage', secure: true, warning: null });
    }
  });

  it('reports safeStorage being unavailable, or failing to encrypt, as VAULT_KEYCHAIN_UNAVAILABLE', async () => {
    const safeStorage = new FakeSafeStorage();
    safeStorage.available = false;
    const store = new SafeStorageKeyStore({ safeStorage, dataDir: tempDir(), platform: 'linux' });
    expect(await codeOf(store.getDataKey())).toBe('VAULT_KEYCHAIN_UNAVAILABLE');
    safeStorage.available = true;
    safeStorage.failEncrypt = true;
    const error = await store.setDataKey('materiale').catch((e: AppError) => e);
    expect(error).toMatchObject({ code: 'VAULT_KEYCHAIN_UNAVAILABLE', message: expect.stringContaining('encryptString') });
  });

  it('reports a key file the OS can no longer decrypt as a lost key; the reset keeps the old file aside', async () => {
    const dataDir = tempDir();
    const safeStorage = new FakeSafeStorage();
    const first = vaultOn(dataDir, new SafeStorageKeyStore({ safeStorage, dataDir, platform: 'linux' }));
    await first.put('smtp.password', 'smtp.password', 'posta');
    await first.put('nodo.apiKey.primary', 'nodo.apiKey', 'chiave-api');
    first.close();

    // e.g. the data dir was copied to another user account: a different OS key
    safeStorage.osKey = randomBytes(32);
    const store = new SafeStorageKeyStore({ safeStorage, dataDir, platform: 'linux', clock });
    expect(await codeOf(store.getDataKey())).toBe('VAULT_KEY_LOST');
    const vault = vaultOn(dataDir, store);
    const status = await vault.status();
    expect(status.state).toBe('keyLost');
    expect(status.unreadable.map((u) => u.name)).toEqual(['nodo.apiKey.primary', 'smtp.password']);
    expect(await codeOf(vault.put('altro', 'smtp.password', 'x'))).toBe('VAULT_KEY_LOST');

    const reset = await vault.resetAfterKeyLoss();
    expect(reset.keyCreated).toBe(true);
    expect(reset.dropped).toHaveLength(2);
    const asideFiles = fs.readdirSync(dataDir).filter((f) => f.startsWith(`${SAFE_STORAGE_KEY_FILE}.unreadable-`));
    expect(asideFiles).toEqual([`${SAFE_STORAGE_KEY_FILE}.unreadable-2026-11-22T09-00-00-000Z`]);
    await vault.put('smtp.password', 'smtp.password', 'nuova');
    expect(await vault.get('smtp.password')).toBe('nuova');
  });

  it('treats a missing file as no key and deletes the file on request', async () => {
    const dataDir = tempDir();
    const store = new SafeStorageKeyStore({ safeStorage: new FakeSafeStorage(), dataDir, platform: 'linux' });
    expect(await store.getDataKey()).toBeNull();
    await store.setDataKey('materiale');
    await store.deleteDataKey();
    expect(await store.getDataKey()).toBeNull();
    await expect(store.deleteDataKey()).resolves.toBeUndefined();
  });
});
