import fs from 'node:fs';
import path from 'node:path';
import { systemClock, type Clock } from '../platform/clock';
import { keychainError, type KeyStore, type KeyStoreDescription } from './keyStore';

/**
 * The shape of Electron's `safeStorage` that we use, typed here so the core never imports electron:
 * the Electron host passes `electron.safeStorage` itself.
 */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only in Electron */
  getSelectedStorageBackend?(): string;
}

export interface SafeStorageKeyStoreOptions {
  safeStorage: SafeStorageLike;
  dataDir: string;
  /**
   * Linux: the administrator explicitly accepted running without a real keychain (`basic_text`,
   * where Chromium encrypts with a fixed, public password). Off by default.
   */
  allowInsecureBackend?: boolean;
  platform?: NodeJS.Platform;
  clock?: Clock;
}

export const SAFE_STORAGE_KEY_FILE = 'vault-key.bin';

// basic_text: no keychain, a hard-coded password; unknown: asked before the app was ready
const INSECURE_BACKENDS = new Set(['basic_text', 'unknown']);

const LINUX_LABELS: Record<string, string> = {
  gnome_libsecret: 'Portachiavi GNOME (libsecret)',
  kwallet: 'KWallet',
  kwallet5: 'KWallet 5',
  kwallet6: 'KWallet 6',
  basic_text: 'Nessun portachiavi (protezione con password fissa)',
  unknown: 'Portachiavi non ancora determinato',
};

/**
 * The data key encrypted by Electron's safeStorage (Keychain on macOS, DPAPI on Windows, the Secret
 * Service or KWallet on Linux) and kept in a file of the data dir readable by its owner only.
 */
export class SafeStorageKeyStore implements KeyStore {
  readonly file: string;
  private readonly safeStorage: SafeStorageLike;
  private readonly allowInsecure: boolean;
  private readonly platform: NodeJS.Platform;
  private readonly clock: Clock;

  constructor(options: SafeStorageKeyStoreOptions) {
    this.safeStorage = options.safeStorage;
    this.file = path.join(options.dataDir, SAFE_STORAGE_KEY_FILE);
    this.allowInsecure = options.allowInsecureBackend ?? false;
    this.platform = options.platform ?? process.platform;
    this.clock = options.clock ?? systemClock;
  }

  async getDataKey(): Promise<string | null> {
    this.assertUsable();
    const encrypted = this.readFile();
    if (encrypted === null) return null;
    return this.decrypt(encrypted);
  }

  async setDataKey(material: string): Promise<void> {
    this.assertUsable();
    let encrypted: Buffer;
    try {
      encrypted = this.safeStorage.encryptString(material);
    } catch (error) {
      throw keychainError('VAULT_KEYCHAIN_UNAVAILABLE', `safeStorage.encryptString: ${(error as Error).message}`);
    }
    this.setAsideUnreadable();
    writeFileAtomically(this.file, encrypted);
  }

  async deleteDataKey(): Promise<void> {
    fs.rmSync(this.file, { force: true });
  }

  describe(): KeyStoreDescription {
    if (this.platform !== 'linux') {
      const label = this.platform === 'darwin' ? 'Portachiavi di macOS' : this.platform === 'win32' ? 'Protezione dati di Windows (DPAPI)' : 'Archivio sicuro del sistema';
      return { backend: 'safeStorage', label, secure: true, warning: null };
    }
    const backend = this.linuxBackend();
    const insecure = INSECURE_BACKENDS.has(backend);
    let warning: string | null = null;
    if (insecure && this.allowInsecure) {
      warning =
        'Attenzione: su questo computer non c’è un portachiavi sicuro e l’amministratore ha accettato una protezione debole. ' +
        'La chiave delle credenziali è cifrata con una password fissa e nota: chi copia la cartella dei dati può leggere le credenziali.';
    } else if (insecure) {
      warning =
        backend === 'unknown'
          ? 'Il portachiavi non è ancora stato determinato: l’archivio delle credenziali resta disattivato finché l’applicazione non è pronta.'
          : 'Su questo computer non c’è un portachiavi sicuro (GNOME Keyring o KWallet): l’archivio delle credenziali resta disattivato ' +
            'finché non se ne configura uno, o finché l’amministratore non accetta espressamente una protezione debole.';
    }
    return { backend: `safeStorage:${backend}`, label: LINUX_LABELS[backend] ?? backend, secure: !insecure, warning };
  }

  private linuxBackend(): string {
    return this.safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
  }

  private assertUsable(): void {
    if (this.platform === 'linux') {
      const backend = this.linuxBackend();
      if (INSECURE_BACKENDS.has(backend) && !this.allowInsecure) {
        throw keychainError('VAULT_INSECURE_BACKEND', `backend di safeStorage «${backend}»`);
      }
    }
    if (!this.safeStorage.isEncryptionAvailable()) {
      throw keychainError('VAULT_KEYCHAIN_UNAVAILABLE', 'safeStorage non è disponibile');
    }
  }

  private readFile(): Buffer | null {
    try {
      const data = fs.readFileSync(this.file);
      this.tightenPermissions();
      return data;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw keychainError('VAULT_KEYCHAIN_UNAVAILABLE', `${this.file}: ${(error as Error).message}`);
    }
  }

  private decrypt(encrypted: Buffer): string {
    try {
      if (encrypted.length === 0) throw new Error('file vuoto');
      return this.safeStorage.decryptString(encrypted);
    } catch (error) {
      // stored, but under an OS key that is gone (another user or computer, a reset keyring)
      throw keychainError('VAULT_KEY_LOST', `${this.file}: ${(error as Error).message}`);
    }
  }

  /** A key we cannot read today might be readable again if the OS keyring comes back: keep it. */
  private setAsideUnreadable(): void {
    const existing = this.readFile();
    if (existing === null) return;
    try {
      this.decrypt(existing);
      return;
    } catch {
      const stamp = this.clock.now().toISOString().replace(/[:.]/g, '-');
      fs.renameSync(this.file, `${this.file}.unreadable-${stamp}`);
    }
  }

  private tightenPermissions(): void {
    if (this.platform === 'win32') return;
    const mode = fs.statSync(this.file).mode & 0o777;
    if (mode !== 0o600) fs.chmodSync(this.file, 0o600);
  }
}

/** Write, flush, rename: the key file is either the old one or the new one, never half of each. */
function writeFileAtomically(file: string, data: Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.rmSync(temp, { force: true });
  const fd = fs.openSync(temp, 'wx', 0o600);
  try {
    fs.writeSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  if (process.platform !== 'win32') fs.chmodSync(temp, 0o600);
  fs.renameSync(temp, file);
  try {
    const dir = fs.openSync(path.dirname(file), 'r');
    fs.fsyncSync(dir);
    fs.closeSync(dir);
  } catch {
    // directories cannot be opened for fsync on Windows; the rename is still atomic there
  }
}
