import { z } from 'zod';
import { testCaseResult, type TestRun, type TestRunSummary } from '../../../src-shared/ipc/schemas/testActivities';
import type { Environment } from '../../../src-shared/ipc/schemas/ec';
import type { Db } from '../../db/openDatabase';
import { cached } from '../../db/statementCache';

interface TestRunRow {
  id: number;
  started_at: string;
  finished_at: string;
  station_code: string;
  environment: Environment;
  passed: number;
  mandatory_total: number;
  mandatory_passed: number;
  total: number;
  passed_count: number;
  run_by: string;
}

const SUMMARY_COLUMNS =
  'id, started_at, finished_at, station_code, environment, passed, mandatory_total, mandatory_passed, total, passed_count, run_by';

function toSummary(r: TestRunRow): TestRunSummary {
  return {
    id: r.id,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    stationCode: r.station_code,
    environment: r.environment,
    passed: r.passed === 1,
    mandatoryTotal: r.mandatory_total,
    mandatoryPassed: r.mandatory_passed,
    total: r.total,
    passedCount: r.passed_count,
    runBy: r.run_by,
  };
}

const storedCases = z.array(testCaseResult);

export interface NewTestRun extends Omit<TestRunSummary, 'id' | 'runBy'> {
  runBy: { id: number | null; name: string };
  cases: TestRun['cases'];
  positions: ReadonlyArray<{ positionId: number; caseId: string }>;
}

/** SQL of the test runs; the caller holds the transaction. */
export class TestRunRepository {
  constructor(private readonly db: Db) {}

  insert(run: NewTestRun): number {
    const id = Number(
      cached(
        this.db,
        `INSERT INTO test_run (started_at, finished_at, station_code, environment, passed, mandatory_total, mandatory_passed,
           total, passed_count, run_by_id, run_by, cases)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        run.startedAt,
        run.finishedAt,
        run.stationCode,
        run.environment,
        run.passed ? 1 : 0,
        run.mandatoryTotal,
        run.mandatoryPassed,
        run.total,
        run.passedCount,
        run.runBy.id,
        run.runBy.name,
        JSON.stringify(run.cases),
      ).lastInsertRowid,
    );
    const link = cached(this.db, 'INSERT INTO test_run_position (run_id, position_id, case_id) VALUES (?, ?, ?)');
    for (const p of run.positions) link.run(id, p.positionId, p.caseId);
    return id;
  }

  /** Newest first. */
  list(limit = 50): TestRunSummary[] {
    return cached<[number], TestRunRow>(this.db, `SELECT ${SUMMARY_COLUMNS} FROM test_run ORDER BY id DESC LIMIT ?`)
      .all(limit)
      .map(toSummary);
  }

  latest(): TestRunSummary | null {
    return this.list(1)[0] ?? null;
  }

  get(id: number): TestRun | null {
    const row = cached<[number], TestRunRow & { cases: string }>(this.db, `SELECT ${SUMMARY_COLUMNS}, cases FROM test_run WHERE id = ?`).get(id);
    if (!row) return null;
    return { ...toSummary(row), cases: storedCases.parse(JSON.parse(row.cases)) };
  }

  isTestPosition(positionId: number): boolean {
    return cached<[number], { one: number }>(this.db, 'SELECT 1 AS one FROM test_run_position WHERE position_id = ?').get(positionId) !== undefined;
  }
}
