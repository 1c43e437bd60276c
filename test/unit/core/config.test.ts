import { describe, expect, it } from 'vitest';
import { coreConfigSchema, parseHostFlags } from '../../../src-main/core/config';

describe('host flags', () => {
  it('reads --data-dir in both spellings, --demo and --idle-minutes, and passes the rest on', () => {
    expect(parseHostFlags(['--data-dir', '/tmp/a', '--demo', '--kiosk'])).toEqual({ dataDir: '/tmp/a', demo: true, rest: ['--kiosk'] });
    expect(parseHostFlags(['--data-dir=/tmp/b', '--idle-minutes=5'])).toEqual({ dataDir: '/tmp/b', demo: false, idleTimeoutMinutes: 5, rest: [] });
  });

  it('reads the citizens\' own idle timeout, and refuses minutes that are not whole or out of range, in Italian', () => {
    expect(parseHostFlags(['--payer-idle-minutes', '2'])).toEqual({ demo: false, payerIdleTimeoutMinutes: 2, rest: [] });
    for (const bad of ['0', '1441', '2.5', 'tanti']) {
      expect(() => parseHostFlags([`--payer-idle-minutes=${bad}`])).toThrow(/Valore non valido per --payer-idle-minutes/);
    }
  });

  it('refuses a flag without its value', () => {
    expect(() => parseHostFlags(['--data-dir'])).toThrow(/Manca il valore per --data-dir/);
  });

  it('defaults the idle timeout to 15 minutes and refuses nonsense', () => {
    expect(coreConfigSchema.parse({ dataDir: '/x' })).toEqual({ dataDir: '/x', idleTimeoutMinutes: 15, payerIdleTimeoutMinutes: 5, demo: false, nodoSeed: 20261122, lookupThread: true });
    expect(() => coreConfigSchema.parse({ dataDir: '/x', idleTimeoutMinutes: 0 })).toThrow();
    expect(() => coreConfigSchema.parse({ dataDir: '' })).toThrow();
  });
});
