import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../../src-main/db/migrations';
import { migration0007 } from '../../../../src-main/db/migrations/0007_notice_channels';

let db: Database.Database;
const AT = '2026-11-22T09:00:00.000Z';
beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  for (const m of migrations.slice(0, 6)) m.up(db);
  db.prepare(
    "INSERT INTO ec_profile (id, name, fiscal_code, segregation_code, created_at, updated_at) VALUES (1, 'Comune di Test', '80012345676', '01', ?, ?)",
  ).run(AT, AT);
  // settings saved before 0007, with the EC's own "where to pay" texts
  db.prepare(
    "INSERT INTO ec_notice_settings (ec_id, sector, cbill, where_to_pay_online, where_to_pay_physical, updated_at) VALUES (1, 'Tributi', 'A0EDT', 'sul nostro sito', 'allo sportello', ?)",
  ).run(AT);
});
afterEach(() => db.close());

describe('migration 0007: notice channels', () => {
  it('is version 7 and keeps the rest of the settings, the table still STRICT', () => {
    expect(migration0007.version).toBe(7);
    expect(migrations[6]).toBe(migration0007);
    migration0007.up(db);
    expect(db.prepare('SELECT sector, cbill, online_channel, physical_channel, version FROM ec_notice_settings').get()).toEqual({
      sector: 'Tributi',
      cbill: 'A0EDT',
      online_channel: 'none',
      physical_channel: '',
      version: 1,
    });
    const columns = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('ec_notice_settings')").all().map((c) => c.name);
    expect(columns).not.toContain('where_to_pay_online');
    expect(columns).not.toContain('where_to_pay_physical');
    expect(db.prepare<[], { strict: number }>("SELECT strict FROM pragma_table_list WHERE name = 'ec_notice_settings'").get()?.strict).toBe(1);
  });

  it('takes only the guideline’s online choices and a counter of at most 50 characters', () => {
    migration0007.up(db);
    const set = (col: string, value: string) => db.prepare(`UPDATE ec_notice_settings SET ${col} = ?`).run(value);
    for (const ok of ['none', 'site', 'app', 'siteOrApp']) set('online_channel', ok);
    expect(() => set('online_channel', 'sul sito')).toThrow(/CHECK constraint failed/);
    set('physical_channel', 'P'.repeat(50));
    expect(() => set('physical_channel', 'P'.repeat(51))).toThrow(/CHECK constraint failed/);
  });
});
