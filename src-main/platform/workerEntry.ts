import fs from 'node:fs';
import path from 'node:path';

export interface WorkerEntry {
  file: string;
  execArgv: string[];
}

/**
 * A worker thread's entry file: the bundled `<name>.js` of the build (electron-vite gives each
 * worker its own entry, in out/main beside the hosts, while this module lands in a shared chunk
 * one folder below), else the TypeScript source through tsx (CLI, tests and benches run from source).
 */
export function workerEntry(name: string, sourceFolder: string, here = typeof __dirname === 'string' ? __dirname : process.cwd()): WorkerEntry {
  for (const folder of [here, path.dirname(here)]) {
    const built = path.join(folder, `${name}.js`);
    if (fs.existsSync(built)) return { file: built, execArgv: [] };
  }
  // from source this module is src-main/platform
  const source = path.resolve(here, '..', sourceFolder, `${name}.ts`);
  if (fs.existsSync(source)) return { file: source, execArgv: ['--import', 'tsx'] };
  return { file: path.resolve(process.cwd(), 'src-main', sourceFolder, `${name}.ts`), execArgv: ['--import', 'tsx'] };
}
