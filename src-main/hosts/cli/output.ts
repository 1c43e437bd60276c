/** Where a command writes: the terminal in the real CLI, an array in tests. */
export interface CliOutput {
  line(text?: string): void;
  error(text: string): void;
  /** a progress bar on a terminal, a line every 10 % elsewhere (logs, CI) */
  progress(label: string, done: number, total: number, detail?: string): void;
}

// Italian grouping leaves four-digit numbers ungrouped by default; 'always' groups them like the rest
const number = new Intl.NumberFormat('it-IT', { useGrouping: 'always', maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('it-IT', { useGrouping: 'always', maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** 1.000.000 */
export function formatCount(n: number): string {
  return number.format(n);
}

export function formatSeconds(ms: number): string {
  return `${decimal.format(ms / 1000)} s`;
}

export function formatRate(perSecond: number): string {
  return number.format(perSecond);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 2 ** 30) return `${decimal.format(bytes / 2 ** 30)} GiB`;
  if (bytes >= 2 ** 20) return `${decimal.format(bytes / 2 ** 20)} MiB`;
  return `${decimal.format(bytes / 2 ** 10)} KiB`;
}

const BAR = 30;

export function progressBar(done: number, total: number): string {
  const fraction = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(fraction * BAR);
  return `[${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}%`;
}

export function consoleOutput(stdout: NodeJS.WriteStream = process.stdout, stderr: NodeJS.WriteStream = process.stderr): CliOutput {
  const tty = stdout.isTTY === true;
  let open = false;
  let lastDecile = -1;
  const closeBar = (): void => {
    if (open) stdout.write('\n');
    open = false;
  };
  return {
    line(text = '') {
      closeBar();
      stdout.write(`${text}\n`);
    },
    error(text) {
      closeBar();
      stderr.write(`${text}\n`);
    },
    progress(label, done, total, detail) {
      const text = `${label} ${progressBar(done, total)} ${formatCount(done)}/${formatCount(total)}${detail ? ` – ${detail}` : ''}`;
      if (tty) {
        stdout.write(`\r${text}\x1b[K`);
        open = done < total;
        if (!open) stdout.write('\n');
        return;
      }
      const decile = total > 0 ? Math.floor((done / total) * 10) : 10;
      if (done === 0) lastDecile = -1;
      if (decile > lastDecile) stdout.write(`${text}\n`);
      lastDecile = decile;
    },
  };
}

/** Collects everything written, for tests. */
export function memoryOutput(): CliOutput & { lines: string[]; errors: string[]; progressCalls: number } {
  const out = {
    lines: [] as string[],
    errors: [] as string[],
    progressCalls: 0,
    line(text = '') {
      out.lines.push(text);
    },
    error(text: string) {
      out.errors.push(text);
    },
    progress() {
      out.progressCalls++;
    },
  };
  return out;
}
