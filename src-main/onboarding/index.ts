import type { Db } from '../db/openDatabase';
import type { NodoSimulator } from '../core/createCore';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { PositionsModule } from '../positions';
import type { EcProfileRepository } from '../repositories/ecProfileRepository';
import { IbanRepository } from '../repositories/ibanRepository';
import type { AuditService } from '../services/auditService';
import type { IbanService } from '../services/ibanService';
import type { Vault } from '../vault';
import { ApiKeyService } from './apiKeyService';
import { AuditExport } from './auditCsv';
import { EcEnvironmentRepository } from './ecEnvironmentRepository';
import { EnvironmentService } from './environmentService';
import { IbanSync } from './ibanSync';
import { OnboardingStatusService } from './onboardingStatus';
import { RegistrationService } from './registrationService';
import { StationService } from './stationService';
import { TestActivitiesService } from './testActivitiesService';
import { TestPlanRunner } from './testPlan/testPlanRunner';
import { TestPositionFactory } from './testPlan/testPositions';
import { TestRunRepository } from './testPlan/testRunRepository';
import { VaultRecovery } from './vaultRecovery';

export { apiKeySecretName, API_KEY_PURPOSE } from './apiKeyService';
export { auditCsv, csvField, CSV_SEPARATOR } from './auditCsv';
export { stationPasswordSecret } from './stationService';
export { TEST_IUPD_PREFIX } from './testPlan/testPositions';

export interface OnboardingModule {
  // registration on the Nodo, API keys, the IBAN list on the Nodo, vault recovery, audit export
  registration: RegistrationService;
  ibanSync: IbanSync;
  apiKeys: ApiKeyService;
  status: OnboardingStatusService;
  vault: VaultRecovery;
  auditExport: AuditExport;
  // stations, the test plan before production (collaudo), the switch to esercizio
  stations: StationService;
  testActivities: TestActivitiesService;
  environment: EnvironmentService;
  testRuns: TestRunRepository;
}

export interface OnboardingModuleDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  audit: AuditService;
  ecProfile: EcProfileRepository;
  iban: IbanService;
  positions: PositionsModule;
  nodo: NodoSimulator;
  vault: Vault;
  refreshStations(): Promise<readonly string[]>;
}

/** The Back Office onboarding, in pagoPA's order, wired over the core. */
export function createOnboardingModule(deps: OnboardingModuleDeps): OnboardingModule {
  const { db, clock, audit, ecProfile, nodo, positions, refreshStations } = deps;
  const ibanSync = new IbanSync(nodo, ecProfile, deps.iban, audit, deps.logger);
  const testRuns = new TestRunRepository(db);
  const factory = new TestPositionFactory({
    db,
    clock,
    audit,
    positions: positions.repositories.positions,
    positionService: positions.positions,
    ibanRepository: new IbanRepository(db),
    ibanService: deps.iban,
  });
  const runner = new TestPlanRunner({ nodo, station: positions.station, positionService: positions.positions, factory, clock });
  return {
    registration: new RegistrationService(nodo, ecProfile, audit, ibanSync),
    ibanSync,
    apiKeys: new ApiKeyService(nodo, deps.vault, ecProfile, audit),
    status: new OnboardingStatusService(nodo, deps.vault, ecProfile, ibanSync),
    vault: new VaultRecovery(deps.vault, audit),
    auditExport: new AuditExport(audit, clock, () => ecProfile.get()?.fiscalCode ?? null),
    stations: new StationService({ nodo, vault: deps.vault, ecProfile, audit, refreshStations }),
    testActivities: new TestActivitiesService({ db, nodo, ecProfile, audit, runs: testRuns, runner, refreshStations }),
    environment: new EnvironmentService({ db, clock, nodo, ecProfile, audit, runs: testRuns, environment: new EcEnvironmentRepository(db) }),
    testRuns,
  };
}
