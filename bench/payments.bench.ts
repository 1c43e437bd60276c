import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../src-main/core/createCore';
import { silentLogger } from '../src-main/platform/logger';
import { onboardForSimulation, seedPositions, simulatePayments, type SimulationResult } from '../src-main/simulation';
import { formatInt, note, type BenchSection, type BenchTarget } from './section';

export const DEFAULT_BENCH_PAYMENTS = 10_000;
const SEQUENTIAL_SHARE = 0.25;
const CONCURRENCY = 50;
const TARGET_PER_SECOND = 1_000;

interface Run {
  label: string;
  concurrency: number;
  result: SimulationResult;
  cpuUsPerPayment: number;
}

/**
 * End-to-end payments as PSPs make them (verify, offers, activation, outcome, receipt delivered to
 * the EC station and stored), through the core's mock Nodo and EC station with their durable writes
 * (synchronous=FULL, as openDatabase sets it): once one at a time, once 50 in flight.
 */
export async function benchPayments(count = DEFAULT_BENCH_PAYMENTS): Promise<BenchSection> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-bench-payments-'));
  const core = await createCore({ dataDir, demo: true }, { logger: silentLogger });
  try {
    const sequential = Math.max(100, Math.round(count * SEQUENTIAL_SHARE));
    await onboardForSimulation(core);
    // positions with room to spare: a plan offers one notice per run, and some are rate uniche
    note(`payments: seeding ${formatInt(count * 2)} positions…`);
    seedPositions(core, { count: count * 2, seed: 11 });
    const runs: Run[] = [];
    for (const [label, n, concurrency, seed] of [
      ['sequential', sequential, 1, 21],
      [`${CONCURRENCY} in flight`, count, CONCURRENCY, 22],
    ] as const) {
      note(`payments: ${formatInt(n)} ${label}…`);
      const cpu = process.cpuUsage();
      const result = await simulatePayments(core, { count: n, concurrency, seed });
      const used = process.cpuUsage(cpu);
      runs.push({ label, concurrency, result, cpuUsPerPayment: (used.user + used.system) / n });
      if (!result.consistency.ok) throw new Error(`bench: consistency check failed: ${result.consistency.problems.slice(0, 3).join(' ')}`);
    }
    // the target is for PSP traffic as it comes, many payments in flight; one at a time the rate
    // is bound by the disk's flushes (several durable commits per payment) and is reported only
    const targets: BenchTarget[] = runs.filter((r) => r.concurrency > 1).map((r) => ({
      name: `payments ${r.label}: >= ${formatInt(TARGET_PER_SECOND)}/s`,
      met: r.result.paymentsPerSecond >= TARGET_PER_SECOND,
      measured: `${formatInt(r.result.paymentsPerSecond)}/s`,
    }));
    return {
      title: 'Payments end to end through the mock Nodo (durable writes)',
      facts: runs.map((r) => [
        `${r.label} (concurrency ${r.concurrency})`,
        `${formatInt(r.result.paymentsPerSecond)} payments/s — ${formatInt(r.result.ok)} of ${formatInt(r.result.attempted)} OK in ${(r.result.elapsedMs / 1000).toFixed(1)} s, ` +
          `CPU ${formatInt(r.cpuUsPerPayment)} µs per payment (incl. the final consistency check), ` +
          `receipts at the EC ${formatInt(r.result.consistency.receiptsAtEc)}, consistency ${r.result.consistency.ok ? 'OK' : 'FAILED'}`,
      ]),
      targets,
    };
  } finally {
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
