import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../../src-main/db/migrations';
import { migration0005 } from '../../../../src-main/db/migrations/0005_test_runs';

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of migrations.slice(0, 4)) m.up(db);
  migration0005.up(db);
});
afterEach(() => db.close());

function insertRun(overrides: Record<string, unknown> = {}): number {
  const row = {
    started_at: '2026-11-22T09:00:00.000Z',
    finished_at: '2026-11-22T09:00:01.000Z',
    station_code: '80012345676_01',
    environment: 'collaudo',
    passed: 1,
    mandatory_total: 8,
    mandatory_passed: 8,
    total: 9,
    passed_count: 9,
    run_by: 'Luca Bianchi',
    cases: '[]',
    ...overrides,
  };
  return Number(
    db
      .prepare(
        `INSERT INTO test_run (started_at, finished_at, station_code, environment, passed, mandatory_total, mandatory_passed, total,
          passed_count, run_by, cases)
         VALUES (@started_at, @finished_at, @station_code, @environment, @passed, @mandatory_total, @mandatory_passed, @total,
          @passed_count, @run_by, @cases)`,
      )
      .run(row).lastInsertRowid,
  );
}

describe('migration 0005: test runs', () => {
  it('is version 5 and creates STRICT tables', () => {
    expect(migration0005.version).toBe(5);
    expect(migrations[4]).toBe(migration0005);
    const tables = db
      .prepare<[], { name: string; strict: number }>("SELECT name, strict FROM pragma_table_list WHERE name IN ('test_run', 'test_run_position')")
      .all();
    expect(tables).toHaveLength(2);
    expect(tables.every((t) => t.strict === 1)).toBe(true);
  });

  it('accepts a well-formed run and refuses inconsistent counts, environments and non-JSON cases', () => {
    expect(insertRun()).toBe(1);
    expect(() => insertRun({ mandatory_passed: 9 })).toThrow(/CHECK constraint failed/);
    expect(() => insertRun({ passed_count: 10 })).toThrow(/CHECK constraint failed/);
    expect(() => insertRun({ environment: 'produzione' })).toThrow(/CHECK constraint failed/);
    expect(() => insertRun({ cases: 'non json' })).toThrow(/CHECK constraint failed/);
    expect(() => insertRun({ started_at: '22/11/2026' })).toThrow(/CHECK constraint failed/);
  });

  it('links a position to at most one run, and only positions and runs that exist', () => {
    const run = insertRun();
    const link = db.prepare('INSERT INTO test_run_position (run_id, position_id, case_id) VALUES (?, ?, ?)');
    expect(() => link.run(run, 1, 'verify')).toThrow(/FOREIGN KEY constraint failed/);
    const indexes = db.prepare<[], { name: string; unique: number }>("SELECT name, \"unique\" FROM pragma_index_list('test_run_position')").all();
    expect(indexes).toContainEqual({ name: 'test_run_position_by_position', unique: 1 });
  });
});
