import { randomBytes } from 'node:crypto';
import { addDaysIso } from '../../src-shared/domain/date';
import { paymentProgress } from '../../src-shared/domain/positionStatus';
import { AppError } from '../../src-shared/errors';
import type { Fault } from '../../src-shared/sanp/messages';
import type { Core } from '../core/createCore';
import type { PaymentMethod, PspInfo, PspOffer, TouchPoint } from '../nodo/nodoClient';
import { today } from '../platform/clock';
import { SeededRandom } from '../platform/random';
import type { DebtPosition, PaymentOption } from '../positions/types';
import { DEFAULT_SEED } from './seedPositions';
import { mix } from './syntheticData';

/** How the simulated payers pay. */
export interface PspMix {
  /** relative weights of the payment methods */
  methods: Record<PaymentMethod, number>;
  /** share of payers who take the suggested (cheapest) offer; the others pick any offer of the method */
  cheapest: number;
  /**
   * share of payments closed by a PSP that authorises on its own and sends sendPaymentOutcomeV2
   * itself; the rest go through the simulated PSP's payWithPsp
   */
  directOutcome: number;
  /** share of payers at a PSP's own counter (touch point PSP) rather than pagoPA Checkout */
  atCounter: number;
  /** for a plan not yet started: share of payers who pay the rata unica instead of the first instalment */
  rataUnica: number;
}

export const DEFAULT_PSP_MIX: PspMix = {
  methods: { carta: 60, conto: 25, app: 15 },
  cheapest: 0.7,
  directOutcome: 0.2,
  atCounter: 0.1,
  rataUnica: 0.4,
};

export interface SimulateOptions {
  count: number;
  /** payments in flight at once (default 1) */
  concurrency?: number;
  seed?: number;
  pspMix?: Partial<PspMix>;
  /** notice numbers to pay first (e.g. scenario notices); they count towards `count` */
  notices?: readonly string[];
  onProgress?: (progress: { done: number; total: number; ok: number; elapsedMs: number }) => void;
}

/** Where a payment stopped, by the code a PSP would see. */
export interface PaymentFailure {
  noticeNumber: string;
  step: 'verify' | 'offers' | 'activate' | 'pay';
  /** a SANP fault code, `PSP_RIFIUTO` (the PSP declined) or an AppError code */
  code: string;
}

export interface ConsistencyReport {
  ok: boolean;
  /** OK payments whose receipt the EC holds */
  receiptsAtEc: number;
  /** OK payments whose receipt is still queued on the Nodo (a retry is due later): not an error */
  receiptsPending: number;
  problems: string[];
}

export interface SimulationResult {
  attempted: number;
  ok: number;
  /** failures by code, e.g. { 'PPT_STAZIONE_INT_PA_TIMEOUT': 1, 'PPT_ERRORE_EMESSO_DA_PAA/PAA_PAGAMENTO_DUPLICATO': 2 } */
  faults: Record<string, number>;
  failures: PaymentFailure[];
  elapsedMs: number;
  paymentsPerSecond: number;
  /** total collected, fees excluded (cents) */
  amount: number;
  fees: number;
  consistency: ConsistencyReport;
}

interface Candidate {
  position: DebtPosition;
  option: PaymentOption;
}

type Outcome =
  | { ok: true; candidate: Candidate | null; noticeNumber: string; receiptId: string; amount: number; fee: number }
  | { ok: false; failure: PaymentFailure; token: string | null };

const PAGE = 100;
/** how many times a PSP repeats an outcome whose answer was lost */
const OUTCOME_ATTEMPTS = 3;

/**
 * Payments as PSPs make them, end to end through the Nodo and the EC's station: verifyPaymentNotice,
 * the PSP offers for the amount, activatePaymentNoticeV2, then the PSP closes the payment (payWithPsp,
 * or sendPaymentOutcomeV2 straight away); the Nodo delivers the receipt (paSendRTV2) and the EC marks
 * the option paid. Every decision of payment i comes from its own generator (seed, i), so the same
 * seed makes the same choices whatever the concurrency. Faults are counted, not retried, except a lost
 * outcome, which a PSP must repeat. Ends with the receipt queue drained and a consistency check.
 */
export async function simulatePayments(core: Core, options: SimulateOptions): Promise<SimulationResult> {
  const count = options.count;
  if (!Number.isSafeInteger(count) || count < 1) throw new RangeError('Il numero di pagamenti deve essere un intero positivo.');
  const concurrency = Math.max(1, Math.min(options.concurrency ?? 1, count));
  const seed = options.seed ?? DEFAULT_SEED;
  const mixOf: PspMix = { ...DEFAULT_PSP_MIX, ...options.pspMix, methods: { ...DEFAULT_PSP_MIX.methods, ...options.pspMix?.methods } };
  const ec = core.ecProfile.get();
  if (!ec) throw new AppError('SETUP_REQUIRED');

  const explicit = [...new Set(options.notices ?? [])].slice(0, count);
  const candidates = pickCandidates(core, count - explicit.length, SeededRandom.fromSeed(mix(seed, 0xc0de)), mixOf, new Set(explicit));
  const work: Array<{ noticeNumber: string; candidate: Candidate | null }> = [
    ...explicit.map((noticeNumber) => ({ noticeNumber, candidate: null })),
    ...candidates.map((c) => ({ noticeNumber: c.option.noticeNumber, candidate: c })),
  ];
  if (work.length === 0) throw new AppError('SIMULATION_NOTHING_TO_PAY');

  const psps = await core.nodo.listPsps();
  const outcomes: Outcome[] = new Array<Outcome>(work.length);
  const started = performance.now();
  let next = 0;
  let done = 0;
  let okCount = 0;
  const worker = async (): Promise<void> => {
    while (next < work.length) {
      const i = next++;
      const item = work[i]!;
      const rng = SeededRandom.fromSeed(mix(seed, i + 1));
      outcomes[i] = await payOne(core, ec.fiscalCode, item.noticeNumber, item.candidate, psps, rng, mixOf);
      done++;
      if (outcomes[i]!.ok) okCount++;
      if (options.onProgress && (done % 100 === 0 || done === work.length)) {
        options.onProgress({ done, total: work.length, ok: okCount, elapsedMs: performance.now() - started });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, work.length) }, worker));
  const elapsedMs = performance.now() - started;

  // receipts the outcome did not wait for, then whatever retries are already due
  await core.nodo.whenIdle();
  await core.nodo.deliverPendingReceipts();

  const faults: Record<string, number> = {};
  const failures: PaymentFailure[] = [];
  let amount = 0;
  let fees = 0;
  for (const o of outcomes) {
    if (o.ok) {
      amount += o.amount;
      fees += o.fee;
    } else {
      failures.push(o.failure);
      faults[o.failure.code] = (faults[o.failure.code] ?? 0) + 1;
    }
  }
  return {
    attempted: work.length,
    ok: okCount,
    faults,
    failures,
    elapsedMs,
    paymentsPerSecond: elapsedMs > 0 ? (work.length / elapsedMs) * 1000 : 0,
    amount,
    fees,
    consistency: await checkConsistency(core, outcomes),
  };
}

/**
 * Payable notices, read the way the back office lists them (PositionService.list, keyset pages by due
 * date) from a random due date onwards, wrapping around; one option per position, so a run never
 * pays the same debt twice on purpose. Shuffled so the order does not follow due dates.
 */
function pickCandidates(core: Core, wanted: number, rng: SeededRandom, mixOf: PspMix, skip: ReadonlySet<string>): Candidate[] {
  const out: Candidate[] = [];
  if (wanted <= 0) return out;
  const service = core.positions.positions;
  const day = today(core.clock);
  const start = addDaysIso(day, rng.int(0, 365));
  // positions part-paid come first in the mix: the next instalment of a plan is a typical payment
  const scans: Array<{ status: 'PARTIALLY_PAID' | 'VALID'; share: number }> = [
    { status: 'PARTIALLY_PAID', share: 0.2 },
    { status: 'VALID', share: 1 },
  ];
  for (const { status, share } of scans) {
    const limit = Math.ceil(wanted * share);
    const taken = out.length;
    // from the random date to the end, then from the beginning up to it
    for (const range of [{ dueDateFrom: start }, { dueDateTo: addDaysIso(start, -1) }]) {
      let cursor: string | null = null;
      do {
        const page = service.list({ status, ...range, limit: PAGE, cursor });
        for (const position of page.items) {
          if (out.length >= wanted || out.length - taken >= limit) break;
          const option = optionToPay(position, rng, mixOf);
          if (option && !skip.has(option.noticeNumber)) out.push({ position, option });
        }
        cursor = page.nextCursor;
      } while (cursor && out.length < wanted && out.length - taken < limit);
      if (out.length >= wanted || out.length - taken >= limit) break;
    }
  }
  // Fisher-Yates with the seeded generator
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The option a payer of this position would pay now, or null when nothing is due. */
function optionToPay(position: DebtPosition, rng: SeededRandom, mixOf: PspMix): PaymentOption | null {
  const unpaid = position.options.filter((o) => o.status === 'unpaid');
  const single = unpaid.find((o) => o.kind === 'single');
  if (single) return single;
  const instalments = unpaid.filter((o) => o.kind === 'instalment').sort((a, b) => a.instalmentNumber! - b.instalmentNumber!);
  const rataUnica = unpaid.find((o) => o.kind === 'rataUnica');
  const started = paymentProgress(position.options) !== 'none';
  if (rataUnica && !started && rng.chance(mixOf.rataUnica)) return rataUnica;
  return instalments[0] ?? null;
}

function faultKey(fault: Fault): string {
  return fault.originalFaultCode ? `${fault.faultCode}/${fault.originalFaultCode}` : fault.faultCode;
}

function weighted<T extends string>(rng: SeededRandom, weights: Record<T, number>): T {
  const entries = (Object.entries(weights) as Array<[T, number]>).filter(([, w]) => w > 0);
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let roll = rng.float() * total;
  for (const [key, w] of entries) {
    roll -= w;
    if (roll < 0) return key;
  }
  return entries[entries.length - 1]![0];
}

async function payOne(
  core: Core,
  ecFiscalCode: string,
  noticeNumber: string,
  candidate: Candidate | null,
  psps: readonly PspInfo[],
  rng: SeededRandom,
  mixOf: PspMix,
): Promise<Outcome> {
  const { nodo } = core;
  const fail = (step: PaymentFailure['step'], code: string, token: string | null = null): Outcome => ({ ok: false, failure: { noticeNumber, step, code }, token });
  const qrCode = { fiscalCode: ecFiscalCode, noticeNumber };
  const method = weighted(rng, mixOf.methods);
  const touchPoint: TouchPoint = method === 'app' ? 'IO' : rng.chance(mixOf.atCounter) ? 'PSP' : 'CHECKOUT';
  // the payer's first contact (app, home banking, Checkout) verifies the notice
  const first = rng.pick(psps);
  try {
    const verify = await nodo.verifyPaymentNotice({ idPSP: first.idPSP, idChannel: first.idChannel, qrCode });
    if (verify.outcome === 'KO') return fail('verify', faultKey(verify.fault));
    const amount = verify.paymentList[0]!.amount;

    const { offers } = await nodo.listPspOffers({ amount, paymentMethod: method, touchPoint });
    if (offers.length === 0) return fail('offers', 'NESSUNA_OFFERTA');
    const offer: PspOffer = rng.chance(mixOf.cheapest) ? (offers.find((o) => o.suggested) ?? offers[0]!) : rng.pick(offers);
    const psp = psps.find((p) => p.idPSP === offer.idPSP)!;

    const activation = await nodo.activatePaymentNoticeV2({
      idPSP: psp.idPSP,
      idChannel: psp.idChannel,
      // fresh for every activation, as a PSP makes it: a key derived from the seed would repeat in a
      // second run with the same seed and the Nodo would refuse it (PPT_ERRORE_IDEMPOTENZA)
      idempotencyKey: `${psp.idPSP}_${randomBytes(5).toString('hex')}`,
      qrCode,
      amount,
      paymentMethod: method,
      touchPoint,
    });
    if (activation.outcome === 'KO') return fail('activate', faultKey(activation.fault));
    const token = activation.paymentToken;
    const debtor = candidate?.position.debtor;
    const payer = debtor
      ? { uniqueIdentifier: { entityUniqueIdentifierType: debtor.type, entityUniqueIdentifierValue: debtor.fiscalCode }, fullName: debtor.fullName }
      : undefined;

    // notices named on the command line (scenario notices) always take the PSP's own path, where
    // the PSP can refuse: a direct outcome would skip the pspRefuses scenario by chance
    if (candidate !== null && rng.chance(mixOf.directOutcome)) {
      const day = today(core.clock);
      const closed = await sendOutcome(core, {
        idPSP: psp.idPSP,
        idChannel: psp.idChannel,
        paymentTokens: [token],
        outcome: 'OK',
        details: { paymentMethod: method, fee: offer.fee, idBundle: offer.idBundle, applicationDate: day, transferDate: day, ...(payer ? { payer } : {}) },
      });
      if (closed !== null) return fail('pay', closed, token);
      return { ok: true, candidate, noticeNumber, receiptId: token, amount, fee: offer.fee };
    }
    const paid = await nodo.payWithPsp({ idPSP: psp.idPSP, paymentToken: token, idBundle: offer.idBundle, ...(payer ? { payer } : {}) });
    if (paid.outcome === 'REFUSED') return fail('pay', 'PSP_RIFIUTO', token);
    if (paid.outcome === 'KO') return fail('pay', faultKey(paid.fault), token);
    return { ok: true, candidate, noticeNumber, receiptId: paid.receiptId, amount, fee: paid.fee };
  } catch (error) {
    // malformed input or an answer lost on the way: counted by its code, the run goes on
    return fail('pay', error instanceof AppError ? error.code : 'ERRORE_INTERNO');
  }
}

/**
 * sendPaymentOutcomeV2 as a PSP sends it: repeated when the answer is lost; a repeat answered
 * PPT_ESITO_GIA_ACQUISITO succeeded if the token is PAID. Returns null on success, else the code.
 */
async function sendOutcome(core: Core, req: Parameters<Core['nodo']['sendPaymentOutcomeV2']>[0]): Promise<string | null> {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await core.nodo.sendPaymentOutcomeV2(req);
      if (res.outcome === 'OK') return null;
      if (res.fault.faultCode === 'PPT_ESITO_GIA_ACQUISITO' && attempt > 1) {
        const status = await core.nodo.getPaymentStatus(req.paymentTokens[0]!);
        if (status?.status === 'PAID') return null;
      }
      return faultKey(res.fault);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'NODO_UNAVAILABLE') || attempt >= OUTCOME_ATTEMPTS) {
        return error instanceof AppError ? error.code : 'ERRORE_INTERNO';
      }
    }
  }
}

/**
 * After the run: every OK payment is PAID on the Nodo and its receipt is held by the EC exactly once
 * (or still queued for a retry), and its option is paid by that receipt; no failed payment left a
 * receipt at the EC; no option of this run holds two receipts (a double payment).
 */
async function checkConsistency(core: Core, outcomes: readonly Outcome[]): Promise<ConsistencyReport> {
  const receipts = core.positions.repositories.receipts;
  const positions = core.positions.repositories.positions;
  const problems: string[] = [];
  let receiptsAtEc = 0;
  let receiptsPending = 0;
  const optionsSeen = new Set<number>();
  for (const o of outcomes) {
    if (!o.ok) {
      if (o.token && receipts.findByReceiptId(o.token)) problems.push(`Il pagamento non riuscito ${o.token} (avviso ${o.failure.noticeNumber}) ha una ricevuta presso l’Ente.`);
      continue;
    }
    const status = await core.nodo.getPaymentStatus(o.receiptId);
    if (status?.status !== 'PAID') {
      problems.push(`Il pagamento ${o.receiptId} (avviso ${o.noticeNumber}) non risulta pagato sul Nodo.`);
      continue;
    }
    const stored = receipts.findByReceiptId(o.receiptId);
    if (!stored) {
      const queued = status.deliveries.some((d) => !d.delivered && d.nextAttemptAt !== null);
      if (queued) receiptsPending++;
      else problems.push(`La ricevuta ${o.receiptId} (avviso ${o.noticeNumber}) non è arrivata all’Ente e non è in coda sul Nodo.`);
      continue;
    }
    receiptsAtEc++;
    if (optionsSeen.has(stored.optionId)) problems.push(`L’avviso ${o.noticeNumber} è stato pagato due volte in questa simulazione.`);
    optionsSeen.add(stored.optionId);
    const all = receipts.listByOption(stored.optionId);
    if (all.length !== 1) problems.push(`L’avviso ${o.noticeNumber} ha ${all.length} ricevute presso l’Ente.`);
    if (stored.anomaly) problems.push(`La ricevuta ${o.receiptId} (avviso ${o.noticeNumber}) è segnalata come ${stored.anomaly}.`);
    const option = positions.findOptionByNoticeNumber(o.noticeNumber);
    if (option?.status !== 'paid' || option.paidReceiptId !== stored.id) {
      problems.push(`L’opzione dell’avviso ${o.noticeNumber} non risulta pagata dalla ricevuta ${o.receiptId}.`);
    }
  }
  return { ok: problems.length === 0, receiptsAtEc, receiptsPending, problems };
}
