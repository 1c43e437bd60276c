import type { Db } from '../db/openDatabase';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { SeededRandom } from '../platform/random';
import type { NetworkSimulator } from './network';
import type { PspInfo } from './nodoClient';
import type { FlowRepository } from './repositories/flowRepository';
import type { OnboardingRepository } from './repositories/onboardingRepository';
import type { PaymentRepository } from './repositories/paymentRepository';
import type { ActiveScenario, ScenarioContext, ScenarioCounter } from './scenarios';
import type { WriteBatcher } from '../db/writeBatcher';

export interface NodoSettings {
  tokenValidityMs: number;
  awaitDeliveryOnOutcome: boolean;
  backoffBaseMs: number;
  backoffMaxMs: number;
  deliveryBatchSize: number;
}

/** What the mock Nodo's modules share; built once by MockNodo. */
export interface NodoContext {
  db: Db;
  /** group commit for the payment steps (activation, outcome, delivery marks) */
  writes: WriteBatcher;
  clock: Clock;
  logger: Logger;
  registry: OnboardingRepository;
  payments: PaymentRepository;
  flows: FlowRepository;
  network: NetworkSimulator;
  /** the persisted sequence: payment tokens and flow identifiers come from it */
  rng: SeededRandom;
  /** stores the RNG's position; call inside the transaction that used it */
  saveRng(): void;
  psps: ReadonlyMap<string, PspInfo>;
  scenarios(ctx: ScenarioContext): ActiveScenario[];
  counter: ScenarioCounter;
  settings: NodoSettings;
}
