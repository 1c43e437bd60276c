import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FeeBundle } from '../../../src-main/nodo/nodoClient';
import { computeFee, DEFAULT_PSP_CATALOGUE, feeRangeText, listOffers, pickBundle } from '../../../src-main/nodo/pspCatalogue';
import { validateLegalFiscalCode } from '../../../src-shared/domain/fiscalCode';

const bundle = (b: Partial<FeeBundle>): FeeBundle => ({
  idBundle: 'X',
  name: 'x',
  paymentMethod: 'carta',
  touchPoints: ['CHECKOUT'],
  minAmount: 1,
  maxAmount: 99_999_999_999,
  fixedFee: 0,
  rateBasisPoints: 0,
  minFee: 0,
  maxFee: 99_999_999_999,
  ...b,
});

describe('computeFee', () => {
  it('adds the fixed part and the percentage, rounding half up to the cent', () => {
    expect(computeFee(bundle({ fixedFee: 50, rateBasisPoints: 40 }), 20_000)).toBe(130);
    // 0,4% of 1,25 € = 0,5 cents -> 1 cent
    expect(computeFee(bundle({ rateBasisPoints: 40 }), 125)).toBe(1);
    expect(computeFee(bundle({ rateBasisPoints: 40 }), 124)).toBe(0);
  });

  it('keeps the fee within the bundle minimum and maximum', () => {
    const b = bundle({ fixedFee: 50, rateBasisPoints: 40, minFee: 60, maxFee: 250 });
    expect(computeFee(b, 100)).toBe(60);
    expect(computeFee(b, 1_000_000)).toBe(250);
  });

  it('is an integer within [min, max] and never decreases with the amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 1, max: 99_999_999_998 }),
        (fixed, bps, min, amount) => {
          const b = bundle({ fixedFee: fixed, rateBasisPoints: bps, minFee: min, maxFee: min + 1000 });
          const fee = computeFee(b, amount);
          expect(Number.isSafeInteger(fee)).toBe(true);
          expect(fee).toBeGreaterThanOrEqual(min);
          expect(fee).toBeLessThanOrEqual(min + 1000);
          expect(computeFee(b, amount + 1)).toBeGreaterThanOrEqual(fee);
        },
      ),
    );
  });
});

describe('PSP catalogue', () => {
  it('has unique ids, valid fiscal codes and channels named after them', () => {
    const ids = DEFAULT_PSP_CATALOGUE.map((p) => p.idPSP);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of DEFAULT_PSP_CATALOGUE) {
      expect(validateLegalFiscalCode(p.pspFiscalCode).ok).toBe(true);
      expect(p.idChannel).toBe(`${p.pspFiscalCode}_01`);
      expect(p.name.length).toBeLessThanOrEqual(70);
      for (const b of p.bundles) expect(b.idBundle.startsWith(`${p.idPSP}-`)).toBe(true);
    }
  });

  it('picks the bundle covering the amount band', () => {
    const prova = DEFAULT_PSP_CATALOGUE.find((p) => p.idPSP === 'BPPRIT01')!;
    expect(pickBundle(prova, 100_000, 'conto')).toMatchObject({ fee: 80, bundle: { idBundle: 'BPPRIT01-B01' } });
    expect(pickBundle(prova, 100_001, 'conto')).toMatchObject({ fee: 150, bundle: { idBundle: 'BPPRIT01-B02' } });
    expect(pickBundle(prova, 1_000, 'app')).toBeNull();
  });
});

describe('listOffers', () => {
  it('lists one offer per PSP and method, the cheapest of each method suggested', () => {
    const { offers, ranges } = listOffers(DEFAULT_PSP_CATALOGUE, { amount: 5_000 });
    for (const method of ['carta', 'conto', 'app'] as const) {
      const ofMethod = offers.filter((o) => o.paymentMethod === method);
      const suggested = ofMethod.filter((o) => o.suggested);
      expect(suggested).toHaveLength(1);
      expect(suggested[0]!.fee).toBe(Math.min(...ofMethod.map((o) => o.fee)));
      const range = ranges.find((r) => r.paymentMethod === method)!;
      expect(range.minFee).toBe(suggested[0]!.fee);
      expect(range.maxFee).toBe(Math.max(...ofMethod.map((o) => o.fee)));
    }
    // small amounts by bank account are free at Credito Cooperativo del Borgo Finto
    expect(offers.find((o) => o.suggested && o.paymentMethod === 'conto')).toMatchObject({ idPSP: 'BCBFIT01', fee: 0, total: 5_000 });
    expect(ranges.find((r) => r.paymentMethod === 'conto')?.text).toBe('Commissione: da 0,00 € a 1,80 €');
  });

  it('sorts by fee (default) or by name, filters by method and touch point', () => {
    const byFee = listOffers(DEFAULT_PSP_CATALOGUE, { amount: 5_000, paymentMethod: 'carta' }).offers;
    expect(byFee.map((o) => o.fee)).toEqual([...byFee.map((o) => o.fee)].sort((a, b) => a - b));
    expect(byFee.every((o) => o.paymentMethod === 'carta')).toBe(true);
    const byName = listOffers(DEFAULT_PSP_CATALOGUE, { amount: 5_000, paymentMethod: 'carta', sortBy: 'name' }).offers.map((o) => o.pspName);
    expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b, 'it')));
    const counter = listOffers(DEFAULT_PSP_CATALOGUE, { amount: 5_000, touchPoint: 'PSP' }).offers;
    expect(counter.some((o) => o.idPSP === 'SRDPIT01')).toBe(true);
    expect(counter.some((o) => o.idPSP === 'NUVLIT01')).toBe(false);
  });

  it('leaves out PSPs whose bundles do not cover the amount', () => {
    const { offers } = listOffers(DEFAULT_PSP_CATALOGUE, { amount: 200_000, paymentMethod: 'app' });
    expect(offers.map((o) => o.idPSP)).toEqual(['NUVLIT01']);
  });

  it('words a single-value range without "da ... a"', () => {
    expect(feeRangeText(100, 100)).toBe('Commissione: 1,00 €');
    expect(feeRangeText(50, 250)).toBe('Commissione: da 0,50 € a 2,50 €');
  });
});
