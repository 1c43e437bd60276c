import { describe, expect, it } from 'vitest';
import { coreConfigSchema, parseHostFlags } from '../../../src-main/core/config';

describe('host flags', () => {
  it('reads --data-dir in both spellings, --demo and --idle-minutes, and passes the rest on', () => {
    expect(parseHostFlags(['--data-dir', '/tmp/a', '--demo', '--kiosk'])).toEqual({ dataDir: '/tmp/a', demo: true, rest: ['--kiosk'] });
    expect(parseHostFlags(['--data-dir=/tmp/b', '--idle-minutes=5'])).toEqual({ dataDir: '/tmp/b', demo: false, idleTimeoutMinutes: 5, rest: [] });
  });

  it('refuses a flag without its value', () => {
    expect(() => parseHostFlags(['--data-dir'])).toThrow(/Manca il valore per --data-dir/);
  });

  it('defaults the idle timeout to 15 minutes and refuses nonsense', () => {
    expect(coreConfigSchema.parse({ dataDir: '/x' })).toEqual({ dataDir: '/x', idleTimeoutMinutes: 15, demo: false, nodoSeed: 20261122 });
    expect(() => coreConfigSchema.parse({ dataDir: '/x', idleTimeoutMinutes: 0 })).toThrow();
    expect(() => coreConfigSchema.parse({ dataDir: '' })).toThrow();
  });
});
