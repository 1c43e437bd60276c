import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/testCore';

const repoRoot = path.resolve(__dirname, '../../..');
const fixture = path.join(__dirname, 'fixtures', 'keytarWithoutKeychain.ts');

// On macOS and Windows keytar talks to the OS directly: only Linux needs a D-Bus session.
const notLinux = process.platform !== 'linux';
if (notLinux) console.log(`[vault] keytar-without-D-Bus test skipped: it is about libsecret on Linux (this is ${process.platform}).`);

/**
 * Runs the fixture in a fresh process whose environment offers no session bus at all: libsecret
 * connects once per process, so the test runner's own bus (if any) must not be inherited.
 */
function runWithoutBus(extraEnv: Record<string, string>) {
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_RUNTIME_DIR: tempDir('sportello-nobus-'), ...extraEnv };
  // without these, GLib would find the bus (or autolaunch one) anyway
  for (const name of ['DBUS_SESSION_BUS_ADDRESS', 'DISPLAY', 'WAYLAND_DISPLAY', 'SPORTELLO_TEST_KEYRING']) {
    if (!(name in extraEnv)) delete env[name];
  }
  const child = spawnSync(process.execPath, ['--import', 'tsx', fixture, tempDir()], { cwd: repoRoot, env, encoding: 'utf8', timeout: 60_000 });
  return child;
}

describe('KeytarKeyStore with no Secret Service to talk to', () => {
  it.skipIf(notLinux).each([
    ['no D-Bus session at all', {}],
    ['a D-Bus address that leads nowhere', { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/sportello-bus' }],
  ] as const)('fails with VAULT_KEYCHAIN_UNAVAILABLE, stores nothing and does not crash (%s)', (_label, extraEnv) => {
    const child = runWithoutBus(extraEnv);
    expect(child.error).toBeUndefined();
    expect(child.signal).toBeNull();
    expect(child.status, child.stderr).toBe(0);
    const result = JSON.parse(child.stdout.trim().split('\n').at(-1)!);
    for (const op of ['getDataKey', 'setDataKey', 'put'] as const) {
      expect(result[op]).toMatchObject({ ok: false, name: 'AppError', code: 'VAULT_KEYCHAIN_UNAVAILABLE' });
      expect(result[op].message).toMatch(/portachiavi del sistema operativo non è raggiungibile/);
    }
    expect(result.status).toEqual({ ok: true, value: { state: 'keychainUnavailable', code: 'VAULT_KEYCHAIN_UNAVAILABLE' } });
    expect(result.secretsStored).toBe(0);
  });
});
