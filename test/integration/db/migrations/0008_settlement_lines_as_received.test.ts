import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../../src-main/db/migrations';
import { databaseBefore } from '../../../support/schemaRows';
import { migration0008 } from '../../../../src-main/db/migrations/0008_settlement_lines_as_received';

let db: Database.Database;
let flowRow: number;
beforeEach(() => {
  db = databaseBefore(8);
  flowRow = Number(
    db
      .prepare(
        `INSERT INTO settlement_flow (flow_id, revision, flow_date_time, settlement_date, settlement_reference, psp_id, psp_name,
          receiver_fiscal_code, iban, declared_payments, declared_amount, line_count, matched_lines, matched_amount, header_issues,
          status, positions_reported, imported_at, imported_by)
         VALUES ('2026-11-24PSP-1', 1, 'x', '2026-11-24', 'ref', 'PSP', 'Banca', '80012345676', 'IT60X0542811101000000123456', 3, 600, 3, 2,
          400, '[]', 'withIssues', 0, '2026-11-24T08:00:00.000Z', 'test')`,
      )
      .run().lastInsertRowid,
  );
  // a flow imported before 0008: every line a row, stored out of line order
  const line = db.prepare(
    `INSERT INTO settlement_line (flow_row, line_no, iuv, iur, transfer_index, amount, outcome_code, outcome_date, result, expected_amount)
     VALUES (?, ?, ?, ?, ?, ?, 0, '2026-11-23', ?, ?)`,
  );
  line.run(flowRow, 3, 'IUV3', 'IUR3', 2, 200, 'MATCHED', 200);
  line.run(flowRow, 1, 'IUV1', 'IUR1', 1, 200, 'MATCHED', 200);
  line.run(flowRow, 2, 'IUV2', 'IUR2', 1, 200, 'AMOUNT_MISMATCH', 150);
});
afterEach(() => db.close());

describe('migration 0008: a flow keeps its lines as received, and rows only for the lines with issues', () => {
  it('is version 8', () => {
    expect(migration0008.version).toBe(8);
    expect(migrations[7]).toBe(migration0008);
  });

  it('moves an imported flow’s lines into the flow, in line order, and keeps only the issues as rows', () => {
    migration0008.up(db);
    const { received_lines } = db.prepare<[number], { received_lines: string }>('SELECT received_lines FROM settlement_flow WHERE id = ?').get(flowRow)!;
    expect(JSON.parse(received_lines)).toEqual([
      ['IUV1', 'IUR1', 1, 200, 0, '2026-11-23'],
      ['IUV2', 'IUR2', 1, 200, 0, '2026-11-23'],
      ['IUV3', 'IUR3', 2, 200, 0, '2026-11-23'],
    ]);
    expect(db.prepare('SELECT line_no, result, expected_amount FROM settlement_line').all()).toEqual([
      { line_no: 2, result: 'AMOUNT_MISMATCH', expected_amount: 150 },
    ]);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'settlement_line_issues'").get()).toBeUndefined();
    expect(db.prepare<[], { strict: number }>("SELECT strict FROM pragma_table_list WHERE name = 'settlement_flow'").get()?.strict).toBe(1);
  });

  it('gives a flow without lines an empty list and refuses anything that is not JSON', () => {
    db.prepare('DELETE FROM settlement_line').run();
    migration0008.up(db);
    expect(db.prepare('SELECT received_lines FROM settlement_flow').get()).toEqual({ received_lines: '[]' });
    expect(() => db.prepare("UPDATE settlement_flow SET received_lines = '[1,'").run()).toThrow(/CHECK constraint failed/);
  });
});
