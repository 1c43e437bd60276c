/**
 * Simulation: synthetic data and payment traffic over the real core (validation, station, mock Nodo),
 * shared by the `sportello` CLI and the benchmarks.
 */
export { onboardForSimulation, type OnboardingReport, type OnboardingOptions } from './onboarding';
export {
  seedPositions,
  seedScenarioPositions,
  DEFAULT_SEED,
  type SeedOptions,
  type SeedProgress,
  type SeedResult,
  type ScenarioSeed,
} from './seedPositions';
export {
  simulatePayments,
  DEFAULT_PSP_MIX,
  type PspMix,
  type SimulateOptions,
  type SimulationResult,
  type PaymentFailure,
  type ConsistencyReport,
} from './simulatePayments';
export { collectStatus, type StatusReport } from './status';
export { payForFlow } from './paidFlow';
export { SIMULATED_SERVICES, simulationActor } from './catalogue';
