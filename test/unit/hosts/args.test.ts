import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseElectronArgs } from '../../../src-main/hosts/electron/args';

describe('parseElectronArgs', () => {
  it('defaults: Electron userData, no demo, no kiosk', () => {
    expect(parseElectronArgs([])).toEqual({ demo: false, kiosk: false, acceptInsecureKeychain: false });
  });

  it('reads --data-dir (resolved against the working folder), --demo, --kiosk and --idle-minutes', () => {
    expect(parseElectronArgs(['--data-dir', 'dati', '--demo', '--kiosk', '--idle-minutes=5', '--payer-idle-minutes', '2'], '/home/ufficio')).toEqual({
      dataDir: path.resolve('/home/ufficio', 'dati'),
      demo: true,
      kiosk: true,
      acceptInsecureKeychain: false,
      idleTimeoutMinutes: 5,
      payerIdleTimeoutMinutes: 2,
    });
    expect(parseElectronArgs(['--data-dir=/srv/sportello'])).toEqual({ dataDir: path.resolve('/srv/sportello'), demo: false, kiosk: false, acceptInsecureKeychain: false });
  });

  it('reads --accept-insecure-keychain (Linux without a keychain, chosen by the administrator)', () => {
    expect(parseElectronArgs(['--accept-insecure-keychain'])).toMatchObject({ acceptInsecureKeychain: true });
  });

  it('ignores the app path and Chromium switches that share Electron\'s argv', () => {
    const argv = ['.', '--inspect=0', '--remote-debugging-port=0', 'out/main/electron.js', '--no-sandbox', '--demo', '--enable-logging'];
    expect(parseElectronArgs(argv)).toEqual({ demo: true, kiosk: false, acceptInsecureKeychain: false });
  });

  it('refuses our own flags with a missing or nonsensical value, in Italian', () => {
    expect(() => parseElectronArgs(['--data-dir'])).toThrow(/Manca il valore per --data-dir/);
    expect(() => parseElectronArgs(['--data-dir', '--demo'])).toThrow(/Manca il valore per --data-dir/);
    expect(() => parseElectronArgs(['--data-dir='])).toThrow(/Manca il valore per --data-dir/);
    expect(() => parseElectronArgs(['--idle-minutes', 'tanti'])).toThrow(/--idle-minutes/);
    expect(() => parseElectronArgs(['--idle-minutes', '0'])).toThrow(/--idle-minutes/);
    expect(() => parseElectronArgs(['--idle-minutes', '1.5'])).toThrow(/--idle-minutes/);
  });
});
