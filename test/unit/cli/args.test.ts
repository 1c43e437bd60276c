import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/errors';
import { DEFAULT_DATA_DIR, parseCount, parseGlobalArgs, readOptions } from '../../../src-main/hosts/cli/args';
import { findCommand, helpText } from '../../../src-main/hosts/cli/commands';
import { parseSeedArgs } from '../../../src-main/hosts/cli/commands/seed';
import { parseSimulateArgs } from '../../../src-main/hosts/cli/commands/simulate';
import { parseStatusArgs } from '../../../src-main/hosts/cli/commands/status';
import { parseReconcileArgs } from '../../../src-main/hosts/cli/commands/reconcile';
import { DEFAULT_SEED } from '../../../src-main/simulation';

/** The usage error a call throws: code CLI_USAGE, with its Italian message. */
function usageMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('CLI_USAGE');
    return (error as AppError).message;
  }
  throw new Error('no usage error thrown');
}

describe('global arguments', () => {
  it('finds the command and its options wherever the shared host flags are', () => {
    expect(parseGlobalArgs(['--data-dir', '/d', 'seed', '--positions', '10', '--demo'])).toEqual({
      dataDir: '/d',
      demo: true,
      verbose: false,
      command: 'seed',
      args: ['--positions', '10'],
      helpRequested: false,
    });
    expect(parseGlobalArgs(['status', '--data-dir=/x', '--verbose'])).toMatchObject({ dataDir: '/x', verbose: true, command: 'status', args: [] });
  });

  it('defaults to the web host’s data dir and to help', () => {
    expect(parseGlobalArgs([])).toMatchObject({ dataDir: DEFAULT_DATA_DIR, command: null, helpRequested: true });
    expect(parseGlobalArgs(['--help'])).toMatchObject({ command: null, helpRequested: true });
  });

  it('treats `<command> --help` as a question', () => {
    expect(parseGlobalArgs(['seed', '--help'])).toMatchObject({ command: 'seed', args: [], helpRequested: true });
  });

  it('refuses what it cannot use, with Italian messages', () => {
    expect(usageMessage(() => parseGlobalArgs(['--data-dir']))).toContain('Manca il valore per --data-dir');
    expect(usageMessage(() => parseGlobalArgs(['--bogus', 'status']))).toContain('Opzione sconosciuta: --bogus');
    expect(usageMessage(() => parseGlobalArgs(['--idle-minutes', '5', 'status']))).toContain('--idle-minutes');
    expect(usageMessage(() => parseGlobalArgs(['--payer-idle-minutes', '5', 'status']))).toContain('--payer-idle-minutes');
    expect(usageMessage(() => parseGlobalArgs(['--data-dir=', 'status']))).toContain('--data-dir');
  });
});

describe('numbers', () => {
  it('reads counts as people type them', () => {
    expect(parseCount('--positions', '1000000', 0, 10_000_000)).toBe(1_000_000);
    expect(parseCount('--positions', '1.000.000', 0, 10_000_000)).toBe(1_000_000);
    expect(parseCount('--positions', '1_000_000', 0, 10_000_000)).toBe(1_000_000);
    expect(parseCount('--positions', '0', 0, 10)).toBe(0);
  });

  it('rejects what is not a whole number in range', () => {
    for (const bad of ['abc', '-5', '1.5', '1e6', '10.00', '']) expect(usageMessage(() => parseCount('--positions', bad, 0, 10_000_000))).toContain('--positions');
    expect(usageMessage(() => parseCount('--positions', '20000000', 0, 10_000_000))).toContain('fuori intervallo');
    expect(usageMessage(() => parseCount('--positions', undefined, 0, 10))).toContain('Manca il valore');
    expect(usageMessage(() => parseCount('--positions', '--seed', 0, 10))).toContain('Manca il valore');
  });
});

describe('options reader', () => {
  it('reads --flag value and --flag=value', () => {
    const read: Array<[string, string | undefined]> = [];
    for (const o of readOptions(['--a', '1', '--b=2', '--c'])) read.push([o.flag, o.value()]);
    expect(read).toEqual([
      ['--a', '1'],
      ['--b', '2'],
      ['--c', undefined],
    ]);
  });
});

describe('seed', () => {
  it('reads its options, with the default seed', () => {
    expect(parseSeedArgs(['--positions', '200'])).toEqual({ positions: 200, seed: DEFAULT_SEED, batchSize: null, scenarios: false });
    expect(parseSeedArgs(['--posizioni=1.000', '--seed', '7', '--batch', '500', '--scenari'])).toEqual({ positions: 1000, seed: 7, batchSize: 500, scenarios: true });
    expect(parseSeedArgs(['--positions', '0', '--scenari'])).toMatchObject({ positions: 0, scenarios: true });
  });

  it('needs a count, and something to do', () => {
    expect(usageMessage(() => parseSeedArgs([]))).toContain('--positions N');
    expect(usageMessage(() => parseSeedArgs(['--positions', '0']))).toContain('--scenari');
    expect(usageMessage(() => parseSeedArgs(['--positions', '5', '--payments', '3']))).toContain('Opzione sconosciuta per «seed»: --payments');
    expect(usageMessage(() => parseSeedArgs(['--positions', '5', 'extra']))).toContain('Argomento inatteso');
  });
});

describe('simulate', () => {
  it('reads its options', () => {
    expect(parseSimulateArgs(['--payments', '50'])).toEqual({ payments: 50, concurrency: 1, seed: DEFAULT_SEED, notices: [] });
    expect(parseSimulateArgs(['--pagamenti', '10', '--concurrency', '50', '--seed=3', '--avviso', '3019 9901 1000 0001 82'])).toEqual({
      payments: 10,
      concurrency: 50,
      seed: 3,
      notices: ['301999011000000182'],
    });
  });

  it('refuses bad counts, notices and extras', () => {
    expect(usageMessage(() => parseSimulateArgs([]))).toContain('--payments N');
    expect(usageMessage(() => parseSimulateArgs(['--payments', '0']))).toContain('fuori intervallo');
    expect(usageMessage(() => parseSimulateArgs(['--payments', '5', '--concurrency', '5000']))).toContain('fuori intervallo');
    expect(usageMessage(() => parseSimulateArgs(['--payments', '5', '--avviso', '123']))).toContain('Codice avviso non valido');
    expect(usageMessage(() => parseSimulateArgs(['--payments', '5', '--avviso']))).toContain('Codice avviso non valido');
    expect(usageMessage(() => parseSimulateArgs(['--payments', '1', '--avviso', '301999011000000182', '--avviso', '301999021000000165']))).toContain('più dei pagamenti');
  });
});

describe('reconcile', () => {
  it('reads the settlement day, the period and flow files, Italian aliases included', () => {
    expect(parseReconcileArgs([])).toEqual({ settleThrough: null, from: null, to: null, files: [], json: false });
    expect(parseReconcileArgs(['--settle', 'oggi', '--from=2026-11-01', '--al', '2026-11-30', '--json'])).toEqual({
      settleThrough: 'oggi',
      from: '2026-11-01',
      to: '2026-11-30',
      files: [],
      json: true,
    });
    expect(parseReconcileArgs(['--file', 'a.json', '--file=b.json']).files).toEqual(['a.json', 'b.json']);
  });

  it('refuses bad dates, a reversed period, and files mixed with Nodo options', () => {
    expect(usageMessage(() => parseReconcileArgs(['--settle', '31/12/2026']))).toContain('Data non valida per --settle');
    expect(usageMessage(() => parseReconcileArgs(['--from', '2026-02-30']))).toContain('Data non valida per --from');
    expect(usageMessage(() => parseReconcileArgs(['--to']))).toContain('Manca il valore per --to');
    expect(usageMessage(() => parseReconcileArgs(['--from', '2026-12-01', '--to', '2026-11-01']))).toContain('successiva');
    expect(usageMessage(() => parseReconcileArgs(['--file']))).toContain('Manca il percorso');
    expect(usageMessage(() => parseReconcileArgs(['--file', 'a.json', '--from', '2026-11-01']))).toContain('Con --file');
    expect(usageMessage(() => parseReconcileArgs(['--tutto']))).toContain('Opzione sconosciuta per «reconcile»');
  });
});

describe('status and help', () => {
  it('status takes --json only', () => {
    expect(parseStatusArgs([])).toEqual({ json: false });
    expect(parseStatusArgs(['--json'])).toEqual({ json: true });
    expect(usageMessage(() => parseStatusArgs(['--all']))).toContain('Opzione sconosciuta per «status»');
  });

  it('help knows every command and refuses unknown ones', () => {
    const help = findCommand('help')!;
    expect(() => help.prepare([])).not.toThrow();
    expect(() => help.prepare(['seed'])).not.toThrow();
    expect(usageMessage(() => help.prepare(['reconcilia']))).toContain('Comando sconosciuto');
    const text = helpText(null).join('\n');
    for (const name of ['seed', 'simulate', 'reconcile', 'status', 'help', '--data-dir', '--demo', DEFAULT_DATA_DIR]) expect(text).toContain(name);
    expect(helpText('simulate')[0]).toMatch(/^Uso: sportello simulate --payments N/);
  });
});
