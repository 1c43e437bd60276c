import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WriteBatcher } from '../../../src-main/db/writeBatcher';

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.exec('CREATE TABLE t (v INTEGER NOT NULL UNIQUE) STRICT');
});
afterEach(() => db.close());

describe('WriteBatcher (group commit)', () => {
  it('commits steps queued together in one transaction, each isolated by a savepoint', async () => {
    const batcher = new WriteBatcher(db);
    const insert = (v: number) => () => {
      db.prepare('INSERT INTO t (v) VALUES (?)').run(v);
      db.prepare('INSERT INTO t (v) VALUES (?)').run(v + 100);
      return v;
    };
    const results = await Promise.allSettled([
      batcher.run(insert(1)),
      batcher.run(() => {
        db.prepare('INSERT INTO t (v) VALUES (2)').run();
        db.prepare('INSERT INTO t (v) VALUES (1)').run(); // duplicate: this step fails
      }),
      batcher.run(insert(3)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(results[0]).toEqual({ status: 'fulfilled', value: 1 });
    // the failed step left nothing behind, not even its first insert
    expect(db.prepare('SELECT v FROM t ORDER BY v').pluck().all()).toEqual([1, 3, 101, 103]);
  });

  it('lets a later step see what an earlier step of the same batch wrote', async () => {
    const batcher = new WriteBatcher(db);
    const [a, b] = await Promise.all([
      batcher.run(() => db.prepare('INSERT INTO t (v) VALUES (7)').run().changes),
      batcher.run(() => db.prepare('SELECT count(*) FROM t').pluck().get()),
    ]);
    expect([a, b]).toEqual([1, 1]);
  });

  it('splits very large batches and flushes on demand', async () => {
    const batcher = new WriteBatcher(db, 2);
    const all = Promise.all([1, 2, 3, 4, 5].map((v) => batcher.run(() => db.prepare('INSERT INTO t (v) VALUES (?)').run(v))));
    batcher.flush();
    await all;
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(5);
  });
});
