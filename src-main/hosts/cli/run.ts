import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../src-shared/errors';
import { createCore, type Core, type CoreDeps } from '../../core/createCore';
import { DATABASE_FILE_NAME } from '../../db/openDatabase';
import { consoleLogger, type Logger } from '../../platform/logger';
import { isUsageError, parseGlobalArgs, usageError } from './args';
import { findCommand, helpText } from './commands';
import type { CliOutput } from './output';

export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_USAGE = 2;

export interface CliDeps {
  out: CliOutput;
  /** where a relative --data-dir is resolved (default: the process's working directory) */
  cwd?: string;
  /** clock, logger and version for the core; tests pass a ManualClock */
  core?: CoreDeps;
}

/** Only errors reach the terminal unless --verbose: the Nodo's retry notices would drown the output. */
function cliLogger(verbose: boolean): Logger {
  if (verbose) return consoleLogger('sportello');
  const full = consoleLogger('sportello');
  return { info: () => {}, warn: () => {}, error: full.error };
}

function describe(error: unknown): string {
  if (error instanceof AppError) {
    const fields = Object.entries(error.fieldErrors ?? {}).map(([field, messages]) => `  ${field}: ${messages.join(' ')}`);
    return [`Errore ${error.code}: ${error.message}`, ...fields].join('\n');
  }
  return `Errore imprevisto: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * Runs one `sportello` invocation over the same core the app uses, and returns the exit code: 0 done,
 * 1 an error (message on stderr), 2 a usage mistake. Never throws; always closes what it opened.
 */
export async function runCli(argv: readonly string[], deps: CliDeps): Promise<number> {
  const { out } = deps;
  let core: Core | null = null;
  try {
    const args = parseGlobalArgs(argv);
    if (args.command === null) {
      for (const line of helpText(null)) out.line(line);
      return EXIT_OK;
    }
    const command = findCommand(args.command);
    if (!command) throw usageError(`Comando sconosciuto: «${args.command}».`);
    if (args.helpRequested) {
      for (const line of helpText(command.name)) out.line(line);
      return EXIT_OK;
    }
    const action = command.prepare(args.args);
    const dataDir = path.resolve(deps.cwd ?? process.cwd(), args.dataDir);
    await action({
      out,
      dataDir,
      core: async () => {
        if (core) return core;
        // without --demo a command works on existing data only: a mistyped --data-dir must not
        // quietly create an empty database somewhere
        if (!args.demo && !fs.existsSync(path.join(dataDir, DATABASE_FILE_NAME))) {
          throw new AppError('CLI_NO_DATA', { message: `Nessun dato di Sportello in ${dataDir}: indica la cartella giusta con --data-dir, oppure aggiungi --demo per crearla con l’Ente dimostrativo.` });
        }
        core = await createCore({ dataDir, demo: args.demo, lookupThread: command.lookupThread }, { logger: cliLogger(args.verbose), ...deps.core });
        return core;
      },
    });
    return EXIT_OK;
  } catch (error) {
    out.error(describe(error));
    return isUsageError(error) ? EXIT_USAGE : EXIT_ERROR;
  } finally {
    if (core) await (core as Core).close();
  }
}
