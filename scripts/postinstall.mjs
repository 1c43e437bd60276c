// postinstall of the Sportello package: fetch the Electron runtime once, up front.
// The download goes to Electron's release site, which firewalled networks block; that must never
// fail `npm install`, since everything else (tests, `npm run web`) works without the runtime.
// So: any outcome prints what happened and exits 0.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DOWNLOAD_TIMEOUT_MS = 120_000;

function skipRequested(env) {
  const value = (env.ELECTRON_SKIP_BINARY_DOWNLOAD ?? '').trim().toLowerCase();
  return value !== '' && value !== '0' && value !== 'false';
}

function firstMeaningfulLine(text) {
  const line = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l !== '' && !l.startsWith('at '));
  return line ? line.slice(0, 200) : null;
}

function failureNotice(reason) {
  return [
    '',
    '┌─ Sportello ─────────────────────────────────────────────────────────────',
    '│ Non è stato possibile scaricare il runtime di Electron (rete protetta da firewall?).',
    ...(reason ? [`│ Motivo: ${reason}`] : []),
    '│ Tutto il resto è installato: test e sviluppo funzionano.',
    '│ L’app si può usare subito nel browser con:   npm run web',
    '│ Per scaricare Electron più tardi, con accesso a Internet:',
    '│     npx install-electron      oppure      node node_modules/electron/install.js',
    '│ Da uno specchio interno: ELECTRON_MIRROR=https://… node node_modules/electron/install.js',
    '│',
    '│ The Electron runtime could not be downloaded (firewalled network?).',
    '│ Everything else is installed. `npm run web` runs the app in a browser now.',
    '│ Retry later with `npx install-electron` or `node node_modules/electron/install.js`',
    '│ (ELECTRON_MIRROR selects a mirror).',
    '└─────────────────────────────────────────────────────────────────────────',
    '',
  ].join('\n');
}

function run() {
  if (skipRequested(process.env)) {
    console.log('Sportello: download del runtime di Electron saltato (ELECTRON_SKIP_BINARY_DOWNLOAD); per scaricarlo poi: node node_modules/electron/install.js');
    return;
  }
  const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const installer = path.join(projectDir, 'node_modules', 'electron', 'install.js');
  if (!fs.existsSync(installer)) {
    // e.g. `npm ci --omit=dev`: electron is a dev dependency, nothing to fetch
    console.log('Sportello: pacchetto electron assente (dipendenze di sviluppo omesse): nessun runtime da scaricare.');
    return;
  }
  console.log('Sportello: scarico il runtime di Electron…');
  const result = spawnSync(process.execPath, [installer], {
    cwd: projectDir,
    encoding: 'utf8',
    timeout: DOWNLOAD_TIMEOUT_MS,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status === 0) {
    console.log('Sportello: runtime di Electron pronto.');
    return;
  }
  const reason = result.error?.code === 'ETIMEDOUT'
    ? `nessuna risposta entro ${DOWNLOAD_TIMEOUT_MS / 1000} s`
    : firstMeaningfulLine(`${result.stderr ?? ''}\n${result.stdout ?? ''}`) ?? result.error?.message ?? null;
  console.warn(failureNotice(reason));
}

try {
  run();
} catch (error) {
  console.warn(failureNotice(error instanceof Error ? error.message : String(error)));
}
process.exit(0);
