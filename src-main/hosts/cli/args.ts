import { AppError } from '../../../src-shared/errors';
import { parseHostFlags } from '../../core/config';

/** The web host's default, so `sportello status` after `npm run web` looks at the same data. */
export const DEFAULT_DATA_DIR = '.sportello-data/web';

export interface GlobalArgs {
  /** as given; the host resolves it against the working directory */
  dataDir: string;
  demo: boolean;
  verbose: boolean;
  /** null: no command given (help) */
  command: string | null;
  /** what follows the command name */
  args: string[];
  /** `sportello <comando> --help` */
  helpRequested: boolean;
}

/** A mistake in how the command was typed: exit code 2, with the message and a hint. */
export function usageError(message: string): AppError {
  return new AppError('CLI_USAGE', { message: `${message} «sportello help» mostra l’uso.` });
}

export function isUsageError(error: unknown): error is AppError {
  return error instanceof AppError && error.code === 'CLI_USAGE';
}

/** Whole numbers as people type them: 1000000, 1_000_000 or 1.000.000. */
export function parseCount(flag: string, text: string | undefined, min: number, max: number): number {
  if (text === undefined || text.startsWith('--')) throw usageError(`Manca il valore per ${flag}.`);
  const digits = /^\d{1,3}([._]\d{3})+$/.test(text) ? text.replace(/[._]/g, '') : text;
  if (!/^\d+$/.test(digits)) throw usageError(`Valore non valido per ${flag}: «${text}» (serve un numero intero).`);
  const n = Number(digits);
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw usageError(`Valore fuori intervallo per ${flag}: ${text} (ammessi da ${min.toLocaleString('it-IT')} a ${max.toLocaleString('it-IT')}).`);
  }
  return n;
}

/**
 * A subcommand's options one at a time: `--flag value` or `--flag=value`. `value()` takes the next
 * argument, so call it (if the flag has one) before moving on to the next option.
 */
export function* readOptions(args: readonly string[]): Generator<{ flag: string; value: () => string | undefined }> {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    if (eq > 0) {
      const inline = arg.slice(eq + 1);
      yield { flag: arg.slice(0, eq), value: () => inline };
    } else {
      yield { flag: arg, value: () => args[++i] };
    }
  }
}

export function unknownOption(command: string, flag: string): AppError {
  return flag.startsWith('-')
    ? usageError(`Opzione sconosciuta per «${command}»: ${flag}.`)
    : usageError(`Argomento inatteso per «${command}»: «${flag}».`);
}

/**
 * `sportello [--data-dir DIR] [--demo] [--verbose] <comando> [opzioni]`: the flags every host shares
 * may appear anywhere; the first other word is the command. Throws a CLI_USAGE AppError on mistakes.
 */
export function parseGlobalArgs(argv: readonly string[]): GlobalArgs {
  let flags: ReturnType<typeof parseHostFlags>;
  try {
    flags = parseHostFlags(argv);
  } catch (error) {
    throw usageError(`${(error as Error).message}.`);
  }
  if (flags.idleTimeoutMinutes !== undefined) throw usageError('--idle-minutes non si applica alla riga di comando.');
  if (flags.payerIdleTimeoutMinutes !== undefined) throw usageError('--payer-idle-minutes non si applica alla riga di comando.');
  if (flags.dataDir !== undefined && flags.dataDir.trim() === '') throw usageError('--data-dir non può essere vuoto.');
  const rest = flags.rest.filter((a) => a !== '--verbose');
  const verbose = rest.length !== flags.rest.length;
  const [first, ...args] = rest;
  const base = { dataDir: flags.dataDir ?? DEFAULT_DATA_DIR, demo: flags.demo, verbose };
  if (first === undefined || first === '--help' || first === '-h') return { ...base, command: null, args: [], helpRequested: true };
  if (first.startsWith('-')) throw usageError(`Opzione sconosciuta: ${first}.`);
  return { ...base, command: first, args: args.filter((a) => a !== '--help' && a !== '-h'), helpRequested: args.includes('--help') || args.includes('-h') };
}
