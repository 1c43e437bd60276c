/** Percentiles over nanosecond samples, reported in microseconds. */
export function summarise(samplesNs: bigint[]): { n: number; medianUs: number; p95Us: number; p99Us: number; meanUs: number } {
  const sorted = [...samplesNs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const at = (q: number): number => Number(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!) / 1000;
  const total = sorted.reduce((sum, v) => sum + v, 0n);
  return { n: sorted.length, medianUs: at(0.5), p95Us: at(0.95), p99Us: at(0.99), meanUs: Number(total / BigInt(sorted.length)) / 1000 };
}

export async function measure(iterations: number, warmup: number, fn: () => Promise<unknown>): Promise<bigint[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: bigint[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(process.hrtime.bigint() - start);
  }
  return samples;
}
