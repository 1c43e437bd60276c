import { todayIso } from '../../src-shared/domain/date';

/** Injected everywhere time matters, so tests and simulations are reproducible. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current += ms;
  }
  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }
}

export function nowIso(clock: Clock): string {
  return clock.now().toISOString();
}

/** Calendar date in Italy: due dates and validity periods are Italian calendar days. */
export function today(clock: Clock): string {
  return todayIso(clock.now(), 'Europe/Rome');
}
