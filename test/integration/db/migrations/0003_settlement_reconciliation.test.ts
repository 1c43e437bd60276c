import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../../src-main/db/migrations';
import { migration0003 } from '../../../../src-main/db/migrations/0003_settlement_reconciliation';

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of migrations.slice(0, 2)) m.up(db);
  migration0003.up(db);
});
afterEach(() => db.close());

function insertFlow(flowId: string, revision = 1): number {
  return Number(
    db
      .prepare(
        `INSERT INTO settlement_flow (flow_id, revision, flow_date_time, settlement_date, settlement_reference, psp_id, psp_name,
          receiver_fiscal_code, iban, declared_payments, declared_amount, line_count, matched_lines, matched_amount, header_issues,
          status, positions_reported, imported_at, imported_by)
         VALUES (?, ?, 'x', '2026-11-24', 'ref', 'PSP', 'Banca', '80012345676', 'IT60X0542811101000000123456', 0, 0, 0, 0, 0, '[]',
          'reconciled', 0, '2026-11-24T08:00:00.000Z', 'test')`,
      )
      .run(flowId, revision).lastInsertRowid,
  );
}

describe('migration 0003: settlement flows and reconciliation', () => {
  it('creates STRICT tables', () => {
    const tables = db
      .prepare<[], { name: string; strict: number }>(
        "SELECT name, strict FROM pragma_table_list WHERE name IN ('settlement_flow', 'settlement_line', 'reported_transfer')",
      )
      .all();
    expect(tables).toHaveLength(3);
    expect(tables.every((t) => t.strict === 1)).toBe(true);
  });

  it('keeps one row per flow revision', () => {
    insertFlow('2026-11-24PSP-1');
    insertFlow('2026-11-24PSP-1', 2);
    expect(() => insertFlow('2026-11-24PSP-1')).toThrow(/UNIQUE constraint failed/);
  });

  it('accepts only known line results and outcome codes', () => {
    const flow = insertFlow('f');
    const insert = db.prepare(
      `INSERT INTO settlement_line (flow_row, line_no, iuv, iur, transfer_index, amount, outcome_code, outcome_date, result)
       VALUES (?, ?, 'iuv', 'iur', 1, 100, ?, '2026-11-24', ?)`,
    );
    insert.run(flow, 1, 0, 'MATCHED');
    expect(() => insert.run(flow, 2, 0, 'FINE')).toThrow(/CHECK constraint failed/);
    expect(() => insert.run(flow, 3, 5, 'MATCHED')).toThrow(/CHECK constraint failed/);
    expect(() => insert.run(flow, 1, 0, 'MATCHED')).toThrow(/UNIQUE constraint failed/);
  });

  it('reports a receipt transfer at most once, and only for receipts that exist', () => {
    const flow = insertFlow('f');
    expect(() => db.prepare('INSERT INTO reported_transfer (receipt_row, transfer_index, flow_row) VALUES (1, 1, ?)').run(flow)).toThrow(
      /FOREIGN KEY constraint failed/,
    );
    const pk = db.prepare<[], { name: string; pk: number }>("SELECT name, pk FROM pragma_table_info('reported_transfer') WHERE pk > 0").all();
    expect(pk.map((c) => c.name)).toEqual(['receipt_row', 'transfer_index']);
  });
});
