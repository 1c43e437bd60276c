import { describe, expect, it } from 'vitest';
import { parseNoticeNumber } from '../../../src-shared/domain/noticeNumber';
import { ScenarioCounter, scenarioCodes, scenarioFromNotice, scenarioNames, scenarioNotice, selectScenarios } from '../../../src-main/nodo/scenarios';

describe('scenario notice numbers', () => {
  it('builds valid aux-3 notices that carry the scenario', () => {
    for (const name of scenarioNames) {
      const n = scenarioNotice('01', name, 2, 123);
      const parsed = parseNoticeNumber(n);
      expect(parsed.ok && parsed.value.checkDigitsValid).toBe(true);
      expect(n.slice(0, 6)).toBe('301999');
      expect(scenarioFromNotice(n)?.scenario).toBe(name);
    }
    expect(Object.keys(scenarioCodes)).toHaveLength(scenarioNames.length);
    // the example in SCENARIOS.md
    expect(scenarioNotice('01', 'stationTimeout', 1)).toBe('301999011000000182');
  });

  it('reads the count digit, and for latency the seconds (0 = 20 s)', () => {
    expect(scenarioFromNotice(scenarioNotice('01', 'stationTimeout', 3))).toEqual({ scenario: 'stationTimeout', times: 3, latencyMs: 0, source: 'notice' });
    expect(scenarioFromNotice(scenarioNotice('01', 'stationTimeout', 0))?.times).toBe(0);
    expect(scenarioFromNotice(scenarioNotice('01', 'latency', 4))).toMatchObject({ times: 0, latencyMs: 4_000 });
    expect(scenarioFromNotice(scenarioNotice('01', 'latency', 0))).toMatchObject({ latencyMs: 20_000 });
  });

  it('ignores ordinary notices and unknown codes', () => {
    expect(scenarioFromNotice('301000000000000144')).toBeNull();
    expect(scenarioFromNotice('301999990000000000')).toBeNull();
    expect(scenarioFromNotice('3019990')).toBeNull();
  });

  it('refuses out-of-range parts', () => {
    expect(() => scenarioNotice('01', 'latency', 10)).toThrow(RangeError);
    expect(() => scenarioNotice('01', 'latency', 1, 10_000_000)).toThrow(RangeError);
    expect(() => scenarioNotice('50', 'latency', 1)).toThrow(RangeError);
  });
});

describe('selectScenarios', () => {
  const ctx = { noticeNumber: scenarioNotice('01', 'stationUnreachable', 1), ecFiscalCode: '80215430580', stationCode: '80215430580_01' };

  it('puts configured rules first, then the notice pattern', () => {
    const active = selectScenarios(ctx, [{ scenario: 'latency', ecFiscalCode: '80215430580' }], true);
    expect(active.map((a) => [a.scenario, a.source, a.latencyMs])).toEqual([
      ['latency', 'config', 2_000],
      ['stationUnreachable', 'notice', 0],
    ]);
  });

  it('applies a rule only when all its matchers match', () => {
    expect(selectScenarios(ctx, [{ scenario: 'pspRefuses', ecFiscalCode: '00743110157' }], false)).toEqual([]);
    expect(selectScenarios(ctx, [{ scenario: 'pspRefuses', noticePrefix: '301999', stationCode: '80215430580_01', times: 2 }], false)).toEqual([
      { scenario: 'pspRefuses', times: 2, latencyMs: 0, source: 'config' },
    ]);
    expect(selectScenarios(ctx, [{ scenario: 'pspRefuses', noticeNumber: '301000000000000144' }], false)).toEqual([]);
  });

  it('can switch notice patterns off', () => {
    expect(selectScenarios(ctx, [], false)).toEqual([]);
  });
});

describe('ScenarioCounter', () => {
  it('fires T times per key, or always with T = 0', () => {
    const counter = new ScenarioCounter();
    const twice = { scenario: 'stationTimeout' as const, times: 2, latencyMs: 0, source: 'notice' as const };
    expect([1, 2, 3].map(() => counter.fire(twice, 'a'))).toEqual([true, true, false]);
    expect(counter.fire(twice, 'b')).toBe(true);
    const always = { ...twice, times: 0 };
    expect([1, 2, 3].every(() => counter.fire(always, 'a'))).toBe(true);
  });
});
