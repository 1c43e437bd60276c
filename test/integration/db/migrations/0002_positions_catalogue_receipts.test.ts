import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../../src-main/db/migrations';
import { migration0001 } from '../../../../src-main/db/migrations/0001_staff_ec_iban_audit';
import { migration0002 } from '../../../../src-main/db/migrations/0002_positions_catalogue_receipts';
import { buildPageQuery, positionSql, type PageQuery } from '../../../../src-main/positions/positionRepository';
import { POSITION_SORTS } from '../../../../src-main/positions/types';

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migration0001.up(db);
  migration0002.up(db);
});
afterEach(() => db.close());

const at = '2026-11-22T09:00:00.000Z';
const NEW_TABLES = ['catalogue_service', 'debt_position', 'notice_sequence', 'payment_option', 'receipt', 'transfer'];

function insertPosition(over: Record<string, unknown> = {}): number {
  const row = {
    iupd: 'IUPD-1',
    status: 'DRAFT',
    origin: 'ec',
    debtor_type: 'F',
    debtor_fiscal_code: 'RCCMNL83S18D969H',
    debtor_full_name: 'Emanuele Rocca',
    company_name: 'Comune di Test',
    switch_to_expired: 0,
    min_due_date: '2026-12-31',
    max_due_date: '2026-12-31',
    total_amount: 1000,
    created_at: at,
    updated_at: at,
    ...over,
  };
  const cols = Object.keys(row);
  return Number(
    db
      .prepare(`INSERT INTO debt_position (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
      .run(...Object.values(row)).lastInsertRowid,
  );
}

function insertOption(positionId: number, over: Record<string, unknown> = {}): number {
  const row = {
    position_id: positionId,
    notice_number: '301000000000000144',
    iuv: '01000000000000144',
    amount: 1000,
    due_date: '2026-12-31',
    description: 'TARI 2026',
    kind: 'single',
    instalment_number: null,
    ...over,
  };
  const cols = Object.keys(row);
  return Number(
    db
      .prepare(`INSERT INTO payment_option (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`)
      .run(...Object.values(row)).lastInsertRowid,
  );
}

function plan(sql: string): string {
  const n = (sql.match(/\?/g) ?? []).length;
  return db
    .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...Array.from({ length: n }, () => 'x'))
    .map((r) => r.detail)
    .join(' | ');
}

describe('migration 0002: positions, catalogue, receipts', () => {
  it('creates STRICT tables that refuse values of the wrong type', () => {
    const tables = db
      .prepare<[], { name: string; strict: number }>("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'")
      .all()
      .filter((t) => NEW_TABLES.includes(t.name));
    expect(tables.map((t) => t.name).sort()).toEqual(NEW_TABLES);
    expect(tables.every((t) => t.strict === 1)).toBe(true);
    expect(() => insertPosition({ total_amount: '10,00' })).toThrow(/cannot store TEXT value in INTEGER column/);
  });

  it('checks money, dates, statuses, lengths and debtor kinds', () => {
    expect(() => insertPosition({ status: 'PAGATA' })).toThrow(/CHECK constraint failed/);
    expect(() => insertPosition({ min_due_date: '31/12/2026' })).toThrow(/CHECK constraint failed/);
    expect(() => insertPosition({ max_due_date: '2026-12-30' })).toThrow(/CHECK constraint failed/); // before min
    expect(() => insertPosition({ debtor_full_name: 'x'.repeat(71) })).toThrow(/CHECK constraint failed/);
    expect(() => insertPosition({ debtor_type: 'G' })).toThrow(/CHECK constraint failed/); // G needs 11 digits
    expect(() => insertPosition({ created_at: 'yesterday' })).toThrow(/CHECK constraint failed/);
    const id = insertPosition();
    expect(() => insertOption(id, { amount: 0 })).toThrow(/CHECK constraint failed/);
    expect(() => insertOption(id, { amount: 100_000_000_000 })).toThrow(/CHECK constraint failed/);
    expect(() => insertOption(id, { notice_number: '30100000000000014X' })).toThrow(/CHECK constraint failed/);
    expect(() => insertOption(id, { description: 'x'.repeat(141) })).toThrow(/CHECK constraint failed/);
    expect(() => insertOption(id, { kind: 'instalment' })).toThrow(/CHECK constraint failed/); // needs its number
    expect(() => insertOption(id, { status: 'paid' })).toThrow(/CHECK constraint failed/); // paid needs paid_at + receipt
  });

  it('keeps IUPD, notice numbers and IUVs unique, and one single option per position', () => {
    const id = insertPosition();
    expect(() => insertPosition()).toThrow(/UNIQUE constraint failed: debt_position.iupd/);
    insertOption(id);
    expect(() => insertOption(insertPosition({ iupd: 'IUPD-2' }), { iuv: '01000000000000245' })).toThrow(/notice_number/);
    expect(() => insertOption(id, { notice_number: '301000000000000245' })).toThrow(/UNIQUE constraint failed/);
    const planId = insertPosition({ iupd: 'IUPD-3' });
    insertOption(planId, { notice_number: '301000000000000346', iuv: '01000000000000346', kind: 'instalment', instalment_number: 1 });
    expect(() =>
      insertOption(planId, { notice_number: '301000000000000447', iuv: '01000000000000447', kind: 'instalment', instalment_number: 1 }),
    ).toThrow(/UNIQUE constraint failed/);
  });

  it('enforces transfers 1..5 and the foreign keys', () => {
    const optionId = insertOption(insertPosition());
    const transfer = db.prepare(
      "INSERT INTO transfer (option_id, transfer_index, amount, ec_fiscal_code, iban, remittance, taxonomy) VALUES (?, ?, 500, '80012345676', 'IT60X0542811101000000123456', 'TARI', '9/0101108TS/')",
    );
    transfer.run(optionId, 1);
    expect(() => transfer.run(optionId, 1)).toThrow(/UNIQUE constraint failed/);
    expect(() => transfer.run(optionId, 6)).toThrow(/CHECK constraint failed/);
    expect(() => transfer.run(9999, 2)).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => insertPosition({ iupd: 'X', catalogue_service_id: 42 })).toThrow(/FOREIGN KEY constraint failed/);
  });

  it('hands out a notice-number sequence per segregation code', () => {
    const next = db.prepare<[string], { last_value: number }>(
      `INSERT INTO notice_sequence (segregation_code, last_value) VALUES (?, 1)
       ON CONFLICT (segregation_code) DO UPDATE SET last_value = last_value + 1 RETURNING last_value`,
    );
    expect([next.get('01')!.last_value, next.get('01')!.last_value, next.get('02')!.last_value]).toEqual([1, 2, 1]);
  });

  it('answers every lookup with an index search, on the latest schema (options are read through 0009’s view)', () => {
    for (const m of migrations.slice(2)) {
      // as the runner does: a rebuild of a referenced table runs with foreign keys off
      db.pragma(`foreign_keys = ${m.foreignKeys === 'off' ? 'OFF' : 'ON'}`);
      m.up(db);
    }
    db.pragma('foreign_keys = ON');
    expect(plan(positionSql.byIupd)).toMatch(/SEARCH debt_position USING INDEX sqlite_autoindex_debt_position_1 \(iupd=\?\)/);
    expect(plan(positionSql.optionByNoticeNumber)).toMatch(/SEARCH payment_option USING INDEX \S+ \(notice_number=\?\)/);
    expect(plan(positionSql.optionByIuv)).toMatch(/SEARCH payment_option USING INDEX \S+ \(iuv=\?\)/);
    expect(plan(positionSql.optionsOfPosition)).toMatch(/SEARCH payment_option USING INDEX payment_option_position \(position_id=\?\)/);
    expect(plan(positionSql.transfersOfOption)).toMatch(/SEARCH transfer USING PRIMARY KEY \(option_id=\?\)/);
    expect(plan(positionSql.dueForValidity)).toMatch(/SEARCH debt_position USING (COVERING )?INDEX debt_position_to_validate \(validity_date<\?\)/);
    expect(plan(positionSql.dueForExpiry)).toMatch(/SEARCH debt_position USING (COVERING )?INDEX debt_position_to_expire \(max_due_date<\?\)/);
    expect(plan('SELECT * FROM receipt WHERE receipt_id = ?')).toMatch(/SEARCH receipt USING INDEX/);
    expect(plan('SELECT * FROM receipt WHERE iuv = ?')).toMatch(/SEARCH receipt USING INDEX receipt_iuv/);
    expect(plan('SELECT * FROM receipt WHERE option_id = ? ORDER BY id')).toMatch(/SEARCH receipt USING INDEX receipt_option/);
    // the reported status of a paid option is found by key, never by a scan
    expect(plan(positionSql.optionByNoticeNumber)).not.toMatch(/\bSCAN\b/);
  });

  it('serves each list filter and sort from an index, without sorting or scanning the table', () => {
    const after = { value: 'x', id: 1 };
    const cases: Array<{ query: Omit<PageQuery, 'limit' | 'direction' | 'after'>; index: RegExp }> = [];
    for (const sort of POSITION_SORTS) {
      cases.push({ query: { sort, status: 'VALID' }, index: /debt_position_status_(due|amount|created)/ });
      cases.push({ query: { sort }, index: /debt_position_(due|amount)|INTEGER PRIMARY KEY/ });
    }
    cases.push({ query: { sort: 'dueDate', catalogueServiceId: 1 }, index: /debt_position_service_due/ });
    cases.push({ query: { sort: 'dueDate', debtorFiscalCode: 'X' }, index: /debt_position_debtor/ });
    cases.push({ query: { sort: 'dueDate', dueDateFrom: 'x', dueDateTo: 'y' }, index: /debt_position_due/ });
    cases.push({ query: { sort: 'dueDate', status: 'VALID', dueDateFrom: 'x', dueDateTo: 'y' }, index: /debt_position_status_due/ });

    for (const { query, index } of cases) {
      for (const direction of ['asc', 'desc'] as const) {
        const next = plan(buildPageQuery({ ...query, direction, after, limit: 21 }).sql);
        expect(next, JSON.stringify(query)).toMatch(/^SEARCH debt_position USING /);
        expect(next, JSON.stringify(query)).toMatch(index);
        expect(next, JSON.stringify(query)).not.toMatch(/TEMP B-TREE/);
        // the first page walks the same index from its start and stops after `limit` rows
        const first = plan(buildPageQuery({ ...query, direction, limit: 21 }).sql);
        expect(first, JSON.stringify(query)).not.toMatch(/TEMP B-TREE/);
        // (creation order is the table's own rowid order: a plain SCAN that stops early)
        if (first.startsWith('SCAN debt_position') && !first.includes('USING')) expect(query.sort).toBe('createdAt');
      }
    }
  });

  it('sorts a debtor’s few positions by amount in memory, still found through the debtor index', () => {
    const q = plan(buildPageQuery({ sort: 'amount', direction: 'asc', debtorFiscalCode: 'X', limit: 21 }).sql);
    expect(q).toMatch(/SEARCH debt_position USING INDEX debt_position_debtor \(debtor_fiscal_code=\?\)/);
    // with a status filter too, the debtor's index still wins over the (much larger) status one
    const both = plan(buildPageQuery({ sort: 'dueDate', direction: 'asc', debtorFiscalCode: 'X', status: 'VALID', limit: 21 }).sql);
    expect(both).toMatch(/SEARCH debt_position USING INDEX debt_position_debtor \(debtor_fiscal_code=\?/);
    expect(both).not.toMatch(/TEMP B-TREE/);
  });
});
