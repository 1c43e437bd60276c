import { describe, expect, it } from 'vitest';
import { SessionStore } from '../../../src-main/auth/sessionStore';
import { ManualClock } from '../../../src-main/platform/clock';

describe('session store', () => {
  const setup = () => {
    const clock = new ManualClock('2026-11-22T09:00:00Z');
    return { clock, store: new SessionStore(clock, 15 * 60_000) };
  };

  it('keeps a session per window', () => {
    const { store } = setup();
    store.start('a', 1, 'ecAdmin');
    store.start('b', 2, 'ecOperator');
    expect(store.get('a')).toMatchObject({ session: { userId: 1 } });
    expect(store.get('b')).toMatchObject({ session: { userId: 2 } });
    expect(store.get('c')).toBeNull();
  });

  it('expires after the idle timeout unless touched', () => {
    const { clock, store } = setup();
    store.start('a', 1, 'ecAdmin');
    clock.advance(14 * 60_000);
    store.touch('a');
    clock.advance(14 * 60_000);
    expect(store.get('a')).toMatchObject({ session: { userId: 1 } });
    clock.advance(15 * 60_000);
    expect(store.get('a')).toEqual({ ended: 'idle', justNow: true });
    expect(store.get('a')).toEqual({ ended: 'idle', justNow: false });
    clock.advance(25 * 60 * 60_000);
    expect(store.get('a')).toBeNull();
  });

  it('sweeps idle sessions and reports their windows', () => {
    const { clock, store } = setup();
    store.start('a', 1, 'ecAdmin');
    clock.advance(10 * 60_000);
    store.start('b', 2, 'ecOperator');
    clock.advance(6 * 60_000);
    expect(store.sweepIdle()).toEqual(['a']);
    expect(store.get('b')).not.toBeNull();
  });

  it('ends every session of a user', () => {
    const { store } = setup();
    store.start('a', 1, 'ecAdmin');
    store.start('b', 1, 'ecAdmin');
    store.start('c', 2, 'ecOperator');
    expect(store.endAllFor(1).sort()).toEqual(['a', 'b']);
    expect(store.get('a')).toEqual({ ended: 'disabled', justNow: false });
    expect(store.get('c')).not.toBeNull();
    store.end('a');
    expect(store.get('a')).toBeNull();
  });
});
