import { z } from 'zod';

/** Everything a host must decide to build the core. Parsed with zod: hosts take it from argv and env. */
export const coreConfigSchema = z.object({
  dataDir: z.string().min(1),
  idleTimeoutMinutes: z.number().int().min(1).max(24 * 60).default(15),
  /**
   * a payer's session ends sooner than staff's: at a kiosk or a counter the citizen walks away and
   * the next person must not find their payments on the screen
   */
  payerIdleTimeoutMinutes: z.number().int().min(1).max(24 * 60).default(5),
  /** seed the demo EC ("Comune di Test") when the database is empty */
  demo: z.boolean().default(false),
  /**
   * with `demo`: also the Pagatore's demo citizen, with a paid notice and one to pay (on unless
   * false; suites that count the EC's positions from an empty list turn it off)
   */
  demoPayer: z.boolean().optional(),
  /** seeds the mock Nodo's tokens and flow ids on its first start, so simulations are reproducible */
  nodoSeed: z.number().int().nonnegative().default(20261122),
  /**
   * reconciliation looks a flow's lines up on a worker thread while it writes (one more connection
   * and thread for the core's lifetime); suites that import no large flow turn it off
   */
  lookupThread: z.boolean().default(true),
});
export type CoreConfig = z.input<typeof coreConfigSchema>;

export interface HostFlags {
  dataDir?: string;
  demo: boolean;
  idleTimeoutMinutes?: number;
  payerIdleTimeoutMinutes?: number;
  rest: string[];
}

/**
 * `--data-dir X`, `--data-dir=X`, `--demo`, `--idle-minutes N`, `--payer-idle-minutes N`: the flags
 * every host shares. Minutes must be whole, from 1 to 1440 (an Italian message otherwise).
 */
export function parseHostFlags(argv: readonly string[]): HostFlags {
  const out: HostFlags = { demo: false, rest: [] };
  const minutes = (flag: string, text: string): number => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1 || n > 24 * 60) throw new Error(`Valore non valido per ${flag}: serve un numero intero di minuti tra 1 e 1440`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`Manca il valore per ${flag}`);
      return v;
    };
    if (flag === '--data-dir') out.dataDir = value();
    else if (flag === '--demo') out.demo = true;
    else if (flag === '--idle-minutes') out.idleTimeoutMinutes = minutes(flag, value());
    else if (flag === '--payer-idle-minutes') out.payerIdleTimeoutMinutes = minutes(flag, value());
    else out.rest.push(arg);
  }
  return out;
}
