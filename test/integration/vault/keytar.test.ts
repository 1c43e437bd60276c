import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src-main/platform/clock';
import { silentLogger } from '../../../src-main/platform/logger';
import { parseKeySet } from '../../../src-main/vault/keyMaterial';
import { KeytarKeyStore, keytarAccountFor, type KeytarApi } from '../../../src-main/vault/keytarKeyStore';
import { createVault, VAULT_DATABASE_FILE_NAME, type Vault } from '../../../src-main/vault/vault';
import { AppError } from '../../../src-shared/errors';
import { tempDir } from '../../support/testCore';

/*
 * The vault against the real keytar and a real Secret Service. These tests write to the keychain,
 * so they run only in a throwaway keyring (scripts/with-keyring.sh sets SPORTELLO_TEST_KEYRING=1)
 * or when someone explicitly opts in to the computer's own keychain (SPORTELLO_TEST_REAL_KEYCHAIN=1);
 * otherwise, or when no Secret Service answers, they are skipped and the reason is printed.
 */

const SERVICE = `Sportello-test-${process.pid}`;
const throwaway = process.env.SPORTELLO_TEST_KEYRING === '1';
const optedIn = throwaway || process.env.SPORTELLO_TEST_REAL_KEYCHAIN === '1';
const clock = new ManualClock('2026-11-22T09:00:00.000Z');
const usedDirs: string[] = [];

function storeFor(dataDir: string): KeytarKeyStore {
  usedDirs.push(dataDir);
  return new KeytarKeyStore({ dataDir, service: SERVICE, timeoutMs: 20_000 });
}

async function probeSecretService(): Promise<{ ok: boolean; reason: string }> {
  const runtimeBus = process.env.XDG_RUNTIME_DIR ? path.join(process.env.XDG_RUNTIME_DIR, 'bus') : null;
  if (process.platform === 'linux' && !process.env.DBUS_SESSION_BUS_ADDRESS && !(runtimeBus && fs.existsSync(runtimeBus))) {
    return { ok: false, reason: 'no D-Bus session bus, so no Secret Service: run `bash scripts/with-keyring.sh npx vitest run test/integration/vault`' };
  }
  if (!optedIn) {
    return {
      ok: false,
      reason:
        'not in a throwaway keyring: run `bash scripts/with-keyring.sh npx vitest run test/integration/vault` ' +
        '(or set SPORTELLO_TEST_REAL_KEYCHAIN=1 to use this computer’s own keychain)',
    };
  }
  const store = storeFor(tempDir('sportello-keytar-probe-'));
  try {
    await store.setDataKey('probe');
    const back = await store.getDataKey();
    await store.deleteDataKey();
    if (back !== 'probe') return { ok: false, reason: `the Secret Service did not give back what was stored (${String(back)})` };
    return { ok: true, reason: '' };
  } catch (error) {
    return { ok: false, reason: `no Secret Service reachable: ${(error as Error).message}` };
  }
}

const probe = await probeSecretService();
const noService = !probe.ok;
if (noService) console.log(`[vault] keytar tests against a real Secret Service skipped: ${probe.reason}`);

// locking the collection needs gdbus, and is done only to a throwaway keyring
const gdbus = (() => {
  try {
    execFileSync('gdbus', ['help'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const cannotLock = noService || !throwaway || process.platform !== 'linux' || !gdbus;
if (!noService && cannotLock) console.log('[vault] locked-keyring test skipped: needs Linux, gdbus and the throwaway keyring of scripts/with-keyring.sh');

async function keytar(): Promise<KeytarApi> {
  const loaded = (await import('keytar')) as KeytarApi & { default?: KeytarApi };
  return loaded.default ?? loaded;
}

const vaults: Vault[] = [];
function vaultOn(dataDir: string): Vault {
  const vault = createVault({ dataDir, keyStore: storeFor(dataDir), clock, logger: silentLogger });
  vaults.push(vault);
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

afterAll(async () => {
  for (const v of vaults) v.close();
  if (noService) return;
  const k = await keytar();
  for (const dir of usedDirs) await k.deletePassword(SERVICE, keytarAccountFor(dir)).catch(() => false);
});

describe('KeytarKeyStore against a real Secret Service (gnome-keyring in a throwaway D-Bus session)', () => {
  it.skipIf(noService)('stores, reads back and deletes the key in the Secret Service itself', async () => {
    const dataDir = tempDir();
    const store = storeFor(dataDir);
    expect(await store.getDataKey()).toBeNull();
    await store.setDataKey('materiale-di-prova');
    expect(await (await keytar()).getPassword(SERVICE, keytarAccountFor(dataDir))).toBe('materiale-di-prova');
    expect(await storeFor(dataDir).getDataKey()).toBe('materiale-di-prova');
    await store.deleteDataKey();
    expect(await store.getDataKey()).toBeNull();
  });

  it.skipIf(noService)('keeps one entry per data dir: two data dirs never share a key', async () => {
    const a = storeFor(tempDir());
    const b = storeFor(tempDir());
    await a.setDataKey('chiave-a');
    await b.setDataKey('chiave-b');
    expect(await a.getDataKey()).toBe('chiave-a');
    expect(await b.getDataKey()).toBe('chiave-b');
  });

  it.skipIf(noService)('runs the whole vault on it: secrets survive a restart, the key never touches the disk', async () => {
    const dataDir = tempDir();
    const vault = vaultOn(dataDir);
    await vault.put('nodo.apiKey.primary', 'nodo.apiKey', 'chiave-api-reale');
    await vault.put('smtp.password', 'smtp.password', 'posta-reale');
    vault.close();
    const again = vaultOn(dataDir);
    expect(await again.get('nodo.apiKey.primary')).toBe('chiave-api-reale');
    expect(await again.status()).toMatchObject({ state: 'ok', secretCount: 2, backend: { backend: 'keytar', secure: true } });

    const material = await (await keytar()).getPassword(SERVICE, keytarAccountFor(dataDir));
    const key = parseKeySet(material!).keys[0]!;
    again.close();
    for (const file of fs.readdirSync(dataDir)) {
      const bytes = fs.readFileSync(path.join(dataDir, file));
      expect(bytes.includes(key.key), file).toBe(false);
      expect(bytes.includes(Buffer.from(key.key.toString('base64url'))), file).toBe(false);
    }
    expect(fs.existsSync(path.join(dataDir, VAULT_DATABASE_FILE_NAME))).toBe(true);
  });

  it.skipIf(noService)('reports the key lost when its entry is removed from the keychain, and recovers on request', async () => {
    const dataDir = tempDir();
    const vault = vaultOn(dataDir);
    await vault.put('smtp.password', 'smtp.password', 'posta');
    await (await keytar()).deletePassword(SERVICE, keytarAccountFor(dataDir));
    const status = await vaultOn(dataDir).status();
    expect(status).toMatchObject({ state: 'keyLost', unreadable: [{ name: 'smtp.password', reason: 'keyLost' }] });
    const reset = await vault.resetAfterKeyLoss();
    expect(reset).toMatchObject({ keyCreated: true, dropped: [{ name: 'smtp.password' }] });
    await vault.put('smtp.password', 'smtp.password', 'posta-nuova');
    expect(await vaultOn(dataDir).get('smtp.password')).toBe('posta-nuova');
  });

  it.skipIf(noService)('rotates the key in the keychain', async () => {
    const dataDir = tempDir();
    const vault = vaultOn(dataDir);
    await vault.put('smtp.password', 'smtp.password', 'posta');
    const result = await vault.rotateDataKey();
    const stored = parseKeySet((await (await keytar()).getPassword(SERVICE, keytarAccountFor(dataDir)))!);
    expect(stored.keys.map((k) => k.id)).toEqual([result.keyId]);
    expect(await vaultOn(dataDir).get('smtp.password')).toBe('posta');
  });

  // last: once locked, the throwaway keyring stays locked (unlocking needs a prompt)
  it.skipIf(cannotLock)('tells a locked keyring from a lost key: VAULT_KEYCHAIN_LOCKED, nothing dropped', async () => {
    const dataDir = tempDir();
    const vault = vaultOn(dataDir);
    await vault.put('smtp.password', 'smtp.password', 'posta');
    const alias = execFileSync(
      'gdbus',
      ['call', '--session', '--dest', 'org.freedesktop.secrets', '--object-path', '/org/freedesktop/secrets', '--method', 'org.freedesktop.Secret.Service.ReadAlias', 'default'],
      { encoding: 'utf8' },
    );
    const collection = /objectpath '([^']+)'/.exec(alias)?.[1];
    expect(collection).toBeTruthy();
    execFileSync('gdbus', [
      'call', '--session', '--dest', 'org.freedesktop.secrets', '--object-path', '/org/freedesktop/secrets',
      '--method', 'org.freedesktop.Secret.Service.Lock', `[objectpath '${collection}']`,
    ], { stdio: 'ignore' });

    const reopened = vaultOn(dataDir);
    const status = await reopened.status();
    expect(status).toMatchObject({ state: 'keychainUnavailable', error: { code: 'VAULT_KEYCHAIN_LOCKED' } });
    expect(await codeOf(reopened.get('smtp.password'))).toBe('VAULT_KEYCHAIN_LOCKED');
    expect(await codeOf(reopened.resetAfterKeyLoss())).toBe('VAULT_KEYCHAIN_LOCKED');
    expect(reopened.list().map((s) => s.name)).toEqual(['smtp.password']);
  });
});
