import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AppError } from '../../src-shared/errors';
import { isKeychainError, keychainError, type KeyStore, type KeyStoreDescription } from './keyStore';

/** The part of keytar we use (keytar's own typings are structurally compatible). */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export interface KeytarKeyStoreOptions {
  dataDir: string;
  /** the keychain entry's service name */
  service?: string;
  /** a keychain that does not answer (hung D-Bus) becomes VAULT_KEYCHAIN_UNAVAILABLE after this long */
  timeoutMs?: number;
  /** tests substitute keytar; by default it is imported on first use */
  loadKeytar?: () => Promise<KeytarApi>;
  platform?: NodeJS.Platform;
}

export const KEYTAR_SERVICE = 'Sportello';
// long enough for a person to answer an unlock prompt
const DEFAULT_TIMEOUT_MS = 120_000;

/**
 * One keychain entry per data dir, so two installations (or a test dir) never share a data key.
 * The path is resolved through symlinks; moving the data dir therefore needs the key moved with it.
 */
export function keytarAccountFor(dataDir: string): string {
  const resolved = path.resolve(dataDir);
  let real = resolved;
  try {
    real = fs.realpathSync.native(resolved);
  } catch {
    // not created yet: the resolved path is what it will be
  }
  return `vault-data-key:${createHash('sha256').update(real, 'utf8').digest('hex').slice(0, 32)}`;
}

async function importKeytar(): Promise<KeytarApi> {
  // imported at call time: a missing native module or libsecret must not break loading the core
  const loaded = (await import('keytar')) as KeytarApi & { default?: KeytarApi };
  return loaded.default ?? loaded;
}

/**
 * The data key in the OS keychain through keytar: Secret Service (GNOME Keyring, KWallet) on Linux,
 * Keychain on macOS, Credential Manager on Windows. For the CLI and plain Node; the Electron host
 * uses SafeStorageKeyStore.
 */
export class KeytarKeyStore implements KeyStore {
  readonly service: string;
  readonly account: string;
  private readonly timeoutMs: number;
  private readonly load: () => Promise<KeytarApi>;
  private readonly platform: NodeJS.Platform;

  constructor(options: KeytarKeyStoreOptions) {
    this.service = options.service ?? KEYTAR_SERVICE;
    this.account = keytarAccountFor(options.dataDir);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.load = options.loadKeytar ?? importKeytar;
    this.platform = options.platform ?? process.platform;
  }

  async getDataKey(): Promise<string | null> {
    const value = await this.call('lettura', (k) => k.getPassword(this.service, this.account));
    if (value !== null) return value;
    // libsecret answers "nothing" also when the keyring is locked and the unlock prompt was
    // dismissed or could not be shown; a probe write tells the two apart, so a locked keyring is
    // never mistaken for a lost key
    await this.call('verifica', async (k) => {
      const probe = `${this.account}:probe`;
      await k.setPassword(this.service, probe, 'probe');
      await k.deletePassword(this.service, probe);
    });
    return null;
  }

  async setDataKey(material: string): Promise<void> {
    await this.call('scrittura', (k) => k.setPassword(this.service, this.account, material));
  }

  async deleteDataKey(): Promise<void> {
    await this.call('cancellazione', (k) => k.deletePassword(this.service, this.account));
  }

  describe(): KeyStoreDescription {
    const label =
      this.platform === 'darwin'
        ? 'Portachiavi di macOS'
        : this.platform === 'win32'
          ? 'Gestione credenziali di Windows'
          : 'Portachiavi del sistema (Secret Service: GNOME Keyring o KWallet)';
    return { backend: 'keytar', label, secure: true, warning: null };
  }

  private async call<T>(what: string, work: (keytar: KeytarApi) => Promise<T>): Promise<T> {
    let keytar: KeytarApi;
    try {
      keytar = await this.load();
    } catch (error) {
      throw keychainError('VAULT_KEYCHAIN_UNAVAILABLE', `modulo keytar non caricabile: ${messageOf(error)}`);
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(keychainError('VAULT_KEYCHAIN_UNAVAILABLE', `il portachiavi non ha risposto in ${Math.round(this.timeoutMs / 1000)} s (${what})`)),
        this.timeoutMs,
      );
      timer.unref();
    });
    try {
      return await Promise.race([work(keytar), timeout]);
    } catch (error) {
      throw classifyKeytarError(error, what);
    } finally {
      clearTimeout(timer);
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// Secret Service: "Cannot create an item in a locked collection"; a dismissed prompt; macOS:
// "User canceled the operation", "User interaction is not allowed"
const LOCKED = /locked|dismissed|cancel+ed|user interaction is not allowed/i;

/** keytar rejects with bare Errors; each becomes a typed, user-facing one. */
export function classifyKeytarError(error: unknown, what: string): AppError {
  if (isKeychainError(error)) return error;
  const message = messageOf(error);
  if (LOCKED.test(message)) return keychainError('VAULT_KEYCHAIN_LOCKED', `${what}: ${message}`);
  return keychainError('VAULT_KEYCHAIN_UNAVAILABLE', `${what}: ${message}`);
}
