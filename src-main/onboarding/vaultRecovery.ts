import { AppError } from '../../src-shared/errors';
import type { VaultStatusView } from '../../src-shared/ipc/schemas/onboarding';
import type { ApiKeySlot, ApiProduct } from '../../src-shared/onboarding/apiProducts';
import type { Actor } from '../services/actor';
import type { AuditService } from '../services/auditService';
import type { UnreadableSecret, Vault } from '../vault';
import { parseApiKeySecretName } from './apiKeyService';

function apiKeysAmong(secrets: readonly UnreadableSecret[]): Array<{ product: ApiProduct; slot: ApiKeySlot }> {
  return secrets.flatMap((s) => {
    const parsed = parseApiKeySecretName(s.name);
    return parsed ? [{ product: parsed.product, slot: parsed.slot }] : [];
  });
}

/**
 * What the UI shows about the vault, and the guided recovery after the data key is lost: the
 * unreadable secrets are removed (the vault backs vault.db up first), then the lost API keys are
 * regenerated from the API keys page. Never a plaintext fallback: the vault refuses that itself.
 */
export class VaultRecovery {
  constructor(
    private readonly vault: Vault,
    private readonly audit: AuditService,
  ) {}

  async status(): Promise<VaultStatusView> {
    const s = await this.vault.status();
    return {
      state: s.state,
      backendLabel: s.backend.label,
      backendWarning: s.backend.warning,
      secretCount: s.secretCount,
      unreadableCount: s.unreadable.length,
      unreadableApiKeys: apiKeysAmong(s.unreadable),
      errorCode: s.error?.code ?? null,
      message: s.error?.message ?? null,
      guidance: s.guidance,
      resettable: s.state === 'keyLost' || s.error?.code === 'VAULT_KEYSTORE_MISMATCH',
    };
  }

  async reset(actor: Actor): Promise<{ droppedCount: number; droppedApiKeys: Array<{ product: ApiProduct; slot: ApiKeySlot }> }> {
    const before = await this.vault.status();
    const mismatch = before.error?.code === 'VAULT_KEYSTORE_MISMATCH';
    if (before.state !== 'keyLost' && !mismatch) {
      // a locked or missing keychain is not a lost key: resetting would destroy secrets for nothing
      if (before.state !== 'ok' && before.error) throw new AppError(before.error.code, { message: before.error.message });
      throw new AppError('VAULT_RESET_NOT_NEEDED');
    }
    const result = await this.vault.resetAfterKeyLoss({ acceptKeyStoreChange: mismatch });
    const droppedApiKeys = apiKeysAmong(result.dropped);
    this.audit.record(actor, 'vault.reset', 'vault', null, {
      dropped: result.dropped.map((d) => d.name),
      keyCreated: result.keyCreated,
      backupTaken: result.backupFile !== null,
    });
    return { droppedCount: result.dropped.length, droppedApiKeys };
  }
}
