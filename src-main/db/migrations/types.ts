import type { Database } from 'better-sqlite3';

export interface Migration {
  /** equals the `user_version` the database has after this migration */
  version: number;
  name: string;
  /**
   * 'off' for a migration that rebuilds a table others reference (see rebuildTable): it runs with
   * foreign keys off, and commits only if `foreign_key_check` then finds nothing
   */
  foreignKeys?: 'off';
  up(db: Database): void;
}
