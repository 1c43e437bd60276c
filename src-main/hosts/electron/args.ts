import path from 'node:path';
import { parseHostFlags } from '../../core/config';

export interface ElectronHostOptions {
  /** absolute data folder from --data-dir; undefined means Electron's userData */
  dataDir?: string;
  demo: boolean;
  kiosk: boolean;
  /** Linux without a keychain: the administrator accepts safeStorage's fixed-password backend */
  acceptInsecureKeychain: boolean;
  idleTimeoutMinutes?: number;
  payerIdleTimeoutMinutes?: number;
}

/**
 * The desktop host's flags: the shared ones (--data-dir, --demo, --idle-minutes, --payer-idle-minutes) plus --kiosk and
 * --accept-insecure-keychain.
 * Everything else is ignored rather than refused: Electron's argv also carries the app path and
 * Chromium switches (from the OS, Playwright or a shortcut), which are not ours to judge.
 * Throws (Italian message) only for our own flags with a missing or nonsensical value.
 */
export function parseElectronArgs(argv: readonly string[], cwd: string = process.cwd()): ElectronHostOptions {
  const flags = parseHostFlags(argv);
  const out: ElectronHostOptions = {
    demo: flags.demo,
    kiosk: flags.rest.includes('--kiosk'),
    acceptInsecureKeychain: flags.rest.includes('--accept-insecure-keychain'),
  };
  if (flags.dataDir !== undefined) {
    if (flags.dataDir.trim() === '' || flags.dataDir.startsWith('--')) throw new Error('Manca il valore per --data-dir');
    out.dataDir = path.resolve(cwd, flags.dataDir);
  }
  if (flags.idleTimeoutMinutes !== undefined) out.idleTimeoutMinutes = flags.idleTimeoutMinutes;
  if (flags.payerIdleTimeoutMinutes !== undefined) out.payerIdleTimeoutMinutes = flags.payerIdleTimeoutMinutes;
  return out;
}
