import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE_NAME } from '../../../db/openDatabase';
import { scenarioDescriptions, scenarioNames } from '../../../nodo/scenarios';
import { DEFAULT_SEED, seedPositions, seedScenarioPositions } from '../../../simulation';
import { parseCount, readOptions, unknownOption, usageError } from '../args';
import { defineCommand } from '../command';
import { formatBytes, formatCount, formatRate, formatSeconds } from '../output';

export const MAX_POSITIONS = 10_000_000;

export interface SeedCommandOptions {
  positions: number;
  seed: number;
  batchSize: number | null;
  /** also one notice per mock Nodo scenario (SCENARIOS.md), each firing once */
  scenarios: boolean;
}

export function parseSeedArgs(args: readonly string[]): SeedCommandOptions {
  let positions: number | null = null;
  let seed = DEFAULT_SEED;
  let batchSize: number | null = null;
  let scenarios = false;
  for (const o of readOptions(args)) {
    if (o.flag === '--positions' || o.flag === '--posizioni') positions = parseCount(o.flag, o.value(), 0, MAX_POSITIONS);
    else if (o.flag === '--seed') seed = parseCount(o.flag, o.value(), 0, 2 ** 31 - 1);
    else if (o.flag === '--batch') batchSize = parseCount(o.flag, o.value(), 1, 100_000);
    else if (o.flag === '--scenari') scenarios = true;
    else throw unknownOption('seed', o.flag);
  }
  if (positions === null) throw usageError('Indica quante posizioni generare con --positions N.');
  if (positions === 0 && !scenarios) throw usageError('Con --positions 0 non c’è nulla da generare (aggiungi --scenari per i soli avvisi di prova).');
  return { positions, seed, batchSize, scenarios };
}

/** Size of the database with its WAL: what the data dir holds for the positions. */
export function databaseBytes(dataDir: string): number {
  const file = path.join(dataDir, DATABASE_FILE_NAME);
  return [file, `${file}-wal`].reduce((sum, f) => sum + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);
}

export const seedCommand = defineCommand<SeedCommandOptions>({
  name: 'seed',
  summary: 'genera posizioni debitorie realistiche, già pagabili',
  usage: [
    'sportello seed --positions N [--seed S] [--batch B] [--scenari]',
    '',
    '  --positions N   quante posizioni generare (fino a 10.000.000); anche --posizioni',
    `  --seed S        seme dei dati casuali (predefinito ${DEFAULT_SEED}): stesso seme, stessi dati`,
    '  --batch B       posizioni per transazione (predefinito 5.000)',
    '  --scenari       aggiunge un avviso per ogni scenario di errore del Nodo simulato',
    '',
    'Debitori con codici fiscali validi, servizi del catalogo (mensa, trasporto scolastico, TOSAP,',
    'illuminazione votiva, TARI a rate con rata unica, sanzioni), scadenze nei prossimi 12 mesi,',
    'versamenti sugli IBAN attivi dell’Ente. Serve un Ente configurato (o --demo).',
  ],
  parse: parseSeedArgs,
  async run(ctx, o) {
    const core = await ctx.core();
    const ec = core.ecProfile.get();
    if (o.positions > 0) {
      ctx.out.line(`Generazione di ${formatCount(o.positions)} posizioni debitorie${ec ? ` per ${ec.name}` : ''} (seme ${o.seed})…`);
      const result = seedPositions(core, {
        count: o.positions,
        seed: o.seed,
        ...(o.batchSize ? { batchSize: o.batchSize } : {}),
        onProgress: (p) => ctx.out.progress('Posizioni', p.done, p.total, p.done > 0 ? `${formatRate((p.done / p.elapsedMs) * 1000)} posizioni/s` : undefined),
      });
      ctx.out.line(
        `Create ${formatCount(result.created)} posizioni (${formatCount(result.options)} avvisi) in ${formatSeconds(result.elapsedMs)}: ` +
          `${formatRate(result.positionsPerSecond)} posizioni/s. Database: ${formatBytes(databaseBytes(ctx.dataDir))}.`,
      );
    }
    if (o.scenarios) {
      const notices = seedScenarioPositions(core, scenarioNames.map((scenario) => ({ scenario, times: 1 })), o.seed);
      ctx.out.line('Avvisi di prova con scenario di errore (ciascuno scatta una volta):');
      notices.forEach((notice, i) => ctx.out.line(`  ${notice}  ${scenarioNames[i]}: ${scenarioDescriptions[scenarioNames[i]!]}`));
    }
  },
});
