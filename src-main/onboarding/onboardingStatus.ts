import type { OnboardingStatus } from '../../src-shared/ipc/schemas/onboarding';
import { NODO_API_PRODUCT } from '../../src-shared/onboarding/apiProducts';
import type { NodoClient } from '../nodo/nodoClient';
import type { EcProfileRepository } from '../repositories/ecProfileRepository';
import type { Vault } from '../vault';
import { apiKeySecretName } from './apiKeyService';
import type { IbanSync } from './ibanSync';

type Nodo = Pick<NodoClient, 'getEcRegistration' | 'listStations'>;

/** The facts the onboarding steps (src-shared/onboarding/steps.ts) are judged on. */
export class OnboardingStatusService {
  constructor(
    private readonly nodo: Nodo,
    private readonly vault: Vault,
    private readonly ecProfile: EcProfileRepository,
    private readonly ibanSync: IbanSync,
  ) {}

  async status(): Promise<OnboardingStatus> {
    const ec = this.ecProfile.get();
    const registration = ec ? await this.nodo.getEcRegistration(ec.fiscalCode) : null;
    const stations = registration && ec ? await this.nodo.listStations({ ecFiscalCode: ec.fiscalCode }) : [];
    const ibans = await this.ibanSync.state();
    const stored =
      ec !== null &&
      this.vault.has(apiKeySecretName(ec.fiscalCode, NODO_API_PRODUCT, 'primary')) &&
      this.vault.has(apiKeySecretName(ec.fiscalCode, NODO_API_PRODUCT, 'secondary'));
    return {
      registered: registration !== null,
      environment: ec?.environment ?? 'collaudo',
      nodoApiKey: { issued: registration?.onboarding.nodoApiKey ?? false, stored: registration?.onboarding.nodoApiKey === true && stored },
      stations: {
        total: stations.length,
        active: stations.filter((s) => s.enabled && s.state === 'Attiva').length,
        inReview: stations.filter((s) => s.state === 'In revisione').length,
        toFix: stations.filter((s) => s.state === 'Da correggere').length,
      },
      ibans: { local: ibans.local.length, onNodo: ibans.onNodo.length, inSync: ibans.inSync },
    };
  }
}
