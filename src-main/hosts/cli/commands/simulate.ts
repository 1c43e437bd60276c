import { formatEuro } from '../../../../src-shared/domain/amount';
import { normalizeNoticeNumber, parseNoticeNumber } from '../../../../src-shared/domain/noticeNumber';
import { AppError } from '../../../../src-shared/errors';
import { DEFAULT_SEED, onboardForSimulation, simulatePayments } from '../../../simulation';
import { parseCount, readOptions, unknownOption, usageError } from '../args';
import { defineCommand } from '../command';
import { formatCount, formatRate, formatSeconds } from '../output';

export const MAX_PAYMENTS = 10_000_000;
export const MAX_CONCURRENCY = 1_000;

export interface SimulateCommandOptions {
  payments: number;
  concurrency: number;
  seed: number;
  /** notices to pay first (e.g. the scenario notices printed by `seed --scenari`) */
  notices: string[];
}

export function parseSimulateArgs(args: readonly string[]): SimulateCommandOptions {
  let payments: number | null = null;
  let concurrency = 1;
  let seed = DEFAULT_SEED;
  const notices: string[] = [];
  for (const o of readOptions(args)) {
    if (o.flag === '--payments' || o.flag === '--pagamenti') payments = parseCount(o.flag, o.value(), 1, MAX_PAYMENTS);
    else if (o.flag === '--concurrency' || o.flag === '--parallelismo') concurrency = parseCount(o.flag, o.value(), 1, MAX_CONCURRENCY);
    else if (o.flag === '--seed') seed = parseCount(o.flag, o.value(), 0, 2 ** 31 - 1);
    else if (o.flag === '--avviso') {
      const raw = o.value();
      const notice = normalizeNoticeNumber(raw ?? '');
      if (raw === undefined || !parseNoticeNumber(notice).ok) throw usageError(`Codice avviso non valido per --avviso: «${raw ?? ''}» (servono 18 cifre).`);
      notices.push(notice);
    } else throw unknownOption('simulate', o.flag);
  }
  if (payments === null) throw usageError('Indica quanti pagamenti simulare con --payments N.');
  if (notices.length > payments) throw usageError('Gli avvisi indicati con --avviso sono più dei pagamenti richiesti con --payments.');
  return { payments, concurrency, seed, notices };
}

export const simulateCommand = defineCommand<SimulateCommandOptions>({
  name: 'simulate',
  summary: 'simula pagamenti dei PSP attraverso il Nodo dei Pagamenti simulato',
  usage: [
    'sportello simulate --payments N [--concurrency C] [--seed S] [--avviso CODICE]...',
    '',
    '  --payments N      quanti pagamenti simulare; anche --pagamenti',
    '  --concurrency C   pagamenti in corso contemporaneamente (predefinito 1); anche --parallelismo',
    `  --seed S          seme delle scelte casuali (predefinito ${DEFAULT_SEED})`,
    '  --avviso CODICE   paga per primo questo avviso (ripetibile), ad esempio quelli di «seed --scenari»',
    '',
    'Ogni pagamento segue il percorso di un PSP: verifica dell’avviso, scelta dell’offerta,',
    'attivazione, esito del pagamento, ricevuta consegnata all’Ente. Prima registra l’Ente sul Nodo',
    'e attiva la sua stazione, se serve. Alla fine controlla la coerenza tra Ente e Nodo.',
  ],
  parse: parseSimulateArgs,
  async run(ctx, o) {
    const core = await ctx.core();
    const onboarding = await onboardForSimulation(core);
    ctx.out.line(
      `Ente ${onboarding.ecFiscalCode} ${onboarding.registered ? 'registrato ora' : 'già registrato'} sul Nodo dei Pagamenti; ` +
        `stazione ${onboarding.station.code} ${onboarding.station.created ? 'creata e ' : ''}${onboarding.station.state}; IBAN censiti: ${onboarding.ibans.length}.`,
    );
    ctx.out.line(`Simulazione di ${formatCount(o.payments)} pagamenti, ${formatCount(o.concurrency)} alla volta (seme ${o.seed})…`);
    const r = await simulatePayments(core, {
      count: o.payments,
      concurrency: o.concurrency,
      seed: o.seed,
      notices: o.notices,
      onProgress: (p) => ctx.out.progress('Pagamenti', p.done, p.total, `riusciti ${formatCount(p.ok)}`),
    });
    if (r.attempted < o.payments) ctx.out.line(`Avvisi pagabili trovati: ${formatCount(r.attempted)} (richiesti ${formatCount(o.payments)}).`);
    ctx.out.line(`Pagamenti riusciti: ${formatCount(r.ok)} su ${formatCount(r.attempted)} in ${formatSeconds(r.elapsedMs)} (${formatRate(r.paymentsPerSecond)} pagamenti/s).`);
    ctx.out.line(`Incassato: ${formatEuro(r.amount)}, commissioni dei PSP: ${formatEuro(r.fees)}.`);
    const faults = Object.entries(r.faults).sort((a, b) => b[1] - a[1]);
    if (faults.length > 0) {
      ctx.out.line('Esiti negativi per codice:');
      for (const [code, n] of faults) ctx.out.line(`  ${code.padEnd(48)} ${formatCount(n)}`);
    }
    const c = r.consistency;
    ctx.out.line(`Ricevute registrate dall’Ente: ${formatCount(c.receiptsAtEc)}.`);
    if (c.receiptsPending > 0) {
      ctx.out.line(`Ricevute ancora in coda sul Nodo: ${formatCount(c.receiptsPending)} (nuovo invio automatico al prossimo tentativo).`);
    }
    if (!c.ok) {
      throw new AppError('SIMULATION_INCONSISTENT', {
        message: [`Controllo di coerenza non superato (${c.problems.length} problemi):`, ...c.problems.slice(0, 20).map((p) => `  - ${p}`)].join('\n'),
      });
    }
    ctx.out.line('Controllo di coerenza superato: ogni pagamento riuscito ha una sola ricevuta presso l’Ente, nessun avviso pagato due volte.');
  },
});
