import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/core/createCore';
import { memoryOutput } from '../../../src-main/hosts/cli/output';
import { EXIT_ERROR, EXIT_OK, EXIT_USAGE, runCli } from '../../../src-main/hosts/cli/run';
import { ManualClock } from '../../../src-main/platform/clock';
import { silentLogger } from '../../../src-main/platform/logger';
import { InMemoryKeyStore } from '../../support/inMemoryKeyStore';
import { tempDir } from '../../support/testCore';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** One `sportello` invocation on a data dir, with a hand-driven clock shared across invocations. */
function cli(dataDir: string, clock: ManualClock) {
  return async (...argv: string[]) => {
    const out = memoryOutput();
    const code = await runCli(['--data-dir', dataDir, ...argv], { out, core: { clock, logger: silentLogger, keyStore: new InMemoryKeyStore() } });
    return { code, out: out.lines.join('\n'), err: out.errors.join('\n') };
  };
}

describe('sportello CLI', () => {
  it('seeds, simulates payments and reconciles the settlement flows, idempotently', async () => {
    const dataDir = tempDir('sportello-cli-');
    dirs.push(dataDir);
    const clock = new ManualClock('2026-11-22T09:00:00.000Z');
    const run = cli(dataDir, clock);

    const seeded = await run('--demo', 'seed', '--positions', '60', '--seed', '4');
    expect(seeded.err).toBe('');
    expect(seeded).toMatchObject({ code: EXIT_OK });
    expect(seeded.out).toMatch(/Create 60 posizioni/);

    const simulated = await run('simulate', '--payments', '25', '--concurrency', '5');
    expect(simulated.err).toBe('');
    expect(simulated.code).toBe(EXIT_OK);
    expect(simulated.out).toMatch(/Pagamenti riusciti: 25 su 25/);
    expect(simulated.out).toMatch(/Controllo di coerenza superato/);

    // nothing settled yet: the command says so and suggests --settle
    const empty = await run('reconcile');
    expect(empty.code).toBe(EXIT_OK);
    expect(empty.out).toMatch(/Nessun flusso di rendicontazione/);
    expect(empty.out).toMatch(/--settle oggi/);

    const reconciled = await run('reconcile', '--settle', 'oggi');
    expect(reconciled.err).toBe('');
    expect(reconciled.code).toBe(EXIT_OK);
    expect(reconciled.out).toMatch(/riconciliato/);
    expect(reconciled.out).not.toMatch(/^ {2}! /m);
    const summary = /Flussi: (\d+) \(nuovi (\d+), con anomalie 0\); righe abbinate (\d+) per .*; posizioni rendicontate (\d+)\./.exec(reconciled.out);
    expect(summary, reconciled.out).not.toBeNull();
    const [, flows, fresh, lines, reported] = summary!.map(Number);
    expect(fresh).toBe(flows);
    expect(lines).toBeGreaterThanOrEqual(25);
    expect(reported).toBeGreaterThan(0);

    // the positions are REPORTED now, as `status --json` tells
    const status = await run('status', '--json');
    const report = JSON.parse(status.out) as { positions: { byStatus: Record<string, number> } };
    expect(report.positions.byStatus.REPORTED).toBe(reported);

    // again: the same flows are recognised and nothing changes
    const again = await run('reconcile', '--json');
    const reports = JSON.parse(again.out) as Array<{ alreadyImported: boolean }>;
    expect(reports).toHaveLength(flows!);
    expect(reports.every((r) => r.alreadyImported)).toBe(true);
  });

  it('imports a flow from a file, and refuses unreadable or foreign files with a clear message', async () => {
    const dataDir = tempDir('sportello-cli-');
    dirs.push(dataDir);
    const clock = new ManualClock('2026-11-22T09:00:00.000Z');
    const run = cli(dataDir, clock);
    expect((await run('--demo', 'seed', '--positions', '20')).code).toBe(EXIT_OK);
    expect((await run('simulate', '--payments', '5')).code).toBe(EXIT_OK);

    // a flow as the PSP would send it, saved to a file
    const core = await createCore({ dataDir }, { clock, logger: silentLogger, keyStore: new InMemoryKeyStore() });
    const [summary] = await core.nodo.settle('2026-11-22');
    const flow = await core.nodo.getFlow(summary!.identificativoFlusso);
    await core.close();
    const file = path.join(dataDir, 'flusso.json');
    fs.writeFileSync(file, `\uFEFF${JSON.stringify(flow)}`);

    const imported = await run('reconcile', '--file', file);
    expect(imported.err).toBe('');
    expect(imported.out).toContain(`${flow.identificativoFlusso} (rev. 1)`);
    expect(imported.out).toMatch(/riconciliato/);

    fs.writeFileSync(path.join(dataDir, 'rotto.json'), '{ "identificativoFlusso": ');
    const broken = await run('reconcile', '--file', path.join(dataDir, 'rotto.json'));
    expect(broken.code).toBe(EXIT_ERROR);
    expect(broken.err).toMatch(/CLI_FILE_UNREADABLE.*non contiene un flusso in formato JSON valido/);

    const missing = await run('reconcile', '--file', path.join(dataDir, 'manca.json'));
    expect(missing.code).toBe(EXIT_ERROR);
    expect(missing.err).toMatch(/Impossibile leggere il file .*ENOENT/);

    fs.writeFileSync(path.join(dataDir, 'altro.json'), JSON.stringify({ ...flow, receiverFiscalCode: '80215430580' }));
    const foreign = await run('reconcile', '--file', path.join(dataDir, 'altro.json'));
    expect(foreign.code).toBe(EXIT_ERROR);
    expect(foreign.err).toMatch(/RECON_WRONG_RECEIVER/);

    const invalid = await run('reconcile', '--file', path.join(dataDir, 'flusso.json'), '--settle', 'oggi');
    expect(invalid.code).toBe(EXIT_USAGE);
  });

  it('refuses to create data in a mistyped folder without --demo', async () => {
    const dataDir = path.join(tempDir('sportello-cli-'), 'non-esiste');
    dirs.push(path.dirname(dataDir));
    const r = await cli(dataDir, new ManualClock('2026-11-22T09:00:00.000Z'))('reconcile');
    expect(r.code).toBe(EXIT_ERROR);
    expect(r.err).toMatch(/CLI_NO_DATA/);
    expect(fs.existsSync(dataDir)).toBe(false);
  });
});
