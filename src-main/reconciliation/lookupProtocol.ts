import type { MessagePort } from 'node:worker_threads';
import type { StatusSnapshotRow } from '../positions/positionRepository';
import type { LookupRow } from './lineLookup';

/** What the import's thread hands the lookup worker at its start. */
export interface LookupWorkerStart {
  dbFile: string;
  /** the port the worker answers on: the import takes each answer synchronously (receiveMessageOnPort) */
  answers: MessagePort;
  /** counts the answers posted, so the import can sleep (Atomics.wait) until the next one */
  posted: SharedArrayBuffer;
}

/**
 * - lookup: a flow's lines, chunk by chunk (each as `lookupArgument`);
 * - reported: what a chunk of that flow reported ([receipt row, transfer index]) and the
 *   positions it may have completed, whose status snapshots the import wants;
 * - checkpoint: after the import committed, the copy of its write-ahead log into the database file.
 */
export type LookupRequest =
  | { type: 'lookup'; id: number; chunks: ReadonlyArray<{ argument: string; count: number }> }
  | { type: 'reported'; id: number; chunk: number; pairs: Array<[number, number]>; positionIds: number[] }
  | { type: 'checkpoint'; id: number };

export type LookupAnswer =
  | { id: number; kind: 'lookup'; chunk: number; rows: LookupRow[] }
  | { id: number; kind: 'snapshots'; chunk: number; rows: StatusSnapshotRow[] }
  | { id: number; kind: 'lookup' | 'snapshots'; chunk: number; error: string };

/** Posted on the worker's own channel once its connection is open (or could not be). */
export type LookupWorkerState = { type: 'ready' } | { type: 'failed'; error: string };

/** Posted on the worker's own channel after a checkpoint (`ms` null: it failed). */
export interface CheckpointDone {
  type: 'checkpointed';
  id: number;
  ms: number | null;
}
