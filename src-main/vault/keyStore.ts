import { AppError, errorMessages, type ErrorCode } from '../../src-shared/errors';

/** What the UI shows about where the data key lives. */
export interface KeyStoreDescription {
  /**
   * stable identifier, e.g. `keytar`, `safeStorage:gnome_libsecret`; the part before `:` names the
   * kind of store, which vault.db records so a data dir is never opened with the wrong one
   */
  backend: string;
  /** Italian, for people */
  label: string;
  /** false when the backend protects the key only nominally (e.g. Linux `basic_text`) */
  secure: boolean;
  /** Italian warning to show next to the label, or null */
  warning: string | null;
}

/**
 * Holds the vault's key material (an opaque ASCII string the vault serialises) in the operating
 * system's keychain. Every failure is an AppError with one of the VAULT_* codes:
 * VAULT_KEYCHAIN_UNAVAILABLE, VAULT_KEYCHAIN_LOCKED, VAULT_INSECURE_BACKEND, and VAULT_KEY_LOST when
 * something is stored but cannot be read back (e.g. encrypted under an OS key that is gone).
 */
export interface KeyStore {
  /** null when nothing is stored */
  getDataKey(): Promise<string | null>;
  setDataKey(material: string): Promise<void>;
  deleteDataKey(): Promise<void>;
  describe(): KeyStoreDescription;
}

export type KeychainErrorCode = Extract<
  ErrorCode,
  'VAULT_KEYCHAIN_UNAVAILABLE' | 'VAULT_KEYCHAIN_LOCKED' | 'VAULT_INSECURE_BACKEND' | 'VAULT_KEY_LOST' | 'VAULT_KEYSTORE_MISMATCH'
>;

/** The standard message plus a technical detail (never a secret) support staff can act on. */
export function keychainError(code: KeychainErrorCode, detail?: string): AppError {
  const text = detail ? `${errorMessages[code]} (Dettaglio: ${detail.slice(0, 300)})` : errorMessages[code];
  return new AppError(code, { message: text });
}

export function isKeychainError(error: unknown): error is AppError & { code: KeychainErrorCode } {
  return (
    error instanceof AppError &&
    (error.code === 'VAULT_KEYCHAIN_UNAVAILABLE' ||
      error.code === 'VAULT_KEYCHAIN_LOCKED' ||
      error.code === 'VAULT_INSECURE_BACKEND' ||
      error.code === 'VAULT_KEY_LOST' ||
      error.code === 'VAULT_KEYSTORE_MISMATCH')
  );
}
