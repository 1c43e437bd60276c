import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodoMigration0001 } from '../../../../src-main/nodo/db/migrations/0001_onboarding';

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  nodoMigration0001.up(db);
});
afterEach(() => db.close());

const at = '2026-11-22T09:00:00.000Z';
const EC = '80215430580';

function insertEc(fiscalCode = EC) {
  db.prepare(
    `INSERT INTO ec (fiscal_code, name, address, city, province, postal_code, broker_fiscal_code, registered_at, updated_at)
     VALUES (?, 'Comune', 'Via 1', 'Roma', 'RM', '00100', ?, ?, ?)`,
  ).run(fiscalCode, fiscalCode, at, at);
}

function insertStation(code: string, broker = EC) {
  db.prepare(
    `INSERT INTO station (code, broker_fiscal_code, primitive_version, protocol, host, port, path, password_hash,
       timeout_verify_ms, timeout_get_payment_ms, timeout_send_receipt_ms, flag_stand_in, state, created_at, updated_at)
     VALUES (?, ?, 2, 'https', 'h', 443, '/', 'x:y', 1000, 1000, 1000, 0, 'In revisione', ?, ?)`,
  ).run(code, broker, at, at);
}

describe('nodo migration 0001: onboarding', () => {
  it('creates STRICT tables', () => {
    const tables = db.prepare<[], { name: string; strict: number }>("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'").all();
    expect(tables.map((t) => t.name).sort()).toEqual(['api_key', 'ec', 'ec_iban', 'station', 'station_ec']);
    expect(tables.every((t) => t.strict === 1)).toBe(true);
  });

  it('defaults a new EC to collaudo and keeps station codes tied to their broker', () => {
    insertEc();
    expect(db.prepare('SELECT environment FROM ec').get()).toEqual({ environment: 'collaudo' });
    insertStation(`${EC}_01`);
    expect(() => insertStation('00743110157_01')).toThrow(/CHECK constraint failed/);
    expect(() => insertStation(`${EC}_1`)).toThrow(/CHECK constraint failed/);
  });

  it('routes each EC + segregation code to one station only', () => {
    insertEc();
    insertStation(`${EC}_01`);
    insertStation(`${EC}_02`);
    const link = db.prepare("INSERT INTO station_ec (station_code, ec_fiscal_code, aux_digit, segregation_code, broadcast) VALUES (?, ?, 3, ?, 0)");
    link.run(`${EC}_01`, EC, '01');
    expect(() => link.run(`${EC}_02`, EC, '01')).toThrow(/UNIQUE constraint failed/);
    expect(() => link.run(`${EC}_02`, '00743110157', '02')).toThrow(/FOREIGN KEY constraint failed/);
  });

  it('stores API keys only as 64-character hashes, unique across ECs and products', () => {
    insertEc();
    const put = db.prepare("INSERT INTO api_key (ec_fiscal_code, product, slot, key_hash, created_at) VALUES (?, ?, ?, ?, ?)");
    put.run(EC, 'nodauth', 'primary', 'a'.repeat(64), at);
    expect(() => put.run(EC, 'gpd', 'primary', 'a'.repeat(64), at)).toThrow(/UNIQUE constraint failed/);
    expect(() => put.run(EC, 'gpd', 'primary', 'clear-key', at)).toThrow(/CHECK constraint failed/);
    expect(() => put.run(EC, 'unknown', 'primary', 'b'.repeat(64), at)).toThrow(/CHECK constraint failed/);
  });
});
