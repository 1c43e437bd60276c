import type Database from 'better-sqlite3';

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * Prepares each SQL text once per connection: compiling a statement costs more than running most
 * of ours, and repositories run the same few statements on every IPC call.
 *
 * One trap keeps a cached statement from staying compiled. With SQLite 3.54, a statement that has a
 * `column = ?` term and an ORDER BY (or a join) asks to be compiled again whenever that parameter is
 * unbound, and better-sqlite3 unbinds after every run: such a statement is parsed and planned anew
 * each time (two to three times the cost of a key lookup). The lookups on the payment path fetch
 * their few rows without ORDER BY and sort them in JS.
 */
export function cached<P extends unknown[] | object = unknown[], R = unknown>(db: Database.Database, sql: string): Database.Statement<P, R> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement as unknown as Database.Statement<P, R>;
}
