/** The credential vault: what the composition root and the hosts need. */
export { createVault, Vault, VAULT_DATABASE_FILE_NAME } from './vault';
export type { ResetResult, RotationResult, UnreadableSecret, VaultDeps, VaultState, VaultStatus } from './vault';
export type { SecretInfo } from './vaultRepository';
export type { KeyStore, KeyStoreDescription } from './keyStore';
export { KeytarKeyStore, KEYTAR_SERVICE, keytarAccountFor } from './keytarKeyStore';
export type { KeytarApi, KeytarKeyStoreOptions } from './keytarKeyStore';
export { SafeStorageKeyStore, SAFE_STORAGE_KEY_FILE } from './safeStorageKeyStore';
export type { SafeStorageKeyStoreOptions, SafeStorageLike } from './safeStorageKeyStore';
