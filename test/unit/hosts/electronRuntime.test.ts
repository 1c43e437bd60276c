import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronPlatformPath, findElectronRuntime, missingRuntimeMessage } from '../../../scripts/electronRuntime.mjs';

const repoRoot = path.resolve(__dirname, '../../..');
const made: string[] = [];

function project(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-runtime-'));
  made.push(dir);
  return dir;
}

function withElectronPackage(dir: string): string {
  const electronDir = path.join(dir, 'node_modules', 'electron');
  fs.mkdirSync(electronDir, { recursive: true });
  fs.writeFileSync(path.join(electronDir, 'package.json'), '{"name":"electron","version":"45.4.1"}');
  return electronDir;
}

afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('findElectronRuntime', () => {
  it('names the executable per platform as electron/install.js does', () => {
    expect(electronPlatformPath('linux')).toBe('electron');
    expect(electronPlatformPath('win32')).toBe('electron.exe');
    expect(electronPlatformPath('darwin')).toBe('Electron.app/Contents/MacOS/Electron');
  });

  it('reports a missing package (npm ci --omit=dev)', () => {
    const dir = project();
    expect(findElectronRuntime({ projectDir: dir, env: {} })).toMatchObject({ ok: false, reason: 'package-missing' });
  });

  it('reports a package whose runtime was never downloaded (no path.txt)', () => {
    const dir = project();
    withElectronPackage(dir);
    expect(findElectronRuntime({ projectDir: dir, env: {} })).toMatchObject({ ok: false, reason: 'not-downloaded' });
  });

  it('reports path.txt pointing at a binary that is not there', () => {
    const dir = project();
    const electronDir = withElectronPackage(dir);
    fs.writeFileSync(path.join(electronDir, 'path.txt'), 'electron');
    expect(findElectronRuntime({ projectDir: dir, env: {} })).toMatchObject({
      ok: false,
      reason: 'binary-missing',
      executable: path.join(electronDir, 'dist', 'electron'),
    });
  });

  it('finds the downloaded binary', () => {
    const dir = project();
    const electronDir = withElectronPackage(dir);
    fs.writeFileSync(path.join(electronDir, 'path.txt'), 'electron');
    fs.mkdirSync(path.join(electronDir, 'dist'));
    fs.writeFileSync(path.join(electronDir, 'dist', 'electron'), '');
    expect(findElectronRuntime({ projectDir: dir, env: {} })).toEqual({ ok: true, executable: path.join(electronDir, 'dist', 'electron'), electronDir });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like electron/index.js', () => {
    const dir = project();
    withElectronPackage(dir);
    const dist = project();
    const env = { ELECTRON_OVERRIDE_DIST_PATH: dist };
    expect(findElectronRuntime({ projectDir: dir, env, platform: 'linux' })).toMatchObject({ ok: false, reason: 'binary-missing' });
    fs.writeFileSync(path.join(dist, 'electron'), '');
    expect(findElectronRuntime({ projectDir: dir, env, platform: 'linux' })).toMatchObject({ ok: true, executable: path.join(dist, 'electron') });
  });

  it('does not count a folder as the binary', () => {
    const dir = project();
    const electronDir = withElectronPackage(dir);
    fs.writeFileSync(path.join(electronDir, 'path.txt'), 'electron');
    fs.mkdirSync(path.join(electronDir, 'dist', 'electron'), { recursive: true });
    expect(findElectronRuntime({ projectDir: dir, env: {} })).toMatchObject({ ok: false, reason: 'binary-missing' });
  });

  it('tells a person what to do, in Italian first, and points to npm run web', () => {
    const dir = project();
    withElectronPackage(dir);
    const result = findElectronRuntime({ projectDir: dir, env: {} });
    if (result.ok) throw new Error('expected a missing runtime');
    const message = missingRuntimeMessage(result);
    expect(message.indexOf('runtime di Electron non è installato')).toBeLessThan(message.indexOf('runtime is not installed'));
    expect(message).toContain('node node_modules/electron/install.js');
    expect(message).toContain('ELECTRON_OVERRIDE_DIST_PATH');
    expect(message).toContain('ELECTRON_MIRROR');
    expect(message).toContain('npm run web');
    expect(missingRuntimeMessage({ ok: false, reason: 'package-missing', electronDir: 'x' })).toContain('npm install');
  });
});

describe('scripts/start.mjs without a runtime', () => {
  it('exits 1 with the friendly message, before building anything', () => {
    const dir = project();
    withElectronPackage(dir);
    fs.mkdirSync(path.join(dir, 'scripts'));
    for (const name of ['start.mjs', 'electronRuntime.mjs']) fs.copyFileSync(path.join(repoRoot, 'scripts', name), path.join(dir, 'scripts', name));
    const env = { ...process.env };
    delete env.ELECTRON_OVERRIDE_DIST_PATH;
    const result = spawnSync(process.execPath, [path.join(dir, 'scripts', 'start.mjs'), '--demo'], { encoding: 'utf8', env, timeout: 20_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('il runtime di Electron non è installato');
    expect(result.stderr).toContain('npm run web');
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });
});

describe('scripts/postinstall.mjs', () => {
  function postinstall(dir: string, env: Record<string, string | undefined> = {}) {
    fs.mkdirSync(path.join(dir, 'scripts'), { recursive: true });
    fs.copyFileSync(path.join(repoRoot, 'scripts', 'postinstall.mjs'), path.join(dir, 'scripts', 'postinstall.mjs'));
    const base = { ...process.env };
    delete base.ELECTRON_SKIP_BINARY_DOWNLOAD;
    return spawnSync(process.execPath, [path.join(dir, 'scripts', 'postinstall.mjs')], { encoding: 'utf8', env: { ...base, ...env }, timeout: 20_000 });
  }

  it('skips the download in one line when asked to', () => {
    const result = postinstall(project(), { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toContain('node node_modules/electron/install.js');
  });

  it('does nothing, successfully, when the electron package is absent', () => {
    const result = postinstall(project());
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('pacchetto electron assente');
  });

  it('exits 0 with a friendly notice when the download fails', () => {
    const dir = project();
    const electronDir = withElectronPackage(dir);
    fs.writeFileSync(path.join(electronDir, 'install.js'), "console.error('TypeError: fetch failed\\n    at x (y.js:1:1)'); process.exit(1);");
    const result = postinstall(dir);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('Non è stato possibile scaricare il runtime di Electron');
    expect(result.stderr).toContain('Motivo: TypeError: fetch failed');
    expect(result.stderr).toContain('npm run web');
    expect(result.stderr).toContain('npx install-electron');
    expect(result.stderr).not.toContain('at x (y.js');
  });

  it('reports success when the installer succeeds', () => {
    const dir = project();
    const electronDir = withElectronPackage(dir);
    fs.writeFileSync(path.join(electronDir, 'install.js'), 'process.exit(0);');
    const result = postinstall(dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('runtime di Electron pronto');
  });
});
