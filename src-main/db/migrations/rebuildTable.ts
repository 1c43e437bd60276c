import type { Database } from 'better-sqlite3';

/**
 * SQLite cannot alter a table's constraints or storage: the table is made anew from its own CREATE
 * text, changed by `change`, and its rows copied over (in `orderBy`, the new table's key order).
 * Its indexes and triggers are created again as they were. Views are dropped first and come back
 * after: a view naming the table would stop the final rename.
 *
 * A table other tables reference (a parent) must be rebuilt by a migration that runs with foreign
 * keys off (`foreignKeys: 'off'`): with them on, dropping the old table would delete its children.
 */
export function rebuildTable(db: Database, table: string, change: (createSql: string) => string, orderBy: string): void {
  const created = db.prepare<[string], { sql: string }>("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table);
  if (!created) throw new Error(`rebuildTable: no table ${table}`);
  const children = db
    .prepare<[string], { name: string }>("SELECT m.name FROM sqlite_schema m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table' AND f.\"table\" = ?")
    .all(table);
  if (children.length > 0 && db.pragma('foreign_keys', { simple: true }) === 1) {
    throw new Error(`rebuildTable: ${table} is referenced by ${children.map((c) => c.name).join(', ')}; rebuild it with foreign keys off`);
  }
  const changed = change(created.sql);
  const head = /^CREATE TABLE "?\w+"? \(/;
  if (changed === created.sql || !head.test(changed)) throw new Error(`rebuildTable: the definition of ${table} was not changed as expected`);
  const dependents = db
    .prepare<[string], { sql: string }>("SELECT sql FROM sqlite_schema WHERE type IN ('index', 'trigger') AND tbl_name = ? AND sql IS NOT NULL ORDER BY rowid")
    .all(table);
  const views = db.prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_schema WHERE type = 'view' ORDER BY rowid").all();
  for (const view of views) db.exec(`DROP VIEW "${view.name}"`);
  const rebuilt = `${table}_rebuilt`;
  db.exec(changed.replace(head, `CREATE TABLE ${rebuilt} (`));
  db.exec(`INSERT INTO ${rebuilt} SELECT * FROM "${table}" ORDER BY ${orderBy}`);
  db.exec(`DROP TABLE "${table}"`);
  db.exec(`ALTER TABLE ${rebuilt} RENAME TO "${table}"`);
  for (const { sql } of dependents) db.exec(sql);
  for (const view of views) db.exec(view.sql);
}

/** `text` with `from` replaced by `to`, where `from` must occur exactly once. */
export function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`replaceOnce: «${from}» must occur exactly once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}
