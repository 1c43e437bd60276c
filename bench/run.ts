import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchIpc, type BenchRow } from './ipc.bench';

/**
 * `npm run bench`: runs every benchmark and prints a Markdown section with machine and date;
 * `npm run bench -- --record` also appends it to bench/RESULTS.md.
 */
async function main(): Promise<void> {
  const record = process.argv.includes('--record');
  const sections: Array<{ title: string; rows: BenchRow[] }> = [];
  sections.push({ title: 'IPC round trip through the router', rows: await benchIpc() });

  const cpus = os.cpus();
  const machine = `${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
  const lines = [`## ${new Date().toISOString().slice(0, 10)} — ${machine}`, ''];
  for (const section of sections) {
    lines.push(`### ${section.title}`, '', '| benchmark | n | median | p95 | p99 |', '| --- | ---: | ---: | ---: | ---: |');
    for (const r of section.rows) {
      lines.push(`| ${r.name} | ${r.n} | ${r.medianUs.toFixed(1)} µs | ${r.p95Us.toFixed(1)} µs | ${r.p99Us.toFixed(1)} µs |`);
    }
    lines.push('');
  }
  const text = lines.join('\n');
  console.log(text);
  if (record) {
    const file = path.join(import.meta.dirname, 'RESULTS.md');
    fs.appendFileSync(file, `\n${text}`);
    console.log(`Registrato in ${file}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
