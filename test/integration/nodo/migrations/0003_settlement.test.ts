import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodoMigrations } from '../../../../src-main/nodo/db/migrations';

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of nodoMigrations) m.up(db);
});
afterEach(() => db.close());

function flow(id: string, date = '2026-11-22', regulation = 'RIV1') {
  db.prepare(
    `INSERT INTO flow (id, id_psp, psp_name, id_broker_psp, receiver_fiscal_code, receiver_name, iban, settlement_date, flow_date_time,
       regulation_id, regulation_date, total_payments, total_amount)
     VALUES (?, 'BESMIT01', 'Banca', '99000000010', '80215430580', 'Comune', 'IT60X0542811101000000123456', ?, '2026-11-22T09:00:00.000Z', ?, ?, 1, 100)`,
  ).run(id, date, regulation, date);
}

describe('nodo migration 0003: settlement', () => {
  it('creates STRICT tables', () => {
    const tables = db.prepare<[], { name: string; strict: number }>("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name IN ('flow', 'flow_line')").all();
    expect(tables).toHaveLength(2);
    expect(tables.every((t) => t.strict === 1)).toBe(true);
  });

  it('makes the flow id start with its settlement date and keeps regulation ids unique', () => {
    flow('2026-11-22BESMIT01-S1');
    expect(() => flow('2026-11-23BESMIT01-S2')).toThrow(/CHECK constraint failed/);
    expect(() => flow('2026-11-22BESMIT01-S3')).toThrow(/UNIQUE constraint failed/);
  });

  it('settles a transfer in one flow line only', () => {
    flow('2026-11-22BESMIT01-S1');
    flow('2026-11-22BESMIT01-S2', '2026-11-22', 'RIV2');
    const line = db.prepare(
      "INSERT INTO flow_line (flow_id, line_no, iuv, iur, transfer_index, amount, outcome_code, outcome_date) VALUES (?, ?, 'iuv', 'tok', 1, 100, 0, '2026-11-22')",
    );
    line.run('2026-11-22BESMIT01-S1', 1);
    expect(() => line.run('2026-11-22BESMIT01-S2', 1)).toThrow(/UNIQUE constraint failed/);
    expect(() =>
      db.prepare("INSERT INTO flow_line (flow_id, line_no, iuv, iur, transfer_index, amount, outcome_code, outcome_date) VALUES (?, 2, 'iuv', 'x', 1, 100, 5, '2026-11-22')").run('2026-11-22BESMIT01-S1'),
    ).toThrow(/CHECK constraint failed/);
  });
});
