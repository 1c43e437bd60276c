// Where the Electron runtime is, found without require('electron'): that require starts a
// download when the binary is missing, which on a firewalled network only fails slowly.
import fs from 'node:fs';
import path from 'node:path';

/** The executable inside Electron's dist folder, as node_modules/electron/install.js names it. */
export function electronPlatformPath(platform = process.platform) {
  switch (platform) {
    case 'darwin':
    case 'mas':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'win32':
      return 'electron.exe';
    default:
      return 'electron';
  }
}

/**
 * @param {{ projectDir: string, env?: Record<string, string | undefined>, platform?: string }} options
 * @returns {{ ok: true, executable: string, electronDir: string }
 *   | { ok: false, reason: 'package-missing' | 'not-downloaded' | 'binary-missing', electronDir: string, executable?: string }}
 */
export function findElectronRuntime({ projectDir, env = process.env, platform = process.platform }) {
  const electronDir = path.join(projectDir, 'node_modules', 'electron');
  if (!fs.existsSync(path.join(electronDir, 'package.json'))) return { ok: false, reason: 'package-missing', electronDir };

  // path.txt is written by install.js once the download is unpacked
  let relative;
  try {
    relative = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim() || null;
  } catch {
    relative = null;
  }

  // same rule as electron's own index.js: an override folder replaces dist/
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const executable = path.join(override, relative ?? electronPlatformPath(platform));
    return isFile(executable) ? { ok: true, executable, electronDir } : { ok: false, reason: 'binary-missing', electronDir, executable };
  }
  if (relative === null) return { ok: false, reason: 'not-downloaded', electronDir };
  const executable = path.join(electronDir, 'dist', relative);
  return isFile(executable) ? { ok: true, executable, electronDir } : { ok: false, reason: 'binary-missing', electronDir, executable };
}

function isFile(file) {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** What to tell a person when the runtime is missing: Italian first, then English. */
export function missingRuntimeMessage(result) {
  if (result.reason === 'package-missing') {
    return [
      '',
      'Sportello: il pacchetto electron non è installato (manca node_modules/electron).',
      '  Installa anche le dipendenze di sviluppo con `npm install`, poi riprova `npm start`.',
      '  Intanto la stessa applicazione funziona nel browser: npm run web',
      '',
      'Sportello: the electron package is not installed (node_modules/electron is missing).',
      '  Run `npm install` (with dev dependencies), then `npm start` again; `npm run web` works meanwhile.',
      '',
    ].join('\n');
  }
  return [
    '',
    'Sportello: il runtime di Electron non è installato, quindi l’app desktop non può partire.',
    `  (manca ${result.executable ?? path.join(result.electronDir, 'dist')})`,
    '  Di solito succede quando la rete ha bloccato il download durante `npm install`.',
    '  Per scaricarlo (serve accesso a Internet):',
    '      node node_modules/electron/install.js',
    '  Oppure da uno specchio interno:',
    '      ELECTRON_MIRROR=https://specchio.example/electron/ node node_modules/electron/install.js',
    '  Oppure indicando un Electron già presente sul computer:',
    '      ELECTRON_OVERRIDE_DIST_PATH=/percorso/della/cartella/electron npm start',
    '  Intanto la stessa applicazione funziona nel browser:',
    '      npm run web',
    '',
    'Sportello: the Electron runtime is not installed, so the desktop app cannot start.',
    '  Download it with network access: node node_modules/electron/install.js',
    '  (or set ELECTRON_MIRROR, or ELECTRON_OVERRIDE_DIST_PATH to an existing Electron folder).',
    '  Meanwhile `npm run web` runs the same app in a browser.',
    '',
  ].join('\n');
}
