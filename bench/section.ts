import type { BenchRow } from './ipc.bench';

/** A target a benchmark checks, e.g. "find by IUV: p99 < 1 ms". */
export interface BenchTarget {
  name: string;
  met: boolean;
  /** the measured value, as printed */
  measured: string;
}

/** What one benchmark reports: latency rows, plain facts (times, sizes, rates) and its targets. */
export interface BenchSection {
  title: string;
  facts?: Array<[string, string]>;
  rows?: BenchRow[];
  targets?: BenchTarget[];
}

export function rowOf(name: string, s: { n: number; medianUs: number; p95Us: number; p99Us: number }): BenchRow {
  return { name, n: s.n, medianUs: s.medianUs, p95Us: s.p95Us, p99Us: s.p99Us };
}

/** Synchronous timing: the code paths measured here are synchronous, and an await would add noise. */
export function measureSync(iterations: number, warmup: number, fn: (i: number) => unknown): bigint[] {
  for (let i = 0; i < warmup; i++) fn(i);
  const samples: bigint[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    fn(warmup + i);
    samples.push(process.hrtime.bigint() - start);
  }
  return samples;
}

const it = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
export const formatInt = (n: number): string => it.format(n);

/** Progress on stderr, so the Markdown on stdout stays clean. */
export function note(text: string): void {
  process.stderr.write(`${text}\n`);
}
