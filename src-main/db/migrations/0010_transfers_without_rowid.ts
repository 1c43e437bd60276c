import type { Database } from 'better-sqlite3';
import type { Migration } from './types';

/**
 * `transfer` and `reported_transfer` become WITHOUT ROWID tables, clustered on their primary keys
 * ((option_id, transfer_index) and (receipt_row, transfer_index)). Both are only ever read through
 * that key: as rowid tables every read searched the key's index and then the table, and every
 * insert wrote both. Reconciliation reads one transfer and one reported transfer per flow line and
 * writes one reported transfer per matched line; the payment path reads an option's transfers.
 * Columns and constraints are unchanged: each table is rebuilt from its own CREATE text.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'transfers_without_rowid',
  up(db) {
    // a view naming a table stops the rename that ends the rebuild: views go, and come back as they were
    const views = db.prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_schema WHERE type = 'view' ORDER BY rowid").all();
    for (const view of views) db.exec(`DROP VIEW ${view.name}`);
    rebuildWithoutRowid(db, 'transfer', 'option_id, transfer_index');
    rebuildWithoutRowid(db, 'reported_transfer', 'receipt_row, transfer_index');
    for (const view of views) db.exec(view.sql);
  },
};

/**
 * Neither table is the parent of a foreign key, so dropping the old one (foreign keys are on during
 * migrations) deletes nothing elsewhere and checks nothing.
 */
function rebuildWithoutRowid(db: Database, table: string, primaryKey: string): void {
  const created = db.prepare<[string], { sql: string }>("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table);
  if (!created || !/^CREATE TABLE \w+ \(/.test(created.sql) || !/\)\s*STRICT$/.test(created.sql)) {
    throw new Error(`Migration 0010: unexpected definition of ${table}`);
  }
  const indexes = db.prepare<[string], { sql: string }>("SELECT sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").all(table);
  const rebuilt = `${table}_rebuilt`;
  db.exec(created.sql.replace(/^CREATE TABLE \w+ \(/, `CREATE TABLE ${rebuilt} (`).replace(/STRICT$/, 'STRICT, WITHOUT ROWID'));
  db.exec(`INSERT INTO ${rebuilt} SELECT * FROM ${table} ORDER BY ${primaryKey}`);
  db.exec(`DROP TABLE ${table}`);
  db.exec(`ALTER TABLE ${rebuilt} RENAME TO ${table}`);
  for (const index of indexes) db.exec(index.sql);
}
