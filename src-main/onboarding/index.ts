import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { NodoClient } from '../nodo/nodoClient';
import type { EcProfileRepository } from '../repositories/ecProfileRepository';
import type { AuditService } from '../services/auditService';
import type { IbanService } from '../services/ibanService';
import type { Vault } from '../vault';
import { ApiKeyService } from './apiKeyService';
import { AuditExport } from './auditCsv';
import { IbanSync } from './ibanSync';
import { OnboardingStatusService } from './onboardingStatus';
import { RegistrationService } from './registrationService';
import { VaultRecovery } from './vaultRecovery';

export { apiKeySecretName, API_KEY_PURPOSE } from './apiKeyService';
export { auditCsv, csvField, CSV_SEPARATOR } from './auditCsv';

export interface OnboardingModule {
  registration: RegistrationService;
  ibanSync: IbanSync;
  apiKeys: ApiKeyService;
  status: OnboardingStatusService;
  vault: VaultRecovery;
  auditExport: AuditExport;
}

export interface OnboardingDeps {
  nodo: NodoClient;
  vault: Vault;
  ecProfile: EcProfileRepository;
  audit: AuditService;
  iban: IbanService;
  clock: Clock;
  logger: Logger;
}

/** Back Office onboarding (part A): registration on the Nodo, API keys, vault recovery, audit export. */
export function createOnboardingModule(deps: OnboardingDeps): OnboardingModule {
  const ibanSync = new IbanSync(deps.nodo, deps.ecProfile, deps.iban, deps.audit, deps.logger);
  return {
    registration: new RegistrationService(deps.nodo, deps.ecProfile, deps.audit, ibanSync),
    ibanSync,
    apiKeys: new ApiKeyService(deps.nodo, deps.vault, deps.ecProfile, deps.audit),
    status: new OnboardingStatusService(deps.nodo, deps.vault, deps.ecProfile, ibanSync),
    vault: new VaultRecovery(deps.vault, deps.audit),
    auditExport: new AuditExport(deps.audit, deps.clock, () => deps.ecProfile.get()?.fiscalCode ?? null),
  };
}
