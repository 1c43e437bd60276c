import { AppError } from '../../src-shared/errors';
import type { ApiKeyList, ApiKeyProductView } from '../../src-shared/ipc/schemas/onboarding';
import { apiKeySlots, apiProducts, type ApiKeySlot, type ApiProduct } from '../../src-shared/onboarding/apiProducts';
import { apiProductLabels, type NodoClient } from '../nodo/nodoClient';
import type { EcProfileRepository } from '../repositories/ecProfileRepository';
import type { Actor } from '../services/actor';
import type { AuditService } from '../services/auditService';
import type { Vault } from '../vault';

type Nodo = Pick<NodoClient, 'getEcRegistration' | 'issueApiKeys' | 'regenerateApiKey' | 'listApiKeys'>;

export const API_KEY_PURPOSE = 'apiKey';

/** Where a key lives in the vault: one secret per EC, product and slot. */
export function apiKeySecretName(ecFiscalCode: string, product: ApiProduct, slot: ApiKeySlot): string {
  return `apikey.${ecFiscalCode}.${product}.${slot}`;
}

/** The inverse of apiKeySecretName, for the vault's list of unreadable secrets. */
export function parseApiKeySecretName(name: string): { ecFiscalCode: string; product: ApiProduct; slot: ApiKeySlot } | null {
  const m = /^apikey\.(\d{11})\.([a-z]+)\.(primary|secondary)$/.exec(name);
  if (!m || !(apiProducts as readonly string[]).includes(m[2]!)) return null;
  return { ecFiscalCode: m[1]!, product: m[2] as ApiProduct, slot: m[3] as ApiKeySlot };
}

/**
 * The EC's API keys (Referente Tecnico): the mock Nodo issues them and keeps only their hashes;
 * Sportello keeps them only in the vault, never in sportello.db, and hands one to the renderer
 * only when a person asks to see or copy it, which is audited. Audit details never hold a key.
 */
export class ApiKeyService {
  constructor(
    private readonly nodo: Nodo,
    private readonly vault: Vault,
    private readonly ecProfile: EcProfileRepository,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<ApiKeyList> {
    const ec = this.requireEc();
    const registered = (await this.nodo.getEcRegistration(ec.fiscalCode)) !== null;
    const issued = registered ? await this.nodo.listApiKeys(ec.fiscalCode) : [];
    const byProduct = new Map(issued.map((k) => [k.product, k]));
    const products: ApiKeyProductView[] = apiProducts.map((product) => {
      const info = byProduct.get(product);
      const slot = (s: ApiKeySlot) => ({
        slot: s,
        createdAt: info ? (s === 'primary' ? info.primaryCreatedAt : info.secondaryCreatedAt) || null : null,
        stored: info !== undefined && this.vault.has(apiKeySecretName(ec.fiscalCode, product, s)),
      });
      return { product, label: apiProductLabels[product], issued: info !== undefined, primary: slot('primary'), secondary: slot('secondary') };
    });
    return { registered, products };
  }

  /** "Genera": a primary and a secondary key for a product, straight into the vault. */
  async generate(actor: Actor, product: ApiProduct): Promise<ApiKeyList> {
    const ec = await this.requireRegisteredEc();
    // a key the Nodo issues but the vault cannot keep would be lost: check the vault first
    await this.requireVaultReady();
    const pair = await this.nodo.issueApiKeys(ec.fiscalCode, product);
    const entityId = `${ec.fiscalCode}.${product}`;
    try {
      for (const slot of apiKeySlots) {
        await this.vault.put(apiKeySecretName(ec.fiscalCode, product, slot), API_KEY_PURPOSE, slot === 'primary' ? pair.primary : pair.secondary);
      }
    } catch (error) {
      // the keys exist on the Nodo all the same: say so in the log; the list shows them as missing, to regenerate
      this.audit.record(actor, 'apiKey.generated', 'apiKey', entityId, { product, stored: false });
      throw error;
    }
    this.audit.record(actor, 'apiKey.generated', 'apiKey', entityId, { product });
    return this.list();
  }

  /** "Rigenera": the Nodo replaces the key at once (the old one stops working), the vault keeps the new one. */
  async regenerate(actor: Actor, product: ApiProduct, slot: ApiKeySlot): Promise<ApiKeyList> {
    const ec = await this.requireRegisteredEc();
    await this.requireVaultReady();
    const next = await this.nodo.regenerateApiKey(ec.fiscalCode, product, slot);
    const entityId = `${ec.fiscalCode}.${product}.${slot}`;
    try {
      await this.vault.put(apiKeySecretName(ec.fiscalCode, product, slot), API_KEY_PURPOSE, next.key);
    } catch (error) {
      // the old key is dead on the Nodo already; the stale copy must not be offered as if it worked
      await this.vault.delete(apiKeySecretName(ec.fiscalCode, product, slot)).catch(() => false);
      this.audit.record(actor, 'apiKey.regenerated', 'apiKey', entityId, { product, slot, stored: false });
      throw error;
    }
    this.audit.record(actor, 'apiKey.regenerated', 'apiKey', entityId, { product, slot });
    return this.list();
  }

  /** "Mostra" / "Copia": the key in clear, for this one request. */
  async reveal(actor: Actor, product: ApiProduct, slot: ApiKeySlot, purpose: 'show' | 'copy'): Promise<{ product: ApiProduct; slot: ApiKeySlot; key: string }> {
    const ec = this.requireEc();
    const key = await this.vault.get(apiKeySecretName(ec.fiscalCode, product, slot));
    if (key === null) throw new AppError('API_KEY_NOT_STORED');
    this.audit.record(actor, purpose === 'copy' ? 'apiKey.copied' : 'apiKey.revealed', 'apiKey', `${ec.fiscalCode}.${product}.${slot}`, { product, slot });
    return { product, slot, key };
  }

  private requireEc() {
    const ec = this.ecProfile.get();
    if (!ec) throw new AppError('SETUP_REQUIRED');
    return ec;
  }

  private async requireRegisteredEc() {
    const ec = this.requireEc();
    if ((await this.nodo.getEcRegistration(ec.fiscalCode)) === null) throw new AppError('ONBOARDING_NOT_REGISTERED');
    return ec;
  }

  private async requireVaultReady(): Promise<void> {
    const status = await this.vault.status();
    if (status.state === 'ok') return;
    // the vault's own typed error (locked, unavailable, key lost...) says best what to do
    if (status.error) throw new AppError(status.error.code, { message: status.error.message });
    throw new AppError('VAULT_NOT_READY');
  }
}
