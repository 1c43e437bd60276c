import { AppError } from '../../src-shared/errors';
import type { TestRun, TestRunReport, TestRunSummary } from '../../src-shared/ipc/schemas/testActivities';
import type { Db } from '../db/openDatabase';
import type { NodoClient } from '../nodo/nodoClient';
import type { EcProfileRepository } from '../repositories/ecProfileRepository';
import type { Actor } from '../services/actor';
import type { AuditService } from '../services/auditService';
import { renderTestRunReport } from './testPlan/reportPdf';
import type { TestPlanRunner } from './testPlan/testPlanRunner';
import type { TestRunRepository } from './testPlan/testRunRepository';

export interface TestActivitiesDeps {
  db: Db;
  nodo: Pick<NodoClient, 'getEcRegistration' | 'listStations'>;
  ecProfile: EcProfileRepository;
  audit: AuditService;
  runs: TestRunRepository;
  runner: TestPlanRunner;
  refreshStations(): Promise<readonly string[]>;
}

/** The Referente Tecnico's test plan: run it, keep every run, list them, print a report. */
export class TestActivitiesService {
  private running = false;

  constructor(private readonly deps: TestActivitiesDeps) {}

  async run(actor: Actor): Promise<TestRun> {
    // one run at a time: two runs would swap the station's recording tap under each other
    if (this.running) throw new AppError('TEST_PLAN_RUNNING');
    this.running = true;
    try {
      return await this.runOnce(actor);
    } finally {
      this.running = false;
    }
  }

  list(): TestRunSummary[] {
    return this.deps.runs.list();
  }

  get(id: number): TestRun {
    const run = this.deps.runs.get(id);
    if (!run) throw new AppError('TEST_RUN_NOT_FOUND');
    return run;
  }

  async report(id: number): Promise<TestRunReport> {
    const run = this.get(id);
    const ec = this.requireEc();
    const bytes = await renderTestRunReport(run, ec);
    const day = run.startedAt.slice(0, 10);
    return { fileName: `collaudo-${ec.fiscalCode}-${day}-n${run.id}.pdf`, base64: Buffer.from(bytes).toString('base64') };
  }

  private async runOnce(actor: Actor): Promise<TestRun> {
    const ec = this.requireEc();
    // test notices and payments must never appear next to real ones in production
    if (ec.environment === 'esercizio') throw new AppError('TEST_PLAN_IN_ESERCIZIO');
    if (!(await this.deps.nodo.getEcRegistration(ec.fiscalCode))) throw new AppError('NODO_EC_NOT_REGISTERED');
    await this.deps.refreshStations();
    const stations = await this.deps.nodo.listStations({ ecFiscalCode: ec.fiscalCode });
    // the Nodo routes the EC's aux-3 notices by segregation code: that is the station under test
    const station = stations.find((s) => s.ecs.some((l) => l.ecFiscalCode === ec.fiscalCode && l.segregationCode === ec.segregationCode));
    if (!station) {
      throw new AppError('TEST_PLAN_NO_STATION', {
        message: `Nessuna stazione dell’Ente serve il codice di segregazione ${ec.segregationCode}: creala prima di avviare il collaudo.`,
      });
    }
    if (!station.enabled || station.state !== 'Attiva') {
      throw new AppError('TEST_PLAN_STATION_NOT_ACTIVE', {
        message: `La stazione ${station.code} è ${station.enabled ? `«${station.state}»` : 'disabilitata'}: serve una stazione attiva e abilitata (usa «Verifica URL»).`,
      });
    }
    const outcome = await this.deps.runner.run(actor, ec, station);
    const mandatory = outcome.cases.filter((c) => c.mandatory);
    const summary = {
      startedAt: outcome.startedAt,
      finishedAt: outcome.finishedAt,
      stationCode: station.code,
      environment: ec.environment,
      passed: mandatory.every((c) => c.passed),
      mandatoryTotal: mandatory.length,
      mandatoryPassed: mandatory.filter((c) => c.passed).length,
      total: outcome.cases.length,
      passedCount: outcome.cases.filter((c) => c.passed).length,
    };
    const id = this.deps.db.transaction(() => {
      const runId = this.deps.runs.insert({ ...summary, runBy: actor, cases: outcome.cases, positions: outcome.positions });
      this.deps.audit.record(actor, 'testPlan.run', 'testRun', runId, {
        ...summary,
        failed: outcome.cases.filter((c) => !c.passed).map((c) => c.id),
        positionIds: outcome.positions.map((p) => p.positionId),
      });
      return runId;
    })();
    return this.get(id);
  }

  private requireEc() {
    const ec = this.deps.ecProfile.get();
    if (!ec) throw new AppError('SETUP_REQUIRED');
    return ec;
  }
}
