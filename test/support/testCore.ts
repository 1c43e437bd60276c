import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../src-main/core/createCore';
import type { DocumentDelivery } from '../../src-main/delivery/documentDelivery';
import type { Db } from '../../src-main/db/openDatabase';
import { ManualClock } from '../../src-main/platform/clock';
import { silentLogger } from '../../src-main/platform/logger';
import type { EventName, EventPayload } from '../../src-shared/ipc/events';
import { InMemoryKeyStore } from './inMemoryKeyStore';

export function tempDir(prefix = 'sportello-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TestCore {
  core: Core;
  clock: ManualClock;
  dataDir: string;
  /** the vault's key store: tests can make it fail or lose its key */
  keyStore: InMemoryKeyStore;
  events: Array<{ windowId: string; event: EventName; payload: EventPayload<EventName> }>;
  invoke(windowId: string, channel: unknown, input?: unknown): ReturnType<Core['router']['invoke']>;
  close(): Promise<void>;
}

/** A core on a fresh data dir with a hand-driven clock (10:00 Rome time on 22/11/2026 by default). */
export async function createTestCore(
  options: {
    demo?: boolean;
    demoPayer?: boolean;
    dataDir?: string;
    clock?: ManualClock;
    idleTimeoutMinutes?: number;
    delivery?: DocumentDelivery;
    /** reconciliation's lookup worker thread: off unless a test is about it */
    lookupThread?: boolean;
  } = {},
): Promise<TestCore> {
  const dataDir = options.dataDir ?? tempDir();
  const clock = options.clock ?? new ManualClock('2026-11-22T09:00:00.000Z');
  const keyStore = new InMemoryKeyStore();
  const core = await createCore(
    // the demo citizen's notices would upset suites that count positions: only on request
    { dataDir, demo: options.demo ?? false, demoPayer: options.demoPayer ?? false, idleTimeoutMinutes: options.idleTimeoutMinutes ?? 15, lookupThread: options.lookupThread ?? false },
    { clock, logger: silentLogger, keyStore, ...(options.delivery ? { delivery: options.delivery } : {}) },
  );
  const events: TestCore['events'] = [];
  core.setEventSink((windowId, event, payload) => events.push({ windowId, event, payload }));
  return {
    core,
    clock,
    dataDir,
    keyStore,
    events,
    invoke: (windowId, channel, input) => core.router.invoke({ windowId }, channel, input),
    close: () => core.close(),
  };
}

export const demoAdmin = { username: 'referente.pagamenti@comune-test.it', password: 'Pagamenti2026!' };
export const demoOperator = { username: 'referente.tecnico@comune-test.it', password: 'Tecnico2026!' };

/** Every row of every table plus the schema version: equal dumps mean nothing was written. */
export function dumpDatabase(db: Db): string {
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all();
  const dump: Record<string, unknown> = { user_version: db.pragma('user_version', { simple: true }) };
  for (const { name } of tables) dump[name] = db.prepare(`SELECT * FROM "${name}" ORDER BY ${storageOrder(db, name)}`).all();
  return JSON.stringify(dump);
}

/** rowid, or the primary key of a WITHOUT ROWID table (which has no rowid). */
function storageOrder(db: Db, table: string): string {
  const key = db
    .prepare<[string, string], { name: string }>('SELECT name FROM pragma_table_info(?) WHERE pk > 0 AND (SELECT wr FROM pragma_table_list WHERE name = ?) = 1 ORDER BY pk')
    .all(table, table)
    .map((c) => `"${c.name}"`);
  return key.length > 0 ? key.join(', ') : 'rowid';
}
