import fs from 'node:fs';
import path from 'node:path';
import { AppError, type AppErrorPayload } from '../../src-shared/errors';
import { openDatabase, type Db } from '../db/openDatabase';
import { nowIso, type Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { corruptSecretError, decryptWith, openSecret, parseEnvelope, sealSecret } from './envelope';
import { currentKey, findKey, generateDataKey, parseKeySet, serializeKeySet, wipeKeySet, type DataKey, type KeySet } from './keyMaterial';
import { isKeychainError, keychainError, type KeychainErrorCode, type KeyStore, type KeyStoreDescription } from './keyStore';
import { vaultMigrations } from './migrations';
import { toInfo, VaultRepository, type SecretInfo, type SecretRow } from './vaultRepository';

export const VAULT_DATABASE_FILE_NAME = 'vault.db';

export type VaultState = 'ok' | 'keychainUnavailable' | 'keyLost' | 'insecureBackend';

export interface UnreadableSecret {
  name: string;
  purpose: string;
  /** keyLost: sealed with a key the keychain no longer has; corrupt: the stored envelope is damaged */
  reason: 'keyLost' | 'corrupt';
}

export interface VaultStatus {
  state: VaultState;
  backend: KeyStoreDescription;
  secretCount: number;
  /** null until the first secret is stored, or when the keychain cannot be read */
  currentKeyId: string | null;
  keyCreatedAt: string | null;
  /** secrets that must be entered again or regenerated (known only when the keychain answered) */
  unreadable: UnreadableSecret[];
  /** the typed error behind a state other than ok */
  error: AppErrorPayload | null;
  /** Italian: what the person in front of the screen should do next */
  guidance: string | null;
}

export interface ResetResult {
  /** the secrets removed: the caller audits this and asks for them again */
  dropped: UnreadableSecret[];
  /** the key now in use; new when the keychain held none */
  keyId: string;
  keyCreated: boolean;
  /** a copy of vault.db taken before anything was removed, or null when nothing was */
  backupFile: string | null;
}

export interface RotationResult {
  previousKeyId: string | null;
  keyId: string;
  reencrypted: number;
}

export interface VaultDeps {
  dataDir: string;
  keyStore: KeyStore;
  clock: Clock;
  logger: Logger;
}

type KeyReading = { kind: 'present'; keys: KeySet } | { kind: 'absent' } | { kind: 'unreadable'; detail: string };

/** vault_meta entry: the kind of key store (`keytar`, `safeStorage`...) holding this vault's key. */
const KEY_STORE_META = 'key_store';

const PURPOSE = /^[a-z][A-Za-z0-9._-]{0,63}$/;
// names come from code (e.g. `station.77777777777_01.password`): printable, no surrounding blanks
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
const MAX_SECRET_BYTES = 64 * 1024;

/**
 * The credential vault: API keys, station passwords, the SMTP password. Each secret is sealed with
 * AES-256-GCM under a random data key that lives only in the OS keychain (the KeyStore), and stored
 * as an envelope in vault.db, a SQLite file of its own. Nothing falls back to plaintext: when the
 * keychain cannot give the key every read and write fails with a typed VAULT_* error.
 *
 * Operations that touch the key run one at a time (a promise queue); creating, rotating or resetting
 * the key also holds vault.db's write lock, so a second process (CLI job) cannot race it.
 */
export class Vault {
  private readonly secrets: VaultRepository;
  private readonly storeKind: string;
  private keys: KeySet | null = null;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly keyStore: KeyStore,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly backupDir: string,
  ) {
    this.secrets = new VaultRepository(db);
    this.storeKind = keyStore.describe().backend.split(':')[0]!;
  }

  /** Stores (or replaces) a secret. The first secret creates the data key. */
  async put(name: string, purpose: string, secret: string): Promise<SecretInfo> {
    // async, so bad arguments reject like every other failure
    assertName(name);
    assertPurpose(purpose);
    assertSecret(secret);
    return this.serial(async () => {
      const keys = await this.keysForWrite();
      const key = currentKey(keys);
      const envelope = sealSecret(key, { name, purpose }, secret);
      this.secrets.upsert(name, purpose, key.id, envelope, nowIso(this.clock));
      return toInfo(this.secrets.find(name)!);
    });
  }

  /** The secret in clear, or null when there is none with this name. */
  get(name: string): Promise<string | null> {
    return this.serial(async () => {
      const row = this.secrets.find(name);
      if (!row) return null;
      const parsed = parseEnvelope(row.envelope);
      // a malformed envelope needs no key to be judged damaged
      if (!parsed || parsed.keyId !== row.keyId) {
        this.logger.warn('vault.secretCorrupt', { name });
        throw corruptSecretError(row, 'formato non riconosciuto');
      }
      let keys = this.keys;
      // another process may have rotated the key since we cached it: look again before giving up
      if (!keys || !findKey(keys, parsed.keyId)) keys = await this.keysForRead();
      try {
        return openSecret(keys, row, row.envelope);
      } catch (error) {
        if (error instanceof AppError && error.code === 'VAULT_SECRET_CORRUPT') this.logger.warn('vault.secretCorrupt', { name });
        if (error instanceof AppError && error.code === 'VAULT_KEY_LOST') this.logger.warn('vault.keyLost', { name, keyId: parsed.keyId });
        throw error;
      }
    });
  }

  has(name: string): boolean {
    return this.secrets.exists(name);
  }

  /** Names and metadata only, never values. */
  list(): SecretInfo[] {
    return this.secrets.all().map(toInfo);
  }

  /** True when there was a secret to delete. Needs no key: an unreadable secret can be removed too. */
  delete(name: string): Promise<boolean> {
    // queued, so it never lands inside a rotation's open transaction and gets rolled back with it
    return this.serial(async () => this.secrets.delete(name));
  }

  describeBackend(): KeyStoreDescription {
    return this.keyStore.describe();
  }

  /**
   * Asks the keychain again and checks every secret. Never throws for keychain problems: it reports
   * them, with guidance, so the UI can offer "Riprova" or the recovery.
   */
  status(): Promise<VaultStatus> {
    return this.serial(async () => {
      const backend = this.keyStore.describe();
      const secretCount = this.secrets.count();
      let reading: KeyReading;
      try {
        reading = await this.readKeySet();
      } catch (error) {
        if (!isKeychainError(error)) throw error;
        const state: VaultState = error.code === 'VAULT_INSECURE_BACKEND' ? 'insecureBackend' : 'keychainUnavailable';
        return {
          state,
          backend,
          secretCount,
          currentKeyId: null,
          keyCreatedAt: null,
          unreadable: [],
          error: error.toPayload(),
          guidance: guidanceFor(error.code, secretCount),
        };
      }
      const keys = reading.kind === 'present' ? this.cache(reading.keys) : null;
      const unreadable = this.classify(keys);
      const lost = unreadable.filter((u) => u.reason === 'keyLost').length;
      const corrupt = unreadable.length - lost;
      const key = keys ? currentKey(keys) : null;
      if (lost > 0) this.logger.warn('vault.keyLost', { unreadable: lost, keyStore: reading.kind });
      return {
        state: lost > 0 ? 'keyLost' : 'ok',
        backend,
        secretCount,
        currentKeyId: key?.id ?? null,
        keyCreatedAt: key?.createdAt ?? null,
        unreadable,
        error: lost > 0 ? new AppError('VAULT_KEY_LOST').toPayload() : corrupt > 0 ? new AppError('VAULT_SECRET_CORRUPT').toPayload() : null,
        guidance: lost > 0 ? guidanceFor('VAULT_KEY_LOST', lost) : corrupt > 0 ? guidanceFor('VAULT_SECRET_CORRUPT', corrupt) : null,
      };
    });
  }

  /**
   * Seals every secret again under a new data key. The new key is saved next to the old one before
   * any row changes, and the rows change in one transaction, so a crash at any point leaves every
   * secret readable. Refused (nothing changed) while any secret is unreadable.
   */
  rotateDataKey(): Promise<RotationResult> {
    return this.serial(async () => {
      const result = await this.withWriteLock(async () => {
        const reading = await this.readKeySet();
        if (reading.kind !== 'present') {
          if (this.secrets.count() > 0) throw new AppError('VAULT_KEY_LOST');
          const created = await this.createKey();
          return { previousKeyId: null, keyId: created.currentId, reencrypted: 0, keys: created };
        }
        const old = reading.keys;
        // decrypt everything first: one unreadable secret stops the rotation before anything is written
        const plain = this.secrets.all().map((row) => ({ row, secret: openSecret(old, row, row.envelope) }));
        const next = generateDataKey(nowIso(this.clock));
        const transitional: KeySet = { currentId: next.id, keys: [next, ...old.keys] };
        await this.writeKeySet(transitional);
        // from here to the commit nothing awaits
        for (const { row, secret } of plain) this.secrets.replaceEnvelope(row.name, next.id, sealSecret(next, row, secret));
        return { previousKeyId: old.currentId, keyId: next.id, reencrypted: plain.length, keys: transitional };
      });
      this.cache(result.keys);
      if (result.previousKeyId !== null) {
        await this.pruneRetiredKeys(result.keys);
        this.logger.info('vault.keyRotated', { from: result.previousKeyId, to: result.keyId, reencrypted: result.reencrypted });
      }
      return { previousKeyId: result.previousKeyId, keyId: result.keyId, reencrypted: result.reencrypted };
    });
  }

  /**
   * The guided recovery after the data key was lost: removes the secrets that can no longer be read
   * (after copying vault.db to the backups folder, in case the old key turns up again), creates a
   * new data key when the keychain has none, and says which secrets must be entered again. The caller
   * asks for explicit confirmation and audits the result. Refused while the keychain cannot be read:
   * a locked keychain is not a lost key. Refused too when vault.db belongs to another kind of key
   * store, unless `acceptKeyStoreChange` says that store is gone for good.
   */
  resetAfterKeyLoss(options: { acceptKeyStoreChange?: boolean } = {}): Promise<ResetResult> {
    const anyStore = options.acceptKeyStoreChange === true;
    return this.serial(async () => {
      const before = await this.readKeySet({ anyStore });
      const beforeKeys = before.kind === 'present' ? before.keys : null;
      if (beforeKeys && this.classify(beforeKeys).length === 0) {
        this.cache(beforeKeys);
        this.recordStoreKind();
        return { dropped: [], keyId: beforeKeys.currentId, keyCreated: false, backupFile: null };
      }
      wipeKeySet(beforeKeys);
      const backupFile = this.secrets.count() > 0 ? this.backup('vault-before-reset') : null;
      const result = await this.withWriteLock(async () => {
        const reading = await this.readKeySet({ anyStore });
        let keys = reading.kind === 'present' ? reading.keys : null;
        const keyCreated = keys === null;
        if (!keys) keys = await this.createKey();
        // from here to the commit nothing awaits
        this.recordStoreKind();
        const dropped = this.classify(keys);
        for (const secret of dropped) this.secrets.delete(secret.name);
        return { dropped, keyId: keys.currentId, keyCreated, keys };
      });
      this.cache(result.keys);
      this.logger.warn('vault.resetAfterKeyLoss', {
        dropped: result.dropped.map((d) => d.name),
        keyId: result.keyId,
        keyCreated: result.keyCreated,
        backupFile,
      });
      return { dropped: result.dropped, keyId: result.keyId, keyCreated: result.keyCreated, backupFile };
    });
  }

  close(): void {
    wipeKeySet(this.keys);
    this.keys = null;
    if (this.db.open) this.db.close();
  }

  // --- keys ---

  /** The keychain's answer, with failures to read the stored material told apart from absence. */
  private async readKeySet(options: { anyStore?: boolean } = {}): Promise<KeyReading> {
    const recorded = this.secrets.getMeta(KEY_STORE_META);
    // the key is in another kind of store: this one's "nothing here" must not read as a lost key
    if (recorded !== null && recorded !== this.storeKind && !options.anyStore) {
      throw this.keychainFailure(
        keychainError('VAULT_KEYSTORE_MISMATCH', `l’archivio usa «${recorded}», questa sessione «${this.storeKind}»`),
      );
    }
    let material: string | null;
    try {
      material = await this.keyStore.getDataKey();
    } catch (error) {
      if (isKeychainError(error) && error.code === 'VAULT_KEY_LOST') return { kind: 'unreadable', detail: error.message };
      throw this.keychainFailure(error);
    }
    if (material === null) return { kind: 'absent' };
    try {
      return { kind: 'present', keys: parseKeySet(material) };
    } catch (error) {
      this.logger.warn('vault.keyMaterialUnreadable', { reason: (error as Error).message });
      return { kind: 'unreadable', detail: (error as Error).message };
    }
  }

  private async writeKeySet(keys: KeySet): Promise<void> {
    try {
      await this.keyStore.setDataKey(serializeKeySet(keys));
    } catch (error) {
      throw this.keychainFailure(error);
    }
  }

  private keychainFailure(error: unknown): AppError {
    const typed = isKeychainError(error) ? error : keychainError('VAULT_KEYCHAIN_UNAVAILABLE', (error as Error)?.message ?? String(error));
    this.logger.warn('vault.keychainError', { code: typed.code, message: typed.message, backend: this.keyStore.describe().backend });
    return typed;
  }

  private async keysForRead(): Promise<KeySet> {
    const reading = await this.readKeySet();
    if (reading.kind !== 'present') throw new AppError('VAULT_KEY_LOST');
    return this.cache(reading.keys);
  }

  /** Always asks the keychain: writing with a key another process has retired would strand the secret. */
  private async keysForWrite(): Promise<KeySet> {
    const reading = await this.readKeySet();
    if (reading.kind === 'present') {
      this.recordStoreKind();
      return this.cache(reading.keys);
    }
    // a new key only for an empty vault: otherwise existing secrets would silently become unreadable
    if (this.secrets.count() > 0) throw new AppError('VAULT_KEY_LOST');
    const keys = await this.withWriteLock(async () => {
      const again = await this.readKeySet();
      if (again.kind === 'present') return again.keys;
      if (this.secrets.count() > 0) throw new AppError('VAULT_KEY_LOST');
      return this.createKey();
    });
    return this.cache(keys);
  }

  private async createKey(): Promise<KeySet> {
    const key = generateDataKey(nowIso(this.clock));
    const keys: KeySet = { currentId: key.id, keys: [key] };
    try {
      await this.writeKeySet(keys);
    } catch (error) {
      wipeKeySet(keys);
      throw error;
    }
    this.recordStoreKind();
    this.logger.info('vault.keyCreated', { keyId: key.id, backend: this.keyStore.describe().backend });
    return keys;
  }

  private recordStoreKind(): void {
    if (this.secrets.getMeta(KEY_STORE_META) !== this.storeKind) this.secrets.setMeta(KEY_STORE_META, this.storeKind);
  }

  /** After a rotation: forget old keys no row uses any more (a failure only delays it). */
  private async pruneRetiredKeys(keys: KeySet): Promise<void> {
    const inUse = new Set(this.secrets.all().map((r) => r.keyId));
    const kept = keys.keys.filter((k) => k.id === keys.currentId || inUse.has(k.id));
    if (kept.length === keys.keys.length) return;
    const pruned: KeySet = { currentId: keys.currentId, keys: kept.map(copyKey) };
    try {
      await this.writeKeySet(pruned);
      this.cache(pruned);
    } catch (error) {
      wipeKeySet(pruned);
      this.logger.warn('vault.pruneRetiredKeysFailed', { message: (error as Error).message });
    }
  }

  private cache(keys: KeySet): KeySet {
    if (this.keys !== keys) {
      // the old buffers are wiped only if the new set does not share them
      const shared = new Set(keys.keys.map((k) => k.key));
      for (const k of this.keys?.keys ?? []) if (!shared.has(k.key)) k.key.fill(0);
    }
    this.keys = keys;
    return keys;
  }

  /** Every secret that cannot be read with these keys, and why. */
  private classify(keys: KeySet | null): UnreadableSecret[] {
    const out: UnreadableSecret[] = [];
    for (const row of this.secrets.all()) {
      const reason = unreadableReason(keys, row);
      if (reason) out.push({ name: row.name, purpose: row.purpose, reason });
    }
    return out;
  }

  // --- plumbing ---

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work, work);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /**
   * Holds vault.db's write lock across keychain calls, so two processes cannot each create or rotate
   * a key. Callers do all their awaiting first and their row writes last, in the same tick as COMMIT.
   */
  private async withWriteLock<T>(work: () => Promise<T>): Promise<T> {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = await work();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  private backup(prefix: string): string {
    fs.mkdirSync(this.backupDir, { recursive: true });
    const stamp = this.clock.now().toISOString().replace(/[:.]/g, '-');
    let file = path.join(this.backupDir, `${prefix}-${stamp}.db`);
    for (let n = 2; fs.existsSync(file); n++) file = path.join(this.backupDir, `${prefix}-${stamp}-${n}.db`);
    this.db.prepare('VACUUM INTO ?').run(file);
    return file;
  }
}

function copyKey(key: DataKey): DataKey {
  return { id: key.id, key: Buffer.from(key.key), createdAt: key.createdAt };
}

function unreadableReason(keys: KeySet | null, row: SecretRow): UnreadableSecret['reason'] | null {
  const parsed = parseEnvelope(row.envelope);
  if (!parsed || parsed.keyId !== row.keyId) return 'corrupt';
  const key = keys ? findKey(keys, parsed.keyId) : null;
  if (!key) return 'keyLost';
  try {
    decryptWith(key, row, parsed);
    return null;
  } catch {
    return 'corrupt';
  }
}

function guidanceFor(code: KeychainErrorCode | 'VAULT_SECRET_CORRUPT', count: number): string {
  switch (code) {
    case 'VAULT_KEYCHAIN_LOCKED':
      return 'Sblocca il portachiavi del sistema operativo e premi «Riprova»: le credenziali salvate non sono state toccate.';
    case 'VAULT_KEYCHAIN_UNAVAILABLE':
      return count > 0
        ? 'Le credenziali salvate sono intatte ma non si possono usare finché il portachiavi non torna disponibile. Avvia il servizio portachiavi (su Linux GNOME Keyring o KWallet) e premi «Riprova».'
        : 'Avvia il servizio portachiavi del sistema operativo (su Linux GNOME Keyring o KWallet) e premi «Riprova»: senza portachiavi non si possono salvare credenziali.';
    case 'VAULT_KEYSTORE_MISMATCH':
      return 'Apri Sportello nello stesso modo in cui le credenziali sono state salvate (applicazione desktop o riga di comando). Se quel portachiavi non c’è più, un Referente dei Pagamenti può ripristinare l’archivio: le credenziali andranno inserite di nuovo.';
    case 'VAULT_INSECURE_BACKEND':
      return 'Configura un portachiavi sicuro (GNOME Keyring o KWallet) e riavvia Sportello. In alternativa l’amministratore può accettare espressamente la protezione debole nelle impostazioni.';
    case 'VAULT_KEY_LOST':
      return `Se il portachiavi è stato spostato, sostituito o è bloccato, ripristinalo e premi «Riprova». Altrimenti un Referente dei Pagamenti può ripristinare l’archivio: ${count === 1 ? 'la credenziale illeggibile verrà eliminata e andrà inserita' : `le ${count} credenziali illeggibili verranno eliminate e andranno inserite`} di nuovo o rigenerate.`;
    case 'VAULT_SECRET_CORRUPT':
      return count === 1
        ? 'Una credenziale è danneggiata: inseriscila di nuovo.'
        : `${count} credenziali sono danneggiate: inseriscile di nuovo.`;
  }
}

function assertName(name: string): void {
  if (typeof name !== 'string' || name.length === 0 || name.length > 200 || name.trim() !== name || CONTROL.test(name)) {
    throw new RangeError(`Nome di credenziale non valido: ${JSON.stringify(String(name).slice(0, 60))}`);
  }
}

function assertPurpose(purpose: string): void {
  if (typeof purpose !== 'string' || !PURPOSE.test(purpose)) {
    throw new RangeError(`Scopo di credenziale non valido: ${JSON.stringify(String(purpose).slice(0, 60))}`);
  }
}

function assertSecret(secret: string): void {
  // the message never repeats the value
  if (typeof secret !== 'string' || secret.length === 0) throw new RangeError('La credenziale è vuota.');
  const bytes = Buffer.byteLength(secret, 'utf8');
  if (bytes > MAX_SECRET_BYTES) throw new RangeError(`La credenziale è troppo lunga (${bytes} byte, al massimo ${MAX_SECRET_BYTES}).`);
  // a lone surrogate would come back as U+FFFD: refuse rather than return something else later
  if (Buffer.from(secret, 'utf8').toString('utf8') !== secret) throw new RangeError('La credenziale contiene caratteri non validi.');
}

/**
 * Opens (creating if needed) vault.db in the data dir and returns the vault. The data key is read
 * from the key store lazily, on the first operation that needs it.
 */
export function createVault(deps: VaultDeps): Vault {
  fs.mkdirSync(deps.dataDir, { recursive: true });
  const file = path.join(deps.dataDir, VAULT_DATABASE_FILE_NAME);
  // only ciphertext inside, but no other user has any business reading it; SQLite gives the
  // -wal and -shm files the database file's permissions
  if (!fs.existsSync(file)) fs.closeSync(fs.openSync(file, 'a', 0o600));
  const backupDir = path.join(deps.dataDir, 'backups', 'vault');
  const db = openDatabase({ file, backupDir, clock: deps.clock, migrations: vaultMigrations });
  // deleted and replaced envelopes are zeroed on disk, not left in free pages
  db.pragma('secure_delete = ON');
  return new Vault(db, deps.keyStore, deps.clock, deps.logger, backupDir);
}
