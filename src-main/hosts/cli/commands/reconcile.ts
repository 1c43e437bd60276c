import fs from 'node:fs';
import path from 'node:path';
import { formatEuro } from '../../../../src-shared/domain/amount';
import { isIsoDate } from '../../../../src-shared/domain/date';
import { AppError } from '../../../../src-shared/errors';
import { today } from '../../../platform/clock';
import type { ReconciliationReport } from '../../../reconciliation';
import type { Actor } from '../../../services/actor';
import { systemActor } from '../../../services/actor';
import { readOptions, unknownOption, usageError } from '../args';
import { defineCommand } from '../command';
import type { CliOutput } from '../output';
import { formatCount } from '../output';

/** Flows imported from the command line are attributed to it in the audit log. */
export const cliActor: Actor = { ...systemActor, name: 'Sistema (riga di comando)' };

/** A flow file larger than this is refused before it is read: the biggest real flows are far smaller. */
const MAX_FLOW_FILE_BYTES = 200 * 2 ** 20;

export interface ReconcileCommandOptions {
  /** settle first, on the simulated PSPs, everything paid up to this day (null: don't) */
  settleThrough: string | null;
  from: string | null;
  to: string | null;
  /** flows from files instead of the Nodo */
  files: string[];
  json: boolean;
}

function dateOption(flag: string, text: string | undefined): string {
  if (text === undefined || text.startsWith('--')) throw usageError(`Manca il valore per ${flag}.`);
  if (text === 'oggi' || text === 'today') return text;
  if (!isIsoDate(text)) throw usageError(`Data non valida per ${flag}: «${text}» (formato AAAA-MM-GG, oppure «oggi»).`);
  return text;
}

export function parseReconcileArgs(args: readonly string[]): ReconcileCommandOptions {
  const o: ReconcileCommandOptions = { settleThrough: null, from: null, to: null, files: [], json: false };
  for (const opt of readOptions(args)) {
    if (opt.flag === '--settle' || opt.flag === '--regola') o.settleThrough = dateOption(opt.flag, opt.value());
    else if (opt.flag === '--from' || opt.flag === '--dal') o.from = dateOption(opt.flag, opt.value());
    else if (opt.flag === '--to' || opt.flag === '--al') o.to = dateOption(opt.flag, opt.value());
    else if (opt.flag === '--file') {
      const file = opt.value();
      if (file === undefined || file.startsWith('--') || file.trim() === '') throw usageError('Manca il percorso del file per --file.');
      o.files.push(file);
    } else if (opt.flag === '--json') o.json = true;
    else throw unknownOption('reconcile', opt.flag);
  }
  if (o.files.length > 0 && (o.settleThrough || o.from || o.to)) {
    throw usageError('Con --file i flussi vengono dai file: --settle, --from e --to valgono solo per i flussi del Nodo.');
  }
  if (o.from && o.to && o.from !== 'oggi' && o.to !== 'oggi' && o.from > o.to) throw usageError('La data di --from è successiva a quella di --to.');
  return o;
}

/** Reads one flow file as JSON; its content is checked field by field by the reconciliation itself. */
export function readFlowFile(file: string): unknown {
  let text: string;
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_FLOW_FILE_BYTES) throw new AppError('CLI_FILE_UNREADABLE', { message: `Il file ${file} è troppo grande per un flusso di rendicontazione (${formatCount(size)} byte).` });
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('CLI_FILE_UNREADABLE', { message: `Impossibile leggere il file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.` });
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    throw new AppError('CLI_FILE_UNREADABLE', { message: `Il file ${file} non contiene un flusso in formato JSON valido.` });
  }
}

function printReport(out: CliOutput, r: ReconciliationReport): void {
  const f = r.flow;
  const state = r.alreadyImported ? 'già importato, nessuna modifica' : f.status === 'reconciled' ? 'riconciliato' : 'con anomalie';
  out.line(`${f.flowId} (rev. ${f.revision}) – ${f.pspName}, regolamento del ${f.settlementDate}: ${state}`);
  out.line(
    `  righe ${formatCount(f.lineCount)}, abbinate ${formatCount(f.matchedLines)} per ${formatEuro(f.matchedAmount)} ` +
      `(dichiarati ${formatCount(f.declaredPayments)} pagamenti per ${formatEuro(f.declaredAmount)}); posizioni rendicontate ${formatCount(f.positionsReported)}`,
  );
  for (const h of f.headerIssues) out.line(`  ! ${h.message}`);
  for (const [result, n] of Object.entries(r.issueCounts)) out.line(`  ! ${formatCount(n)} righe: ${result}`);
  for (const issue of r.lineIssues.slice(0, 10)) out.line(`    riga ${issue.lineNo}: IUV ${issue.iuv}, IUR ${issue.iur}, versamento ${issue.transferIndex} – ${issue.message}`);
  if (r.lineIssues.length > 10) out.line(`    … e altre ${formatCount(r.lineIssues.length - 10)} righe con anomalie`);
}

export const reconcileCommand = defineCommand<ReconcileCommandOptions>({
  name: 'reconcile',
  summary: 'importa i flussi di rendicontazione (FdR) e li abbina alle ricevute',
  usage: [
    'sportello reconcile [--settle DATA] [--from DATA] [--to DATA] [--json]',
    'sportello reconcile --file FLUSSO.json [--file ...] [--json]',
    '',
    '  --settle DATA   prima fa regolare ai PSP simulati i pagamenti fino a DATA (AAAA-MM-GG o «oggi»); anche --regola',
    '  --from DATA     solo i flussi regolati da questa data; anche --dal',
    '  --to DATA       solo i flussi regolati fino a questa data; anche --al',
    '  --file F        importa un flusso da un file JSON invece che dal Nodo (ripetibile)',
    '  --json          il resoconto in JSON, per gli script',
    '',
    'Per ogni flusso controlla totali e bonifico, abbina ogni riga (IUV, IUR, indice del versamento) a una',
    'ricevuta, segna come rendicontate le posizioni coperte ed elenca ciò che non torna. Un flusso già',
    'importato non cambia nulla. Le anomalie non sono errori del comando: il codice di uscita resta 0.',
  ],
  parse: parseReconcileArgs,
  lookupThread: true,
  async run(ctx, o) {
    const core = await ctx.core();
    // the lookup thread starts with the core, a moment before a one-shot command needs it
    await core.reconciliation.whenLookupsReady();
    const day = today(core.clock);
    const resolve = (d: string | null): string | null => (d === 'oggi' || d === 'today' ? day : d);
    const reports: ReconciliationReport[] = [];
    if (o.files.length > 0) {
      for (const file of o.files) reports.push(core.reconciliation.importFlow(cliActor, readFlowFile(path.resolve(file))));
    } else {
      const settleThrough = resolve(o.settleThrough);
      if (settleThrough) {
        const settled = await core.nodo.settle(settleThrough);
        if (!o.json) ctx.out.line(`Flussi prodotti dai PSP simulati fino al ${settleThrough}: ${formatCount(settled.length)}.`);
      }
      const from = resolve(o.from);
      const to = resolve(o.to);
      reports.push(...(await core.reconciliation.reconcileFromNodo(cliActor, core.nodo, { ...(from ? { from } : {}), ...(to ? { to } : {}) })));
      if (!o.json && reports.length === 0) {
        ctx.out.line(`Nessun flusso di rendicontazione sul Nodo per l’Ente${from || to ? ' nel periodo indicato' : ''}.`);
        if (!settleThrough) ctx.out.line('Suggerimento: con «--settle oggi» i PSP simulati regolano i pagamenti fatti finora.');
      }
    }
    if (o.json) {
      ctx.out.line(JSON.stringify(reports, null, 2));
      return;
    }
    for (const r of reports) printReport(ctx.out, r);
    if (reports.length > 0) {
      const fresh = reports.filter((r) => !r.alreadyImported);
      const withIssues = fresh.filter((r) => r.flow.status !== 'reconciled').length;
      ctx.out.line('');
      ctx.out.line(
        `Flussi: ${formatCount(reports.length)} (nuovi ${formatCount(fresh.length)}, con anomalie ${formatCount(withIssues)}); ` +
          `righe abbinate ${formatCount(fresh.reduce((s, r) => s + r.flow.matchedLines, 0))} per ${formatEuro(fresh.reduce((s, r) => s + r.flow.matchedAmount, 0))}; ` +
          `posizioni rendicontate ${formatCount(fresh.reduce((s, r) => s + r.flow.positionsReported, 0))}.`,
      );
    }
  },
});
