import { formatEuro } from '../../src-shared/domain/amount';
import { luhnCheckDigit } from '../../src-shared/domain/fiscalCode';
import {
  paymentMethodLabels,
  paymentMethods,
  type FeeBundle,
  type FeeRange,
  type PaymentMethod,
  type PspInfo,
  type PspOffer,
  type PspOffers,
  type TouchPoint,
} from './nodoClient';

/**
 * The simulated PSPs. Names and codes are invented (no real bank or brand); fiscal codes are built
 * from an obviously fake prefix with a valid Luhn digit so they pass the Nodo's own checks.
 */
function fakeFiscalCode(n: number): string {
  const first10 = `99000000${String(n).padStart(2, '0')}`;
  return first10 + luhnCheckDigit(first10);
}

const ALL: readonly TouchPoint[] = ['CHECKOUT', 'IO', 'PSP'];
const ONLINE: readonly TouchPoint[] = ['CHECKOUT', 'IO'];
const MAX = 99_999_999_999;

function psp(n: number, idPSP: string, name: string, bundles: Array<Omit<FeeBundle, 'idBundle'> & { id: string }>): PspInfo {
  const pspFiscalCode = fakeFiscalCode(n);
  return {
    idPSP,
    name,
    pspFiscalCode,
    idBrokerPSP: pspFiscalCode,
    idChannel: `${pspFiscalCode}_01`,
    channelDescription: `Canale online di ${name}`,
    bundles: bundles.map(({ id, ...b }) => ({ idBundle: `${idPSP}-${id}`, ...b })),
  };
}

function bundle(
  id: string,
  name: string,
  paymentMethod: PaymentMethod,
  fee: { fixed: number; bps?: number; min?: number; max?: number },
  amounts: { min?: number; max?: number } = {},
  touchPoints: readonly TouchPoint[] = ALL,
): Omit<FeeBundle, 'idBundle'> & { id: string } {
  return {
    id,
    name,
    paymentMethod,
    touchPoints,
    minAmount: amounts.min ?? 1,
    maxAmount: amounts.max ?? MAX,
    fixedFee: fee.fixed,
    rateBasisPoints: fee.bps ?? 0,
    minFee: fee.min ?? 0,
    maxFee: fee.max ?? MAX,
  };
}

export const DEFAULT_PSP_CATALOGUE: readonly PspInfo[] = [
  psp(1, 'BESMIT01', 'Banca Esempio S.p.A.', [
    bundle('C01', 'Carta Esempio', 'carta', { fixed: 50, bps: 40, min: 50, max: 250 }),
    bundle('B01', 'Bonifico Esempio', 'conto', { fixed: 100 }),
  ]),
  psp(2, 'BPPRIT01', 'Banca Popolare di Prova', [
    bundle('C01', 'Carta Prova', 'carta', { fixed: 120 }),
    bundle('B01', 'Conto Prova fino a 1.000 €', 'conto', { fixed: 80 }, { max: 100_000 }),
    bundle('B02', 'Conto Prova oltre 1.000 €', 'conto', { fixed: 150 }, { min: 100_001 }),
  ]),
  psp(3, 'CRIMIT01', 'Cassa di Risparmio Immaginaria', [
    bundle('C01', 'Carta Immaginaria', 'carta', { fixed: 100, bps: 50, max: 400 }),
    bundle('B01', 'Conto Immaginario', 'conto', { fixed: 90, bps: 10, max: 300 }),
  ]),
  psp(4, 'PGFSIT01', 'PagaFacile Simulata', [
    bundle('A01', 'App PagaFacile', 'app', { fixed: 70 }, { max: 150_000 }, ONLINE),
    bundle('C01', 'Carta PagaFacile', 'carta', { fixed: 99 }, { max: 150_000 }, ONLINE),
  ]),
  psp(5, 'NUVLIT01', 'Nuvola Pagamenti', [bundle('A01', 'Portafoglio Nuvola', 'app', { fixed: 30, bps: 50, min: 50, max: 150 }, {}, ONLINE)]),
  psp(6, 'BCBFIT01', 'Credito Cooperativo del Borgo Finto', [
    bundle('B01', 'Conto Borgo piccoli importi', 'conto', { fixed: 0 }, { max: 10_000 }),
    bundle('B02', 'Conto Borgo', 'conto', { fixed: 100 }, { min: 10_001 }),
    bundle('C01', 'Carta Borgo', 'carta', { fixed: 150 }),
  ]),
  psp(7, 'SRDPIT01', 'Sportelli Riuniti di Prova', [
    bundle('C01', 'Carta allo sportello', 'carta', { fixed: 200 }, {}, ['PSP']),
    bundle('B01', 'Addebito allo sportello', 'conto', { fixed: 180 }, {}, ['PSP']),
  ]),
];

/** fixed + amount × rate (half up), then within [min, max]. Integer cents throughout. */
export function computeFee(bundle: FeeBundle, amount: number): number {
  const proportional = Math.floor((amount * bundle.rateBasisPoints + 5_000) / 10_000);
  return Math.min(bundle.maxFee, Math.max(bundle.minFee, bundle.fixedFee + proportional));
}

export function bundleCovers(bundle: FeeBundle, amount: number, method: PaymentMethod, touchPoint?: TouchPoint): boolean {
  return (
    bundle.paymentMethod === method &&
    amount >= bundle.minAmount &&
    amount <= bundle.maxAmount &&
    (touchPoint === undefined || bundle.touchPoints.includes(touchPoint))
  );
}

/** The PSP's bundle for this payment: the named one if it fits, else its cheapest that fits. */
export function pickBundle(
  info: PspInfo,
  amount: number,
  method: PaymentMethod,
  options: { touchPoint?: TouchPoint; idBundle?: string } = {},
): { bundle: FeeBundle; fee: number } | null {
  let best: { bundle: FeeBundle; fee: number } | null = null;
  for (const b of info.bundles) {
    if (options.idBundle !== undefined && b.idBundle !== options.idBundle) continue;
    if (!bundleCovers(b, amount, method, options.touchPoint)) continue;
    const fee = computeFee(b, amount);
    if (!best || fee < best.fee) best = { bundle: b, fee };
  }
  return best;
}

export function feeRangeText(minFee: number, maxFee: number): string {
  return minFee === maxFee ? `Commissione: ${formatEuro(minFee)}` : `Commissione: da ${formatEuro(minFee)} a ${formatEuro(maxFee)}`;
}

const collator = new Intl.Collator('it', { sensitivity: 'base' });

/**
 * Every PSP's offer for an amount (one per PSP and method), the cheapest of each method marked
 * `suggested`, and the fee range per method as Checkout shows it.
 */
export function listOffers(
  catalogue: readonly PspInfo[],
  query: { amount: number; paymentMethod?: PaymentMethod; touchPoint?: TouchPoint; sortBy?: 'fee' | 'name' },
): PspOffers {
  const methods = query.paymentMethod ? [query.paymentMethod] : paymentMethods;
  const offers: PspOffer[] = [];
  for (const info of catalogue) {
    for (const method of methods) {
      const picked = pickBundle(info, query.amount, method, query.touchPoint ? { touchPoint: query.touchPoint } : {});
      if (!picked) continue;
      offers.push({
        idPSP: info.idPSP,
        pspName: info.name,
        idChannel: info.idChannel,
        idBundle: picked.bundle.idBundle,
        paymentMethod: method,
        fee: picked.fee,
        total: query.amount + picked.fee,
        suggested: false,
      });
    }
  }

  const byFee = (a: PspOffer, b: PspOffer): number => a.fee - b.fee || collator.compare(a.pspName, b.pspName);
  const ranges: FeeRange[] = [];
  for (const method of methods) {
    const ofMethod = offers.filter((o) => o.paymentMethod === method).sort(byFee);
    const cheapest = ofMethod[0];
    if (!cheapest) continue;
    cheapest.suggested = true;
    const minFee = cheapest.fee;
    const maxFee = ofMethod[ofMethod.length - 1]!.fee;
    ranges.push({ paymentMethod: method, label: paymentMethodLabels[method], minFee, maxFee, text: feeRangeText(minFee, maxFee) });
  }

  const byName = (a: PspOffer, b: PspOffer): number => collator.compare(a.pspName, b.pspName) || a.fee - b.fee;
  offers.sort(query.sortBy === 'name' ? byName : byFee);
  return { amount: query.amount, offers, ranges };
}
