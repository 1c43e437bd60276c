// `npm start [-- --demo | --data-dir DIR | --kiosk]`: build, then run the desktop app.
// The runtime is checked first, without require('electron') (which would try to download it),
// so a machine without it gets a clear message and the browser alternative instead of a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronRuntime, missingRuntimeMessage } from './electronRuntime.mjs';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const forwarded = process.argv.slice(2);

const runtime = findElectronRuntime({ projectDir });
if (!runtime.ok) {
  console.error(missingRuntimeMessage(runtime));
  process.exit(1);
}

const electronVite = path.join(projectDir, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
if (!fs.existsSync(electronVite)) {
  console.error('Sportello: electron-vite non è installato: esegui `npm install`. / electron-vite is missing: run `npm install`.');
  process.exit(1);
}
const build = spawnSync(process.execPath, [electronVite, 'build'], { cwd: projectDir, stdio: 'inherit' });
if (build.status !== 0) {
  console.error('Sportello: la compilazione non è riuscita (vedi sopra). / The build failed (see above).');
  process.exit(build.status ?? 1);
}

// ELECTRON_RUN_AS_NODE inherited from a parent tool would make the binary behave as plain Node
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;

const child = spawn(runtime.executable, ['.', ...forwarded], { cwd: projectDir, stdio: 'inherit', env, windowsHide: false });
child.on('error', (error) => {
  console.error(`Sportello: impossibile avviare Electron (${error.message}). / Could not start Electron.`);
  process.exit(1);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
