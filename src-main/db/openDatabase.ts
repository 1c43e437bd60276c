import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../src-shared/errors';
import type { Clock } from '../platform/clock';
import { migrations as allMigrations } from './migrations';
import type { Migration } from './migrations/types';

export type Db = Database.Database;

export interface OpenDatabaseOptions {
  file: string;
  /** where the pre-migration copy goes */
  backupDir: string;
  clock: Clock;
  migrations?: readonly Migration[];
}

export const DATABASE_FILE_NAME = 'sportello.db';

/**
 * Opens the one database file: an integrity check first (read-only, so a damaged file is never
 * written to), then WAL + foreign keys + synchronous=FULL, then pending migrations after a backup.
 */
export function openDatabase(options: OpenDatabaseOptions): Db {
  const migrations = options.migrations ?? allMigrations;
  if (fs.existsSync(options.file) && fs.statSync(options.file).size > 0) {
    // both checks read-only: a damaged file, or one from a newer app, is never written to
    assertIntact(options.file, migrations.length);
  }
  const db = new Database(options.file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // every table here may hold money or its audit trail: durability over speed
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    // 64 MiB of page cache instead of SQLite's 2 MiB: a counter's lookups and a flow's matching touch
    // index pages all over a database of a million positions
    db.pragma('cache_size = -65536');
    // reads through a memory map of the file, without copying each page into SQLite's cache
    db.pragma('mmap_size = 1073741824');
    migrate(db, migrations, { backupDir: options.backupDir, clock: options.clock });
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Which check a start runs. `integrity_check` also proves every index matches its table, and grows
 * with the indexes: 12 s for a database of a million positions, at every start. `quick_check` reads
 * every page and record (what a failing disk or a torn write damages) in a tenth of that. The full
 * check runs when a migration is about to rewrite the schema, before its backup is taken.
 */
export function startupCheck(version: number, latestVersion: number): 'integrity_check' | 'quick_check' {
  return version < latestVersion ? 'integrity_check' : 'quick_check';
}

function assertIntact(file: string, latestVersion: number): void {
  let probe: Database.Database | undefined;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true });
    const version = schemaVersion(probe);
    if (version > latestVersion) throw new AppError('DB_NEWER_VERSION');
    const check = startupCheck(version, latestVersion);
    const rows = probe.pragma(check) as Array<Record<string, string>>;
    const problems = rows.map((r) => r[check]!).filter((r) => r !== 'ok');
    if (problems.length > 0) {
      throw new AppError('DB_DAMAGED', {
        message: `Il database dei dati è danneggiato (${problems.slice(0, 3).join('; ')}). Nessuna modifica è stata fatta: ripristina l’ultima copia di sicurezza.`,
      });
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('DB_DAMAGED', {
      message: `Il file del database non è leggibile (${(error as Error).message}). Nessuna modifica è stata fatta: ripristina l’ultima copia di sicurezza.`,
    });
  } finally {
    probe?.close();
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(
  db: Db,
  migrations: readonly Migration[],
  options: { backupDir: string; clock: Clock },
): { from: number; to: number; backupFile: string | null } {
  const from = schemaVersion(db);
  const latest = migrations.length;
  if (from > latest) throw new AppError('DB_NEWER_VERSION');
  if (from === latest) return { from, to: from, backupFile: null };

  let backupFile: string | null = null;
  if (from > 0) {
    fs.mkdirSync(options.backupDir, { recursive: true });
    const stamp = options.clock.now().toISOString().replace(/[:.]/g, '-');
    backupFile = path.join(options.backupDir, `sportello-v${from}-${stamp}.db`);
    db.prepare('VACUUM INTO ?').run(backupFile);
  }
  for (const migration of migrations.slice(from)) {
    if (migration.version !== schemaVersion(db) + 1) {
      throw new Error(`Migration ${migration.name} has version ${migration.version}, expected ${schemaVersion(db) + 1}`);
    }
    if (migration.foreignKeys === 'off') runWithoutForeignKeys(db, migration);
    else
      db.transaction(() => {
        migration.up(db);
        db.pragma(`user_version = ${migration.version}`);
      })();
  }
  return { from, to: latest, backupFile };
}

/**
 * The foreign_keys pragma is a no-op inside a transaction: it is turned off before and back on
 * after, whatever happens. The migration commits only if every reference still resolves.
 */
function runWithoutForeignKeys(db: Db, migration: Migration): void {
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      migration.up(db);
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) throw new Error(`Migration ${migration.name} leaves ${broken.length} broken references`);
      db.pragma(`user_version = ${migration.version}`);
    })();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}
