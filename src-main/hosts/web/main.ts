import path from 'node:path';
import { AppError } from '../../../src-shared/errors';
import { parseHostFlags } from '../../core/config';
import { createCore } from '../../core/createCore';
import { startWebHost } from './webHost';

/**
 * `npm run web`: the app in a browser over loopback. Seeds the demo EC by default (`--no-demo` for a
 * first-run setup; `--no-demo-payer` for the demo EC without the Pagatore's demo citizen and his
 * notices). Flags: --data-dir DIR, --port N, --idle-minutes N, --renderer-dir DIR.
 */
async function main(): Promise<void> {
  const flags = parseHostFlags(process.argv.slice(2));
  let port = 0;
  let demo = true;
  let demoPayer = true;
  let rendererDir = path.resolve(path.dirname(process.argv[1] ?? '.'), '../renderer');
  for (let i = 0; i < flags.rest.length; i++) {
    const arg = flags.rest[i]!;
    if (arg === '--no-demo') demo = false;
    else if (arg === '--no-demo-payer') demoPayer = false;
    else if (arg === '--port') port = Number(flags.rest[++i]);
    else if (arg === '--renderer-dir') rendererDir = path.resolve(flags.rest[++i] ?? '');
    else throw new Error(`Opzione sconosciuta: ${arg}`);
  }
  const dataDir = path.resolve(flags.dataDir ?? '.sportello-data/web');
  const core = await createCore({
    dataDir,
    demo,
    demoPayer,
    ...(flags.idleTimeoutMinutes ? { idleTimeoutMinutes: flags.idleTimeoutMinutes } : {}),
    ...(flags.payerIdleTimeoutMinutes ? { payerIdleTimeoutMinutes: flags.payerIdleTimeoutMinutes } : {}),
  });
  const host = await startWebHost({ core, rendererDir, port });
  console.log(`Sportello (host web) – dati in ${dataDir}`);
  console.log(`Apri nel browser: ${host.launchUrl}`);

  const stop = (): void => {
    void host
      .close()
      .then(() => core.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof AppError) console.error(`Errore ${error.code}: ${error.message}`);
  else console.error(error);
  process.exit(1);
});
