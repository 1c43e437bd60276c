import type Database from 'better-sqlite3';
import { cached } from './statementCache';

/** Rows per statement: large enough to amortise a statement, small enough for SQLite's parameter limit. */
const ROWS_PER_STATEMENT = 50;

/**
 * Inserts many rows with multi-row `VALUES (…), (…)` statements of bound parameters: for bulk work
 * (a settlement flow's lines) several times cheaper than a statement per row, and than one over
 * json_each, which takes every value out of a JSON text again.
 *
 * `into` is the table and column list, e.g. `settlement_line (a, b)`; `row` is one row's
 * placeholders, e.g. `(?, ?)`, and may hold constants (`(7, ?)`). Each entry of `rows` binds one row.
 */
export function insertMany(db: Database.Database, verb: 'INSERT' | 'INSERT OR IGNORE', into: string, row: string, rows: ReadonlyArray<readonly unknown[]>): number {
  let changes = 0;
  const full = cached<unknown[]>(db, `${verb} INTO ${into} VALUES ${Array<string>(ROWS_PER_STATEMENT).fill(row).join(', ')}`);
  let i = 0;
  for (; i + ROWS_PER_STATEMENT <= rows.length; i += ROWS_PER_STATEMENT) {
    changes += full.run(...rows.slice(i, i + ROWS_PER_STATEMENT).flat()).changes;
  }
  if (i < rows.length) {
    const rest = rows.slice(i);
    changes += cached<unknown[]>(db, `${verb} INTO ${into} VALUES ${Array<string>(rest.length).fill(row).join(', ')}`).run(...rest.flat()).changes;
  }
  return changes;
}
