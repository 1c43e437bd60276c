import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchIpc } from './ipc.bench';
import { benchPayments, DEFAULT_BENCH_PAYMENTS } from './payments.bench';
import { benchPositions, DEFAULT_BENCH_POSITIONS } from './positions.bench';
import { benchPrint } from './print.bench';
import { benchReconciliation, DEFAULT_BENCH_FLOW_LINES } from './reconciliation.bench';
import type { BenchSection } from './section';

const BENCHES = ['ipc', 'positions', 'payments', 'reconciliation', 'print'] as const;
type BenchName = (typeof BENCHES)[number];

interface Options {
  record: boolean;
  only: BenchName[];
  positions: number;
  payments: number;
  flowLines: number;
  /** print: notices in the pdf-lib batch and in the Chromium comparison (their defaults when null) */
  notices: number | null;
  chromiumNotices: number | null;
}

function usage(message: string): never {
  console.error(`${message}\nUso: npm run bench -- [--only ipc|positions|payments|reconciliation|print[,...]] [--positions N] [--payments N] [--flow-lines N] [--notices N] [--chromium N] [--record]`);
  process.exit(2);
}

function count(flag: string, text: string | undefined): number {
  const n = Number((text ?? '').replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n < 1) usage(`Valore non valido per ${flag}: ${text ?? '(mancante)'}`);
  return n;
}

export function parseBenchArgs(argv: readonly string[]): Options {
  const options: Options = { record: false, only: [...BENCHES], positions: DEFAULT_BENCH_POSITIONS, payments: DEFAULT_BENCH_PAYMENTS, flowLines: DEFAULT_BENCH_FLOW_LINES, notices: null, chromiumNotices: null };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.includes('=') ? argv[i]!.split('=', 2) : [argv[i]!, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--record') options.record = true;
    else if (flag === '--only') {
      const names = (value() ?? '').split(',').filter(Boolean);
      const wrong = names.filter((n) => !(BENCHES as readonly string[]).includes(n));
      if (names.length === 0 || wrong.length > 0) usage(`Benchmark sconosciuto: ${wrong.join(', ') || '(nessuno)'}`);
      options.only = names as BenchName[];
    } else if (flag === '--positions') options.positions = count(flag, value());
    else if (flag === '--payments') options.payments = count(flag, value());
    else if (flag === '--flow-lines') options.flowLines = count(flag, value());
    else if (flag === '--notices') options.notices = count(flag, value());
    else if (flag === '--chromium') options.chromiumNotices = count(flag, value());
    else usage(`Opzione sconosciuta: ${flag}`);
  }
  return options;
}

function render(section: BenchSection, lines: string[]): void {
  lines.push(`### ${section.title}`, '');
  for (const [name, value] of section.facts ?? []) lines.push(`- ${name}: ${value}`);
  if (section.facts?.length) lines.push('');
  if (section.rows?.length) {
    lines.push('| benchmark | n | median | p95 | p99 |', '| --- | ---: | ---: | ---: | ---: |');
    for (const r of section.rows) {
      lines.push(`| ${r.name} | ${r.n} | ${r.medianUs.toFixed(1)} µs | ${r.p95Us.toFixed(1)} µs | ${r.p99Us.toFixed(1)} µs |`);
    }
    lines.push('');
  }
  if (section.targets?.length) {
    for (const t of section.targets) lines.push(`- ${t.met ? 'met' : '**missed**'}: ${t.name} (measured ${t.measured})`);
    lines.push('');
  }
}

/**
 * `npm run bench`: runs the benchmarks and prints a Markdown section with machine and date;
 * `--only` picks some, `--positions N` sizes the positions benchmark (default 1,000,000),
 * `--payments N` the payments one, `--flow-lines N` the reconciliation flow (default 100,000),
 * `--notices N` / `--chromium N` the print batch and its Chromium comparison; `--record` also appends the section to bench/RESULTS.md.
 */
async function main(): Promise<void> {
  const options = parseBenchArgs(process.argv.slice(2));
  // the machine may be shared: the load when the run began says how much to trust the figures
  const load = os.loadavg().map((l) => l.toFixed(2)).join(', ');
  const sections: BenchSection[] = [];
  for (const name of options.only) {
    if (name === 'ipc') sections.push({ title: 'IPC round trip through the router', rows: await benchIpc() });
    if (name === 'positions') sections.push(await benchPositions(options.positions));
    if (name === 'payments') sections.push(await benchPayments(options.payments));
    if (name === 'reconciliation') sections.push(await benchReconciliation(options.flowLines));
    if (name === 'print') {
      sections.push(
        await benchPrint({
          ...(options.notices ? { notices: options.notices } : {}),
          ...(options.chromiumNotices ? { chromiumNotices: options.chromiumNotices } : {}),
        }),
      );
    }
  }

  const cpus = os.cpus();
  const machine = `${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
  const lines = [`## ${new Date().toISOString().slice(0, 10)} — ${machine}`, '', `Load average at start: ${load}.`, ''];
  for (const section of sections) render(section, lines);
  const targets = sections.flatMap((s) => s.targets ?? []);
  if (targets.length > 0) {
    const met = targets.filter((t) => t.met);
    const missed = targets.filter((t) => !t.met);
    lines.push(
      `**Targets: ${met.length} of ${targets.length} met.**${missed.length ? ` Missed: ${missed.map((t) => `${t.name} (${t.measured})`).join('; ')}.` : ''}`,
      '',
    );
  }
  const text = lines.join('\n');
  console.log(text);
  if (options.record) {
    const file = path.join(import.meta.dirname, 'RESULTS.md');
    fs.appendFileSync(file, `\n${text}`);
    console.log(`Registrato in ${file}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
