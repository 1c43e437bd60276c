#!/usr/bin/env node
import { consoleOutput } from './output';
import { runCli } from './run';

/**
 * `sportello`: batch jobs over the same core and data dir as the app (see `sportello help`).
 * Built to out/main/cli.js; during development: `npx tsx src-main/hosts/cli/main.ts help`.
 */
// `sportello status | head`: a reader that stops early is not an error
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

void runCli(process.argv.slice(2), { out: consoleOutput() }).then((code) => {
  process.exitCode = code;
});
