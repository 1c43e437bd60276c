import { AppError } from '../../src-shared/errors';
import type { Environment } from '../../src-shared/ipc/schemas/ec';
import type { EnvironmentStatus } from '../../src-shared/ipc/schemas/testActivities';
import type { Db } from '../db/openDatabase';
import type { NodoClient } from '../nodo/nodoClient';
import { nowIso, type Clock } from '../platform/clock';
import type { EcProfileRepository } from '../repositories/ecProfileRepository';
import type { Actor } from '../services/actor';
import type { AuditService } from '../services/auditService';
import type { EcEnvironmentRepository } from './ecEnvironmentRepository';
import type { TestRunRepository } from './testPlan/testRunRepository';

export interface EnvironmentServiceDeps {
  db: Db;
  clock: Clock;
  nodo: Pick<NodoClient, 'getEcRegistration' | 'setEnvironment'>;
  ecProfile: EcProfileRepository;
  audit: AuditService;
  runs: TestRunRepository;
  environment: EcEnvironmentRepository;
}

/**
 * Collaudo -> esercizio, the Referente dei Pagamenti's decision: allowed only when the latest test
 * run passed every mandatory case. Going back to collaudo is always allowed. The Nodo is told first
 * (it has rules of its own: an active station, the Nodo API key); then the EC profile changes.
 */
export class EnvironmentService {
  constructor(private readonly deps: EnvironmentServiceDeps) {}

  async status(): Promise<EnvironmentStatus> {
    const ec = this.requireEc();
    const lastRun = this.deps.runs.latest();
    const registered = (await this.deps.nodo.getEcRegistration(ec.fiscalCode)) !== null;
    return { environment: ec.environment, registered, lastRun, canGoLive: registered && lastRun !== null && lastRun.passed };
  }

  async set(actor: Actor, environment: Environment): Promise<EnvironmentStatus> {
    const ec = this.requireEc();
    const lastRun = this.deps.runs.latest();
    if (environment === ec.environment) return this.status();
    if (environment === 'esercizio' && !(lastRun && lastRun.passed)) {
      throw lastRun
        ? new AppError('TEST_PLAN_NOT_PASSED', {
            message: `L’ultima esecuzione del collaudo (n. ${lastRun.id}) ha superato ${lastRun.mandatoryPassed} casi obbligatori su ${lastRun.mandatoryTotal}: l’Ente resta in collaudo.`,
          })
        : new AppError('TEST_PLAN_NOT_PASSED');
    }
    await this.deps.nodo.setEnvironment(ec.fiscalCode, environment);
    this.deps.db.transaction(() => {
      this.deps.environment.set(environment, nowIso(this.deps.clock));
      this.deps.audit.record(actor, 'ec.environmentChanged', 'ecProfile', ec.fiscalCode, {
        from: ec.environment,
        to: environment,
        testRunId: lastRun?.id ?? null,
        testRunPassed: lastRun?.passed ?? null,
      });
    })();
    return this.status();
  }

  private requireEc() {
    const ec = this.deps.ecProfile.get();
    if (!ec) throw new AppError('SETUP_REQUIRED');
    return ec;
  }
}
