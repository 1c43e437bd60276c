import { instant, text } from './sqlChecks';
import type { Migration } from './types';

/**
 * Runs of the test plan before production (collaudo): the verdict, who ran it, each case with its
 * message exchange (JSON), and which debt positions a run created for itself, so they can be told
 * apart from the EC's real ones.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'test_runs',
  up(db) {
    db.exec(`
      CREATE TABLE test_run (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL CHECK (${instant('started_at')}),
        finished_at TEXT NOT NULL CHECK (${instant('finished_at')}),
        station_code TEXT NOT NULL CHECK (${text('station_code', 14)}),
        environment TEXT NOT NULL CHECK (environment IN ('collaudo', 'esercizio')),
        passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
        mandatory_total INTEGER NOT NULL CHECK (mandatory_total >= 0),
        mandatory_passed INTEGER NOT NULL CHECK (mandatory_passed BETWEEN 0 AND mandatory_total),
        total INTEGER NOT NULL CHECK (total >= mandatory_total),
        passed_count INTEGER NOT NULL CHECK (passed_count BETWEEN 0 AND total),
        run_by_id INTEGER REFERENCES staff (id),
        run_by TEXT NOT NULL,
        cases TEXT NOT NULL CHECK (json_valid(cases))
      ) STRICT;

      CREATE TABLE test_run_position (
        run_id INTEGER NOT NULL REFERENCES test_run (id),
        position_id INTEGER NOT NULL REFERENCES debt_position (id),
        case_id TEXT NOT NULL CHECK (${text('case_id', 40)}),
        PRIMARY KEY (run_id, position_id)
      ) STRICT;
      -- "is this position a test one?" is asked by position id
      CREATE UNIQUE INDEX test_run_position_by_position ON test_run_position (position_id);
    `);
  },
};
