import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodoMigration0001 } from '../../../../src-main/nodo/db/migrations/0001_onboarding';
import { nodoMigration0002 } from '../../../../src-main/nodo/db/migrations/0002_payments';

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  nodoMigration0001.up(db);
  nodoMigration0002.up(db);
});
afterEach(() => db.close());

const at = '2026-11-22T09:00:00.000Z';
const NOTICE = '301000000000000144';

function token(t: string, status: string, notice = NOTICE) {
  return db
    .prepare(
      `INSERT INTO payment_token (token, ec_fiscal_code, notice_number, station_code, id_psp, id_channel, amount, payment_method, touch_point,
         status, payment_data, activated_at, expires_at)
       VALUES (?, '80215430580', ?, '80215430580_01', 'P', 'C', 100, 'carta', 'CHECKOUT', ?, '{}', ?, ?)`,
    )
    .run(t, notice, status, at, at);
}

describe('nodo migration 0002: payments', () => {
  it('creates STRICT tables', () => {
    const tables = db.prepare<[], { name: string; strict: number }>("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'").all();
    expect(tables.filter((t) => t.strict !== 1)).toEqual([]);
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['payment_token', 'idempotency_key', 'receipt', 'receipt_delivery', 'receipt_transfer', 'sim_state']));
  });

  it('allows one live token and one paid token per notice, any number of closed ones', () => {
    token('a'.repeat(32), 'ACTIVE');
    expect(() => token('b'.repeat(32), 'ACTIVE')).toThrow(/UNIQUE constraint failed/);
    token('c'.repeat(32), 'EXPIRED');
    token('d'.repeat(32), 'KO');
    token('e'.repeat(32), 'PAID');
    expect(() => token('f'.repeat(32), 'PAID')).toThrow(/UNIQUE constraint failed/);
    expect(() => db.prepare("UPDATE payment_token SET status = 'PAID' WHERE token = ?").run('a'.repeat(32))).toThrow(/UNIQUE constraint failed/);
    expect(() => token('g'.repeat(31), 'KO')).toThrow(/CHECK constraint failed/);
  });

  it('keeps receipts, deliveries and transfers tied to their token', () => {
    expect(() =>
      db.prepare("INSERT INTO receipt (receipt_id, ec_fiscal_code, notice_number, id_psp, payment_amount, fee, payment_date_time, payment_day, body) VALUES (?, 'x', 'n', 'p', 1, 0, ?, '2026-11-22', '{}')").run('z'.repeat(32), at),
    ).toThrow(/FOREIGN KEY constraint failed/);
    token('a'.repeat(32), 'PAID');
    db.prepare("INSERT INTO receipt (receipt_id, ec_fiscal_code, notice_number, id_psp, payment_amount, fee, payment_date_time, payment_day, body) VALUES (?, 'x', 'n', 'p', 1, 0, ?, '2026-11-22', '{}')").run('a'.repeat(32), at);
    const delivery = db.prepare("INSERT INTO receipt_delivery (receipt_id, ec_fiscal_code, status, next_attempt_at) VALUES (?, ?, 'PENDING', ?)");
    delivery.run('a'.repeat(32), '80215430580', at);
    expect(() => delivery.run('a'.repeat(32), '80215430580', at)).toThrow(/UNIQUE constraint failed/);
    expect(() => db.prepare("INSERT INTO sim_state (key, value) VALUES ('rng', 'not json')").run()).toThrow(/CHECK constraint failed/);
  });
});
