import type { KeyStore, KeyStoreDescription } from '../../src-main/vault/keyStore';
import { keychainError, type KeychainErrorCode } from '../../src-main/vault/keyStore';

/**
 * A KeyStore for tests only (never in src: a key in process memory is no keychain). It can be made
 * to fail like a real keychain, or to lose or swap its key, and counts its calls.
 */
export class InMemoryKeyStore implements KeyStore {
  material: string | null = null;
  /** every call throws this until cleared */
  failure: KeychainErrorCode | null = null;
  /** only writes fail (e.g. a keychain that reads but cannot save) */
  writeFailure: KeychainErrorCode | null = null;
  calls = { get: 0, set: 0, delete: 0 };
  /** resolves calls after this many ms, to let tests interleave operations */
  delayMs = 0;

  constructor(private readonly description: Partial<KeyStoreDescription> = {}) {}

  async getDataKey(): Promise<string | null> {
    this.calls.get++;
    await this.pause();
    this.maybeFail(this.failure);
    return this.material;
  }

  async setDataKey(material: string): Promise<void> {
    this.calls.set++;
    await this.pause();
    this.maybeFail(this.failure ?? this.writeFailure);
    this.material = material;
  }

  async deleteDataKey(): Promise<void> {
    this.calls.delete++;
    await this.pause();
    this.maybeFail(this.failure ?? this.writeFailure);
    this.material = null;
  }

  describe(): KeyStoreDescription {
    return { backend: 'memory', label: 'Memoria (solo test)', secure: true, warning: null, ...this.description };
  }

  private maybeFail(code: KeychainErrorCode | null): void {
    if (code) throw keychainError(code, 'guasto simulato');
  }

  private pause(): Promise<void> {
    return this.delayMs > 0 ? new Promise((resolve) => setTimeout(resolve, this.delayMs)) : Promise.resolve();
  }
}
