import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchPrint, type BenchSection } from './print.bench';

/**
 * `npx tsx bench/print.run.ts [--notices N] [--chromium N] [--record]`: the print benchmark alone, as
 * Markdown; --record appends it to bench/RESULTS-print.md.
 */
export function sectionMarkdown(section: BenchSection): string {
  const lines = [`### ${section.title}`, ''];
  if (section.facts?.length) {
    lines.push('| | |', '| --- | --- |', ...section.facts.map(([k, v]) => `| ${k} | ${v} |`), '');
  }
  if (section.rows?.length) {
    lines.push('| benchmark | n | median | p95 | p99 |', '| --- | ---: | ---: | ---: | ---: |');
    for (const r of section.rows) lines.push(`| ${r.name} | ${r.n} | ${r.medianUs.toFixed(1)} µs | ${r.p95Us.toFixed(1)} µs | ${r.p99Us.toFixed(1)} µs |`);
    lines.push('');
  }
  if (section.targets?.length) {
    lines.push('| target | measured | met |', '| --- | --- | --- |', ...section.targets.map((t) => `| ${t.name} | ${t.measured} | ${t.met ? 'yes' : '**no**'} |`), '');
  }
  return lines.join('\n');
}

function arg(name: string): number | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : undefined;
}

async function main(): Promise<void> {
  const notices = arg('--notices');
  const chromiumNotices = arg('--chromium');
  const section = await benchPrint({ ...(notices ? { notices } : {}), ...(chromiumNotices ? { chromiumNotices } : {}) });
  const cpus = os.cpus();
  const machine = `${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
  const text = [`## ${new Date().toISOString().slice(0, 10)} — ${machine}`, '', `Load average at start: ${os.loadavg().map((l) => l.toFixed(2)).join(', ')} (shared machine: other engineers' builds and tests were running).`, '', sectionMarkdown(section)].join('\n');
  console.log(text);
  if (process.argv.includes('--record')) {
    const file = path.join(__dirname, 'RESULTS-print.md');
    fs.appendFileSync(file, `\n${text}`);
    console.log(`Registrato in ${file}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
