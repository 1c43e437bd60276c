import { describe, expect, it } from 'vitest';
import { consoleOutput, formatBytes, formatCount, formatSeconds, progressBar } from '../../../src-main/hosts/cli/output';

/** A stand-in for process.stdout: records writes, terminal or not. */
function stream(isTTY: boolean): NodeJS.WriteStream & { text: string } {
  const s = { isTTY, text: '', write: (chunk: string) => ((s.text += chunk), true) };
  return s as unknown as NodeJS.WriteStream & { text: string };
}

describe('CLI output', () => {
  it('formats numbers the Italian way', () => {
    expect(formatCount(1_000_000)).toBe('1.000.000');
    expect(formatCount(2_000)).toBe('2.000');
    expect(formatCount(999)).toBe('999');
    expect(formatSeconds(12_345)).toBe('12,3 s');
    expect(formatBytes(3 * 2 ** 20)).toBe('3,0 MiB');
  });

  it('draws a bar with the percentage', () => {
    expect(progressBar(0, 10)).toBe(`[${'.'.repeat(30)}]   0%`);
    expect(progressBar(5, 10)).toBe(`[${'#'.repeat(15)}${'.'.repeat(15)}]  50%`);
    expect(progressBar(10, 10)).toBe(`[${'#'.repeat(30)}] 100%`);
  });

  it('redraws one line on a terminal and ends it when done', () => {
    const out = stream(true);
    const o = consoleOutput(out, stream(true));
    o.progress('Posizioni', 1, 4);
    o.progress('Posizioni', 4, 4);
    o.line('fatto');
    expect(out.text).toBe(`\rPosizioni ${progressBar(1, 4)} 1/4\x1b[K\rPosizioni ${progressBar(4, 4)} 4/4\x1b[K\nfatto\n`);
  });

  it('prints one line per tenth when not on a terminal', () => {
    const out = stream(false);
    const o = consoleOutput(out, stream(false));
    for (let done = 0; done <= 1000; done += 10) o.progress('Pagamenti', done, 1000);
    const lines = out.text.trim().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[10]).toContain('100% 1.000/1.000');
  });

  it('writes errors to stderr', () => {
    const err = stream(false);
    consoleOutput(stream(false), err).error('Errore X');
    expect(err.text).toBe('Errore X\n');
  });
});
