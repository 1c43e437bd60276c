import type { Db } from '../db/openDatabase';
import type { NodoSimulator } from '../core/createCore';
import type { Clock } from '../platform/clock';
import type { PositionsModule } from '../positions';
import { EcProfileRepository } from '../repositories/ecProfileRepository';
import { IbanRepository } from '../repositories/ibanRepository';
import type { AuditService } from '../services/auditService';
import type { IbanService } from '../services/ibanService';
import type { Vault } from '../vault';
import { EcEnvironmentRepository } from './ecEnvironmentRepository';
import { EnvironmentService } from './environmentService';
import { StationService } from './stationService';
import { TestActivitiesService } from './testActivitiesService';
import { TestPlanRunner } from './testPlan/testPlanRunner';
import { TestPositionFactory } from './testPlan/testPositions';
import { TestRunRepository } from './testPlan/testRunRepository';

export interface OnboardingModuleDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  iban: IbanService;
  positions: PositionsModule;
  nodo: NodoSimulator;
  vault: Vault;
  refreshStations(): Promise<readonly string[]>;
}

export interface OnboardingModule {
  stations: StationService;
  testActivities: TestActivitiesService;
  environment: EnvironmentService;
  testRuns: TestRunRepository;
}

/** Stations, the test plan (collaudo) and the switch to esercizio, wired over the core. */
export function createOnboardingModule(deps: OnboardingModuleDeps): OnboardingModule {
  const { db, clock, audit, nodo, positions, refreshStations } = deps;
  const ecProfile = new EcProfileRepository(db);
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
    stations: new StationService({ nodo, vault: deps.vault, ecProfile, audit, refreshStations }),
    testActivities: new TestActivitiesService({ db, nodo, ecProfile, audit, runs: testRuns, runner, refreshStations }),
    environment: new EnvironmentService({ db, clock, nodo, ecProfile, audit, runs: testRuns, environment: new EcEnvironmentRepository(db) }),
    testRuns,
  };
}

export { stationPasswordSecret } from './stationService';
export { TEST_IUPD_PREFIX } from './testPlan/testPositions';
