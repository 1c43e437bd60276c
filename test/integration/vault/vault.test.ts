import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src-main/platform/clock';
import type { Logger } from '../../../src-main/platform/logger';
import { generateDataKey, parseKeySet, serializeKeySet } from '../../../src-main/vault/keyMaterial';
import { createVault, VAULT_DATABASE_FILE_NAME, type Vault } from '../../../src-main/vault/vault';
import { AppError } from '../../../src-shared/errors';
import { InMemoryKeyStore } from '../../support/inMemoryKeyStore';
import { tempDir } from '../../support/testCore';

interface LogLine {
  level: string;
  event: string;
  data?: Record<string, unknown>;
}

let dataDir: string;
let clock: ManualClock;
let keyStore: InMemoryKeyStore;
let logs: LogLine[];
let logger: Logger;
const opened: Vault[] = [];

function open(store: InMemoryKeyStore = keyStore): Vault {
  const vault = createVault({ dataDir, keyStore: store, clock, logger });
  opened.push(vault);
  return vault;
}

beforeEach(() => {
  dataDir = tempDir('sportello-vault-');
  clock = new ManualClock('2026-11-22T09:00:00.000Z');
  keyStore = new InMemoryKeyStore();
  logs = [];
  logger = {
    info: (event, data) => logs.push({ level: 'info', event, data }),
    warn: (event, data) => logs.push({ level: 'warn', event, data }),
    error: (event, data) => logs.push({ level: 'error', event, data }),
  };
});
afterEach(() => {
  for (const vault of opened.splice(0)) vault.close();
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'no error';
}

/** A second connection to vault.db, as a tamperer (or a test) would have. */
function rawDb(): Database.Database {
  const db = new Database(path.join(dataDir, VAULT_DATABASE_FILE_NAME));
  opened.push({ close: () => db.close() } as unknown as Vault);
  return db;
}

const API_KEY = 'nodo-api-key-7f3a9c2e41b84d0f';
const STATION_PASSWORD = 'Stazione#2026!';

describe('vault: storing secrets', () => {
  it('stores, reads, lists and deletes secrets; the first secret creates the data key', async () => {
    const vault = open();
    expect(keyStore.material).toBeNull();
    const info = await vault.put('nodo.apiKey.primary', 'nodo.apiKey', API_KEY);
    expect(info).toEqual({
      name: 'nodo.apiKey.primary',
      purpose: 'nodo.apiKey',
      keyId: expect.stringMatching(/^[0-9a-f]{16}$/),
      createdAt: '2026-11-22T09:00:00.000Z',
      updatedAt: '2026-11-22T09:00:00.000Z',
    });
    expect(keyStore.calls.set).toBe(1);
    expect(parseKeySet(keyStore.material!).currentId).toBe(info.keyId);
    await vault.put('station.77777777777_01.password', 'station.password', STATION_PASSWORD);
    expect(keyStore.calls.set).toBe(1);

    expect(await vault.get('nodo.apiKey.primary')).toBe(API_KEY);
    expect(await vault.get('station.77777777777_01.password')).toBe(STATION_PASSWORD);
    expect(await vault.get('missing')).toBeNull();
    expect(vault.has('nodo.apiKey.primary')).toBe(true);
    expect(vault.has('missing')).toBe(false);

    const list = vault.list();
    expect(list.map((s) => s.name)).toEqual(['nodo.apiKey.primary', 'station.77777777777_01.password']);
    expect(JSON.stringify(list)).not.toContain(API_KEY);
    expect(Object.keys(list[0]!).sort()).toEqual(['createdAt', 'keyId', 'name', 'purpose', 'updatedAt']);

    expect(await vault.delete('nodo.apiKey.primary')).toBe(true);
    expect(await vault.delete('nodo.apiKey.primary')).toBe(false);
    expect(await vault.get('nodo.apiKey.primary')).toBeNull();
    expect(logs.map((l) => l.event)).toContain('vault.keyCreated');
  });

  it('keeps the secrets across restarts, reading the key from the key store again', async () => {
    const first = open();
    await first.put('smtp.password', 'smtp.password', 'posta-segreta');
    first.close();
    const second = open();
    expect(await second.get('smtp.password')).toBe('posta-segreta');
    expect((await second.status()).state).toBe('ok');
  });

  it('replaces a secret under the same name, keeping its creation time', async () => {
    const vault = open();
    await vault.put('smtp.password', 'smtp.password', 'vecchia');
    clock.advance(60_000);
    const info = await vault.put('smtp.password', 'smtp.password', 'nuova');
    expect(info.createdAt).toBe('2026-11-22T09:00:00.000Z');
    expect(info.updatedAt).toBe('2026-11-22T09:01:00.000Z');
    expect(await vault.get('smtp.password')).toBe('nuova');
    expect(vault.list()).toHaveLength(1);
  });

  it('lives in its own vault.db (owner-only), holding envelopes only, at its own schema version', async () => {
    const vault = open();
    await vault.put('nodo.apiKey.primary', 'nodo.apiKey', API_KEY);
    expect(fs.existsSync(path.join(dataDir, 'sportello.db'))).toBe(false);
    const file = path.join(dataDir, VAULT_DATABASE_FILE_NAME);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const db = rawDb();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const rows = db.prepare('SELECT * FROM vault_secret').all() as Array<Record<string, string>>;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.envelope).toMatch(/^v1:[0-9a-f]{16}:/);
    expect(JSON.stringify(rows)).not.toContain(API_KEY);
    expect(db.pragma('secure_delete', { simple: true })).toBe(0); // a per-connection setting: ours sets it, see below
    expect((vault as unknown as { db: Database.Database }).db.pragma('secure_delete', { simple: true })).toBe(1);
  });

  it('refuses bad names, purposes and secrets without echoing the secret', async () => {
    const vault = open();
    await expect(vault.put('', 'smtp.password', 'x')).rejects.toThrow(RangeError);
    await expect(vault.put(' spazi ', 'smtp.password', 'x')).rejects.toThrow(RangeError);
    await expect(vault.put('a\nb', 'smtp.password', 'x')).rejects.toThrow(RangeError);
    await expect(vault.put('ok', 'Smtp password', 'x')).rejects.toThrow(RangeError);
    await expect(vault.put('ok', 'smtp.password', '')).rejects.toThrow(RangeError);
    await expect(vault.put('ok', 'smtp.password', 'a\ud800b')).rejects.toThrow(/caratteri non validi/);
    const huge = 'segreto-'.repeat(10_000);
    await expect(vault.put('ok', 'smtp.password', huge)).rejects.toThrow(/troppo lunga/);
    try {
      await vault.put('ok', 'smtp.password', `${huge}`);
    } catch (error) {
      expect((error as Error).message).not.toContain('segreto-');
    }
    expect(vault.list()).toEqual([]);
    expect(keyStore.material).toBeNull();
  });

  it('creates exactly one key when several first writes race', async () => {
    keyStore.delayMs = 5;
    const vault = open();
    const names = Array.from({ length: 8 }, (_, i) => `station.0${i}.password`);
    await Promise.all(names.map((n, i) => vault.put(n, 'station.password', `pw-${i}`)));
    expect(keyStore.calls.set).toBe(1);
    for (const [i, n] of names.entries()) expect(await vault.get(n)).toBe(`pw-${i}`);
  });
});

describe('vault: tampering', () => {
  it('refuses a ciphertext moved to another row, and reports it as damaged', async () => {
    const vault = open();
    await vault.put('nodo.apiKey.primary', 'nodo.apiKey', API_KEY);
    await vault.put('nodo.apiKey.secondary', 'nodo.apiKey', 'altra-chiave');
    const db = rawDb();
    const envelope = db.prepare("SELECT envelope FROM vault_secret WHERE name = 'nodo.apiKey.primary'").pluck().get() as string;
    db.prepare("UPDATE vault_secret SET envelope = ? WHERE name = 'nodo.apiKey.secondary'").run(envelope);

    expect(await vault.get('nodo.apiKey.primary')).toBe(API_KEY);
    expect(await codeOf(vault.get('nodo.apiKey.secondary'))).toBe('VAULT_SECRET_CORRUPT');
    const status = await vault.status();
    expect(status.state).toBe('ok');
    expect(status.unreadable).toEqual([{ name: 'nodo.apiKey.secondary', purpose: 'nodo.apiKey', reason: 'corrupt' }]);
    expect(status.error?.code).toBe('VAULT_SECRET_CORRUPT');
    expect(status.guidance).toMatch(/inseriscila di nuovo/);
    // entering it again repairs it
    await vault.put('nodo.apiKey.secondary', 'nodo.apiKey', 'altra-chiave');
    expect((await vault.status()).unreadable).toEqual([]);
  });

  it('refuses an envelope relabelled with another purpose or a garbled envelope', async () => {
    const vault = open();
    await vault.put('smtp.password', 'smtp.password', 'posta');
    const db = rawDb();
    db.prepare("UPDATE vault_secret SET purpose = 'nodo.apiKey'").run();
    expect(await codeOf(vault.get('smtp.password'))).toBe('VAULT_SECRET_CORRUPT');
    db.prepare("UPDATE vault_secret SET purpose = 'smtp.password', envelope = 'v1:' || key_id || ':AAAA:BBBB:CCCC'").run();
    expect(await codeOf(vault.get('smtp.password'))).toBe('VAULT_SECRET_CORRUPT');
    expect(logs.filter((l) => l.event === 'vault.secretCorrupt')).toHaveLength(2);
  });
});

describe('vault: keychain failures', () => {
  it('reports an unreachable keychain, fails reads and writes with its code, and writes nothing', async () => {
    const vault = open();
    await vault.put('smtp.password', 'smtp.password', 'posta');
    const before = JSON.stringify(rawDb().prepare('SELECT * FROM vault_secret').all());
    keyStore.failure = 'VAULT_KEYCHAIN_UNAVAILABLE';
    const reopened = open();
    const status = await reopened.status();
    expect(status).toMatchObject({ state: 'keychainUnavailable', secretCount: 1, currentKeyId: null, error: { code: 'VAULT_KEYCHAIN_UNAVAILABLE' } });
    expect(status.guidance).toMatch(/Riprova/);
    expect(await codeOf(reopened.get('smtp.password'))).toBe('VAULT_KEYCHAIN_UNAVAILABLE');
    expect(await codeOf(reopened.put('smtp.password', 'smtp.password', 'altro'))).toBe('VAULT_KEYCHAIN_UNAVAILABLE');
    expect(await codeOf(reopened.put('nuovo', 'smtp.password', 'altro'))).toBe('VAULT_KEYCHAIN_UNAVAILABLE');
    expect(await codeOf(reopened.resetAfterKeyLoss())).toBe('VAULT_KEYCHAIN_UNAVAILABLE');
    expect(await codeOf(reopened.rotateDataKey())).toBe('VAULT_KEYCHAIN_UNAVAILABLE');
    expect(JSON.stringify(rawDb().prepare('SELECT * FROM vault_secret').all())).toBe(before);
    // names and metadata stay available
    expect(reopened.list().map((s) => s.name)).toEqual(['smtp.password']);
    keyStore.failure = null;
    expect(await reopened.get('smtp.password')).toBe('posta');
  });

  it('reports a locked keychain as such, with the advice to unlock it', async () => {
    const vault = open();
    await vault.put('smtp.password', 'smtp.password', 'posta');
    keyStore.failure = 'VAULT_KEYCHAIN_LOCKED';
    const status = await open().status();
    expect(status).toMatchObject({ state: 'keychainUnavailable', error: { code: 'VAULT_KEYCHAIN_LOCKED' } });
    expect(status.guidance).toMatch(/Sblocca/);
  });

  it('reports an insecure backend refused by the key store', async () => {
    keyStore.failure = 'VAULT_INSECURE_BACKEND';
    const vault = open();
    const status = await vault.status();
    expect(status).toMatchObject({ state: 'insecureBackend', error: { code: 'VAULT_INSECURE_BACKEND' } });
    expect(await codeOf(vault.put('smtp.password', 'smtp.password', 'posta'))).toBe('VAULT_INSECURE_BACKEND');
    expect(vault.list()).toEqual([]);
  });

  it('turns an unexpected key store exception into VAULT_KEYCHAIN_UNAVAILABLE', async () => {
    const broken = new InMemoryKeyStore();
    broken.getDataKey = () => Promise.reject(new TypeError('boom'));
    const vault = open(broken);
    expect(await codeOf(vault.put('smtp.password', 'smtp.password', 'posta'))).toBe('VAULT_KEYCHAIN_UNAVAILABLE');
    expect((await vault.status()).state).toBe('keychainUnavailable');
  });
});

describe('vault: key lost and guided recovery', () => {
  async function vaultWithSecrets(): Promise<Vault> {
    const vault = open();
    await vault.put('nodo.apiKey.primary', 'nodo.apiKey', API_KEY);
    await vault.put('station.77777777777_01.password', 'station.password', STATION_PASSWORD);
    await vault.put('smtp.password', 'smtp.password', 'posta');
    return vault;
  }

  it('says keyLost when the keychain no longer holds the key, and never creates a new one by itself', async () => {
    await vaultWithSecrets();
    keyStore.material = null;
    const vault = open();
    const status = await vault.status();
    expect(status.state).toBe('keyLost');
    expect(status.error?.code).toBe('VAULT_KEY_LOST');
    expect(status.unreadable.map((u) => [u.name, u.reason])).toEqual([
      ['nodo.apiKey.primary', 'keyLost'],
      ['smtp.password', 'keyLost'],
      ['station.77777777777_01.password', 'keyLost'],
    ]);
    expect(status.guidance).toMatch(/3 credenziali illeggibili/);
    expect(await codeOf(vault.get('smtp.password'))).toBe('VAULT_KEY_LOST');
    expect(await codeOf(vault.put('altro', 'smtp.password', 'x'))).toBe('VAULT_KEY_LOST');
    expect(await codeOf(vault.rotateDataKey())).toBe('VAULT_KEY_LOST');
    expect(keyStore.material).toBeNull();
  });

  it('says keyLost when the keychain holds a different key, or garbage', async () => {
    await vaultWithSecrets();
    const stranger = generateDataKey('2026-01-01T00:00:00.000Z');
    keyStore.material = serializeKeySet({ currentId: stranger.id, keys: [stranger] });
    expect((await open().status()).state).toBe('keyLost');
    keyStore.material = '{"non":"è una chiave"}';
    const vault = open();
    expect((await vault.status()).state).toBe('keyLost');
    expect(await codeOf(vault.get('smtp.password'))).toBe('VAULT_KEY_LOST');
  });

  it('resets on request: backs up vault.db, drops the unreadable secrets, creates a new key, names what to re-enter', async () => {
    await vaultWithSecrets();
    keyStore.material = null;
    const vault = open();
    clock.advance(3_600_000);
    const result = await vault.resetAfterKeyLoss();
    expect(result.keyCreated).toBe(true);
    expect(result.dropped.map((d) => d.name)).toEqual(['nodo.apiKey.primary', 'smtp.password', 'station.77777777777_01.password']);
    expect(result.dropped.every((d) => d.reason === 'keyLost')).toBe(true);
    expect(parseKeySet(keyStore.material!).currentId).toBe(result.keyId);
    // the copy still has the envelopes, in case the old key turns up again
    expect(result.backupFile).toMatch(/backups[/\\]vault[/\\]vault-before-reset-2026-11-22T10-00-00-000Z\.db$/);
    const copy = new Database(result.backupFile!, { readonly: true });
    expect(copy.prepare('SELECT count(*) FROM vault_secret').pluck().get()).toBe(3);
    copy.close();

    const status = await vault.status();
    expect(status).toMatchObject({ state: 'ok', secretCount: 0, currentKeyId: result.keyId, unreadable: [], error: null });
    await vault.put('nodo.apiKey.primary', 'nodo.apiKey', 'nuova-chiave');
    expect(await vault.get('nodo.apiKey.primary')).toBe('nuova-chiave');
    expect(logs.find((l) => l.event === 'vault.resetAfterKeyLoss')).toMatchObject({
      level: 'warn',
      data: { dropped: result.dropped.map((d) => d.name), keyCreated: true },
    });
  });

  it('keeps a valid key the keychain already holds, and the secrets it can read', async () => {
    const vault = await vaultWithSecrets();
    const db = rawDb();
    // one secret from an older key that is gone, the others readable
    const orphan = generateDataKey('2025-01-01T00:00:00.000Z');
    const { sealSecret } = await import('../../../src-main/vault/envelope');
    db.prepare("UPDATE vault_secret SET key_id = ?, envelope = ? WHERE name = 'smtp.password'").run(
      orphan.id,
      sealSecret(orphan, { name: 'smtp.password', purpose: 'smtp.password' }, 'posta'),
    );
    const keyBefore = keyStore.material;
    expect((await vault.status()).unreadable).toEqual([{ name: 'smtp.password', purpose: 'smtp.password', reason: 'keyLost' }]);
    const result = await vault.resetAfterKeyLoss();
    expect(result).toMatchObject({ keyCreated: false, dropped: [{ name: 'smtp.password', reason: 'keyLost' }] });
    expect(keyStore.material).toBe(keyBefore);
    expect(await vault.get('nodo.apiKey.primary')).toBe(API_KEY);
    expect(vault.has('smtp.password')).toBe(false);
  });

  it('does nothing on a healthy vault', async () => {
    const vault = await vaultWithSecrets();
    const result = await vault.resetAfterKeyLoss();
    expect(result).toMatchObject({ dropped: [], keyCreated: false, backupFile: null });
    expect(vault.list()).toHaveLength(3);
    expect(fs.existsSync(path.join(dataDir, 'backups', 'vault'))).toBe(false);
  });

  it('on an empty vault, replaces unreadable key material on the first write', async () => {
    keyStore.material = 'garbage';
    const vault = open();
    expect((await vault.status()).state).toBe('ok');
    await vault.put('smtp.password', 'smtp.password', 'posta');
    expect(() => parseKeySet(keyStore.material!)).not.toThrow();
    expect(await vault.get('smtp.password')).toBe('posta');
  });
});

describe('vault: bound to one kind of key store', () => {
  it('refuses to read through another kind of key store, instead of calling the key lost', async () => {
    const app = open();
    await app.put('smtp.password', 'smtp.password', 'posta');
    expect(rawDb().prepare("SELECT value FROM vault_meta WHERE key = 'key_store'").pluck().get()).toBe('memory');
    app.close();

    // e.g. the CLI (keytar) filled the data dir, then the desktop app (safeStorage) opens it
    const otherStore = new InMemoryKeyStore({ backend: 'safeStorage:gnome_libsecret' });
    const other = open(otherStore);
    const status = await other.status();
    expect(status).toMatchObject({ state: 'keychainUnavailable', error: { code: 'VAULT_KEYSTORE_MISMATCH' } });
    expect(status.error?.message).toMatch(/«memory».*«safeStorage»/);
    expect(status.guidance).toMatch(/stesso modo/);
    expect(await codeOf(other.get('smtp.password'))).toBe('VAULT_KEYSTORE_MISMATCH');
    expect(await codeOf(other.put('altro', 'smtp.password', 'x'))).toBe('VAULT_KEYSTORE_MISMATCH');
    expect(await codeOf(other.resetAfterKeyLoss())).toBe('VAULT_KEYSTORE_MISMATCH');
    expect(otherStore.calls).toEqual({ get: 0, set: 0, delete: 0 });
    expect(other.list()).toHaveLength(1);
    // the original store still works
    expect(await open().get('smtp.password')).toBe('posta');
  });

  it('moves to another kind of key store only through an explicit reset', async () => {
    await open().put('smtp.password', 'smtp.password', 'posta');
    const otherStore = new InMemoryKeyStore({ backend: 'keytar' });
    const other = open(otherStore);
    const result = await other.resetAfterKeyLoss({ acceptKeyStoreChange: true });
    expect(result).toMatchObject({ keyCreated: true, dropped: [{ name: 'smtp.password', reason: 'keyLost' }] });
    expect(rawDb().prepare("SELECT value FROM vault_meta WHERE key = 'key_store'").pluck().get()).toBe('keytar');
    await other.put('smtp.password', 'smtp.password', 'nuova');
    expect(await other.get('smtp.password')).toBe('nuova');
    expect((await open().status()).error?.code).toBe('VAULT_KEYSTORE_MISMATCH');
  });
});

describe('vault: key rotation', () => {
  it('re-encrypts every secret under a new key and forgets the old one', async () => {
    const vault = open();
    const secrets = { 'nodo.apiKey.primary': API_KEY, 'smtp.password': 'posta', 'station.01.password': STATION_PASSWORD };
    for (const [name, value] of Object.entries(secrets)) await vault.put(name, name.split('.').slice(-1)[0] === 'primary' ? 'nodo.apiKey' : 'station.password', value);
    const before = rawDb().prepare('SELECT name, envelope, updated_at FROM vault_secret ORDER BY name').all() as Array<Record<string, string>>;
    const oldId = parseKeySet(keyStore.material!).currentId;

    clock.advance(1000);
    const result = await vault.rotateDataKey();
    expect(result.previousKeyId).toBe(oldId);
    expect(result.keyId).not.toBe(oldId);
    expect(result.reencrypted).toBe(3);

    const stored = parseKeySet(keyStore.material!);
    expect(stored.keys.map((k) => k.id)).toEqual([result.keyId]);
    const after = rawDb().prepare('SELECT name, envelope, key_id, updated_at FROM vault_secret ORDER BY name').all() as Array<Record<string, string>>;
    for (const [i, row] of after.entries()) {
      expect(row.key_id).toBe(result.keyId);
      expect(row.envelope).not.toBe(before[i]!.envelope);
      // the secret did not change, so neither does its updated_at
      expect(row.updated_at).toBe(before[i]!.updated_at);
    }
    for (const [name, value] of Object.entries(secrets)) expect(await vault.get(name)).toBe(value);
    const reopened = open();
    for (const [name, value] of Object.entries(secrets)) expect(await reopened.get(name)).toBe(value);
    expect(logs.find((l) => l.event === 'vault.keyRotated')?.data).toMatchObject({ from: oldId, to: result.keyId, reencrypted: 3 });
  });

  it('changes nothing when the key store refuses the new key', async () => {
    const vault = open();
    await vault.put('smtp.password', 'smtp.password', 'posta');
    const material = keyStore.material;
    const rows = JSON.stringify(rawDb().prepare('SELECT * FROM vault_secret').all());
    keyStore.writeFailure = 'VAULT_KEYCHAIN_LOCKED';
    expect(await codeOf(vault.rotateDataKey())).toBe('VAULT_KEYCHAIN_LOCKED');
    expect(keyStore.material).toBe(material);
    expect(JSON.stringify(rawDb().prepare('SELECT * FROM vault_secret').all())).toBe(rows);
    keyStore.writeFailure = null;
    expect(await vault.get('smtp.password')).toBe('posta');
  });

  it('leaves every secret readable when it stops halfway, and the next rotation completes', async () => {
    const vault = open();
    await vault.put('smtp.password', 'smtp.password', 'posta');
    await vault.put('nodo.apiKey.primary', 'nodo.apiKey', API_KEY);
    const oldId = parseKeySet(keyStore.material!).currentId;
    // the new key reaches the keychain, then re-encrypting the rows fails
    const db = rawDb();
    db.exec("CREATE TRIGGER stop_rotation BEFORE UPDATE OF envelope ON vault_secret WHEN NEW.purpose = 'nodo.apiKey' BEGIN SELECT RAISE(ABORT, 'disco pieno'); END");
    await expect(vault.rotateDataKey()).rejects.toThrow(/disco pieno/);
    const stored = parseKeySet(keyStore.material!);
    expect(stored.keys.map((k) => k.id)).toContain(oldId);
    expect(stored.currentId).not.toBe(oldId);
    // the rows were rolled back together: all still under the old key, all readable
    expect(db.prepare('SELECT DISTINCT key_id FROM vault_secret').pluck().all()).toEqual([oldId]);
    const reopened = open();
    expect(await reopened.get('smtp.password')).toBe('posta');
    expect(await reopened.get('nodo.apiKey.primary')).toBe(API_KEY);
    expect((await reopened.status()).state).toBe('ok');

    db.exec('DROP TRIGGER stop_rotation');
    const result = await reopened.rotateDataKey();
    expect(parseKeySet(keyStore.material!).keys.map((k) => k.id)).toEqual([result.keyId]);
    expect(await reopened.get('nodo.apiKey.primary')).toBe(API_KEY);
  });

  it('keeps the old key when forgetting it fails, and forgets it at the next rotation', async () => {
    const vault = open();
    await vault.put('smtp.password', 'smtp.password', 'posta');
    const realSet = keyStore.setDataKey.bind(keyStore);
    let sets = 0;
    keyStore.setDataKey = async (m) => {
      sets++;
      if (sets === 2) throw new Error('keychain gone');
      return realSet(m);
    };
    const result = await vault.rotateDataKey();
    expect(parseKeySet(keyStore.material!).keys).toHaveLength(2);
    expect(logs.map((l) => l.event)).toContain('vault.pruneRetiredKeysFailed');
    expect(await open().get('smtp.password')).toBe('posta');
    const next = await vault.rotateDataKey();
    expect(next.previousKeyId).toBe(result.keyId);
    expect(parseKeySet(keyStore.material!).keys.map((k) => k.id)).toEqual([next.keyId]);
  });

  it('refuses to rotate while a secret is damaged', async () => {
    const vault = open();
    await vault.put('smtp.password', 'smtp.password', 'posta');
    rawDb().prepare("UPDATE vault_secret SET purpose = 'altro'").run();
    const material = keyStore.material;
    expect(await codeOf(vault.rotateDataKey())).toBe('VAULT_SECRET_CORRUPT');
    expect(keyStore.material).toBe(material);
  });

  it('follows a rotation made by another process on the same data dir', async () => {
    const app = open();
    await app.put('smtp.password', 'smtp.password', 'posta');
    expect(await app.get('smtp.password')).toBe('posta');
    const cli = open();
    const rotated = await cli.rotateDataKey();
    // the app's cached key is retired: it reloads rather than reporting the key lost
    expect(await app.get('smtp.password')).toBe('posta');
    const info = await app.put('nodo.apiKey.primary', 'nodo.apiKey', API_KEY);
    expect(info.keyId).toBe(rotated.keyId);
  });
});

describe('vault: lifecycle', () => {
  it('refuses work after close', async () => {
    const vault = open();
    await vault.put('smtp.password', 'smtp.password', 'posta');
    vault.close();
    await expect(vault.get('smtp.password')).rejects.toThrow();
    expect(() => vault.close()).not.toThrow();
  });

  it('describes its backend for the UI', () => {
    expect(open().describeBackend()).toMatchObject({ backend: 'memory', secure: true });
  });
});
