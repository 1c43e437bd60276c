/**
 * Throughput probe for the mock Nodo (not a test): end-to-end payments (verify, activate, PSP
 * outcome, receipt delivered to an in-memory EC) on a fresh nodo.db with synchronous=FULL.
 *   node --import tsx test/integration/nodo/support/throughput.ts [payments] [concurrency]
 */
import { performance } from 'node:perf_hooks';
import { createHarness, notice, payNotice, type Harness } from './harness';

async function pay(h: Harness, from: number, count: number, concurrency: number): Promise<number> {
  for (let i = from; i < from + count; i++) h.ec.addPosition(notice(i), 1_000 + i);
  const t0 = performance.now();
  for (let i = from; i < from + count; i += concurrency) {
    const size = Math.min(concurrency, from + count - i);
    const results = await Promise.all(Array.from({ length: size }, (_, k) => payNotice(h, notice(i + k), 1_000 + i + k)));
    for (const r of results) if (r.step !== 'pay' || r.payment.outcome !== 'OK') throw new Error(JSON.stringify(r));
  }
  return ((count / (performance.now() - t0)) * 1000);
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 3000);
  const concurrency = Number(process.argv[3] ?? 50);
  const h = await createHarness();
  try {
    console.log(`sequenziale: ${(await pay(h, 1, count, 1)).toFixed(0)} pagamenti/s`);
    console.log(`${concurrency} in parallelo: ${(await pay(h, count + 1, count, concurrency)).toFixed(0)} pagamenti/s`);
  } finally {
    await h.close();
  }
}

void main();
