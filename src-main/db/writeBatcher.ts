import type { Db } from './openDatabase';

interface Job {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit. With synchronous=FULL every commit waits for the disk; concurrent payments each
 * committing alone would be limited by fsyncs, not by work. Steps queued in the same turn of the
 * event loop run in one transaction, each inside its own savepoint, so a step that throws rolls back
 * only its own writes and the others still commit. A step's promise settles only after the commit,
 * so nobody acts on data that is not yet durable. A lone step costs one setImmediate more. The batch
 * begins IMMEDIATE: it holds the write lock before its first read, so another process on the same
 * file (a CLI job) cannot slip a write between a step's check and its write.
 */
export class WriteBatcher {
  private queue: Job[] = [];
  private scheduled = false;

  constructor(
    private readonly db: Db,
    private readonly maxBatch = 500,
  ) {}

  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Runs whatever is queued now (also used before closing). */
  flush(): void {
    this.scheduled = false;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
      try {
        this.db
          .transaction(() => {
            for (const job of batch) {
              try {
                // a nested transaction is a savepoint in better-sqlite3
                outcomes.push({ ok: true, value: this.db.transaction(job.work)() });
              } catch (error) {
                outcomes.push({ ok: false, error });
              }
            }
          })
          .immediate();
      } catch (error) {
        // the commit itself failed: nothing of the batch is stored
        for (const job of batch) job.reject(error);
        continue;
      }
      batch.forEach((job, i) => {
        const o = outcomes[i]!;
        if (o.ok) job.resolve(o.value);
        else job.reject(o.error);
      });
    }
  }
}
