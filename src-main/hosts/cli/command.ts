import type { Core } from '../../core/createCore';
import type { CliOutput } from './output';

export interface CommandContext {
  out: CliOutput;
  /** the data dir, resolved */
  dataDir: string;
  /** opens the core on first use (help never does); the host closes it */
  core(): Promise<Core>;
}

/** One subcommand: its help text, how its options are read, and what it does. */
export interface CommandSpec<O> {
  name: string;
  /** one line in the command list */
  summary: string;
  /** `help <name>`: usage line first, then options and notes */
  usage: readonly string[];
  /** throws a CLI_USAGE AppError (exit code 2) on a mistake */
  parse(args: readonly string[]): O;
  run(ctx: CommandContext, options: O): Promise<void>;
  /** the core it opens starts reconciliation's lookup thread (a command that imports flows) */
  lookupThread?: boolean;
}

/** A command with its option type hidden, so different commands fit one table. */
export interface Command {
  name: string;
  summary: string;
  usage: readonly string[];
  /** reads the options now (usage errors before anything is opened) and returns the action */
  prepare(args: readonly string[]): (ctx: CommandContext) => Promise<void>;
  lookupThread: boolean;
}

export function defineCommand<O>(spec: CommandSpec<O>): Command {
  return {
    name: spec.name,
    summary: spec.summary,
    usage: spec.usage,
    lookupThread: spec.lookupThread ?? false,
    prepare(args) {
      const options = spec.parse(args);
      return (ctx) => spec.run(ctx, options);
    },
  };
}
