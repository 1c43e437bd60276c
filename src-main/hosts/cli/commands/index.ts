import { DEFAULT_DATA_DIR, unknownOption, usageError } from '../args';
import { defineCommand, type Command } from '../command';
import { reconcileCommand } from './reconcile';
import { seedCommand } from './seed';
import { simulateCommand } from './simulate';
import { statusCommand } from './status';

const GLOBAL_OPTIONS = [
  'Opzioni valide per ogni comando:',
  `  --data-dir DIR   cartella dei dati dell’app (predefinita: ${DEFAULT_DATA_DIR} nella cartella`,
  '                   corrente, la stessa dell’host web di sviluppo, «npm run web»)',
  '  --demo           se la cartella è vuota, la crea con l’Ente dimostrativo «Comune di Test»',
  '  --verbose        mostra anche i messaggi di servizio del Nodo simulato',
];

/**
 * The `sportello` commands, in the order help lists them. Each lives in its own module with its
 * options parser; adding one is one import and one entry here.
 */
export const commands: readonly Command[] = [
  seedCommand,
  simulateCommand,
  statusCommand,
  reconcileCommand,
  defineCommand<{ topic: string | null }>({
    name: 'help',
    summary: 'mostra questo aiuto, o quello di un comando (help <comando>)',
    usage: ['sportello help [comando]'],
    parse(args) {
      const [topic, ...extra] = args;
      if (extra.length > 0) throw unknownOption('help', extra[0]!);
      if (topic !== undefined && !findCommand(topic)) throw usageError(`Comando sconosciuto: «${topic}».`);
      return { topic: topic ?? null };
    },
    async run(ctx, { topic }) {
      for (const line of helpText(topic)) ctx.out.line(line);
    },
  }),
];

export function findCommand(name: string): Command | undefined {
  return commands.find((c) => c.name === name);
}

/** General help, or one command's usage followed by the global options. */
export function helpText(topic: string | null): string[] {
  const command = topic === null ? undefined : findCommand(topic);
  if (command) return [...command.usage.map((l, i) => (i === 0 ? `Uso: ${l}` : l)), '', ...GLOBAL_OPTIONS];
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'sportello – operazioni batch di Sportello (pagoPA) sugli stessi dati dell’app',
    '',
    'Uso: sportello [--data-dir DIR] [--demo] <comando> [opzioni]',
    '',
    'Comandi:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    ...GLOBAL_OPTIONS,
    '',
    'Esempi:',
    '  sportello --demo seed --positions 100000',
    '  sportello simulate --payments 10000 --concurrency 50',
    '  sportello reconcile --settle oggi',
    '  sportello status',
    '',
    'Codici di uscita: 0 riuscito, 1 errore (con il messaggio), 2 comando o opzioni non validi.',
  ];
}
