import { randomBytes } from 'node:crypto';
import { formatEuro } from '../../../src-shared/domain/amount';
import { formatIban } from '../../../src-shared/domain/iban';
import { iuvFromNoticeNumber } from '../../../src-shared/domain/noticeNumber';
import { AppError } from '../../../src-shared/errors';
import type { ExchangeStep, TestCaseId, TestCaseResult } from '../../../src-shared/ipc/schemas/testActivities';
import type { EcStationPort } from '../../../src-shared/sanp/messages';
import type { NodoSimulator } from '../../core/createCore';
import type { Station } from '../../nodo/nodoClient';
import { nowIso, today, type Clock } from '../../platform/clock';
import type { PositionService } from '../../positions/positionService';
import type { Actor } from '../../services/actor';
import { describeFault, isEcFault, testPlan } from './cases';
import { ExchangeLog } from './exchangeLog';
import { TEST_AMOUNT_CENTS, type EcForTest, type TestNotices, type TestPositionFactory } from './testPositions';

export interface TestPlanRunnerDeps {
  nodo: Pick<NodoSimulator, 'connectStation' | 'verifyPaymentNotice' | 'activatePaymentNoticeV2' | 'sendPaymentOutcomeV2' | 'getReceipt' | 'listPsps' | 'listPspOffers'>;
  /** the EC's real station: the plan runs through it, recorded on the way */
  station: EcStationPort;
  positionService: PositionService;
  factory: TestPositionFactory;
  clock: Clock;
}

export interface RunOutcome {
  startedAt: string;
  finishedAt: string;
  cases: TestCaseResult[];
  /** positions the run created, by the case that uses them */
  positions: Array<{ positionId: number; caseId: string }>;
}

interface Obtained {
  obtained: string;
  passed: boolean;
}

/** "1 ricevuta registrata", "2 ricevute registrate": the obtained texts are read by people. */
function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Runs the plan as a PSP would: every request goes to the mock Nodo, which calls the EC station
 * over its simulated network exactly as in a real payment. The station is swapped for a recording
 * tap around the same object for the duration of the run, then put back.
 */
export class TestPlanRunner {
  constructor(private readonly deps: TestPlanRunnerDeps) {}

  async run(actor: Actor, ec: EcForTest, station: Station): Promise<RunOutcome> {
    const { nodo, clock } = this.deps;
    const startedAt = nowIso(clock);
    // unique per run (IUPDs are unique): the time, plus a few random bits for two runs in one millisecond
    const runTag = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
    const notices = this.deps.factory.create(actor, ec, runTag);
    const log = new ExchangeLog(clock);
    nodo.connectStation(station.code, log.tap(this.deps.station));
    try {
      const offer = (await nodo.listPspOffers({ amount: TEST_AMOUNT_CENTS, paymentMethod: 'carta', touchPoint: 'PSP' })).offers[0];
      const psp = offer ? (await nodo.listPsps()).find((p) => p.idPSP === offer.idPSP) : undefined;
      if (!offer || !psp) throw new AppError('INTERNAL', { message: 'Nessun PSP simulato accetta il pagamento di prova.' });
      const ctx: RunContext = { ec, station, notices, log, psp: { idPSP: psp.idPSP, idChannel: psp.idChannel, fee: offer.fee, idBundle: offer.idBundle }, token: null, delivery: [] };
      const cases: TestCaseResult[] = [];
      for (const def of testPlan) {
        log.take();
        let result: Obtained;
        try {
          result = await this.runCase(def.id, ctx);
        } catch (error) {
          result = { obtained: `Errore: ${error instanceof Error ? error.message : String(error)}`, passed: false };
        }
        const exchange = log.take();
        // the Nodo delivers the receipt while answering the outcome: the receipt case shows that part
        if (def.id === 'pay') ctx.delivery = exchange.filter((s) => s.primitive === 'paSendRTV2');
        cases.push({ ...def, noticeNumber: noticeOf(def.id, notices), ...result, exchange });
      }
      return {
        startedAt,
        finishedAt: nowIso(clock),
        cases,
        positions: [
          { positionId: notices.payable.positionId, caseId: 'verify' },
          { positionId: notices.expired.positionId, caseId: 'expired' },
          { positionId: notices.cancelled.positionId, caseId: 'cancelled' },
          { positionId: notices.timeout.positionId, caseId: 'stationTimeout' },
        ],
      };
    } finally {
      nodo.connectStation(station.code, this.deps.station);
    }
  }

  private async runCase(id: TestCaseId, ctx: RunContext): Promise<Obtained> {
    switch (id) {
      case 'verify':
        return this.verify(ctx);
      case 'activate':
        return this.activate(ctx);
      case 'pay':
        return this.pay(ctx);
      case 'receipt':
        return this.receipt(ctx);
      case 'duplicateReceipt':
        return this.duplicateReceipt(ctx);
      case 'expired':
        return this.expectEcFault(ctx, ctx.notices.expired.noticeNumber, 'PAA_PAGAMENTO_SCADUTO');
      case 'cancelled':
        return this.expectEcFault(ctx, ctx.notices.cancelled.noticeNumber, 'PAA_PAGAMENTO_ANNULLATO');
      case 'unknown':
        return this.expectEcFault(ctx, ctx.notices.unknown.noticeNumber, 'PAA_PAGAMENTO_SCONOSCIUTO');
      case 'stationTimeout':
        return this.stationTimeout(ctx);
    }
  }

  private verifyCall(ctx: RunContext, noticeNumber: string) {
    const req = { idPSP: ctx.psp.idPSP, idChannel: ctx.psp.idChannel, qrCode: { fiscalCode: ctx.ec.fiscalCode, noticeNumber } };
    return ctx.log.psp('verifyPaymentNotice', req, () => this.deps.nodo.verifyPaymentNotice(req));
  }

  private async verify(ctx: RunContext): Promise<Obtained> {
    const notice = ctx.notices.payable.noticeNumber;
    const res = await this.verifyCall(ctx, notice);
    if (res.outcome === 'KO') return { obtained: describeFault(res.fault), passed: false };
    const item = res.paymentList[0]!;
    const iuvOk = item.creditorReferenceId === iuvFromNoticeNumber(notice);
    return {
      obtained: `OK con importo ${formatEuro(item.amount)}${iuvOk ? ' e lo IUV dell’avviso' : ` e IUV ${item.creditorReferenceId} (atteso ${iuvFromNoticeNumber(notice)})`}`,
      passed: item.amount === TEST_AMOUNT_CENTS && iuvOk,
    };
  }

  private async activate(ctx: RunContext): Promise<Obtained> {
    const req = {
      idPSP: ctx.psp.idPSP,
      idChannel: ctx.psp.idChannel,
      idempotencyKey: `${ctx.psp.idPSP}_${randomBytes(5).toString('hex')}`,
      qrCode: { fiscalCode: ctx.ec.fiscalCode, noticeNumber: ctx.notices.payable.noticeNumber },
      amount: TEST_AMOUNT_CENTS,
      paymentMethod: 'carta' as const,
      touchPoint: 'PSP' as const,
    };
    const res = await ctx.log.psp('activatePaymentNoticeV2', req, () => this.deps.nodo.activatePaymentNoticeV2(req));
    if (res.outcome === 'KO') return { obtained: describeFault(res.fault), passed: false };
    ctx.token = res.paymentToken;
    const transfer = res.transferList[0];
    const ownIban = transfer !== undefined && transfer.fiscalCodePA === ctx.ec.fiscalCode;
    return {
      obtained: `OK con token ${res.paymentToken}, importo ${formatEuro(res.totalAmount)}, ${plural(res.transferList.length, 'trasferimento', 'trasferimenti')}${transfer ? ` sull’IBAN ${formatIban(transfer.IBAN)}` : ''}`,
      passed: res.totalAmount === TEST_AMOUNT_CENTS && ownIban,
    };
  }

  private async pay(ctx: RunContext): Promise<Obtained> {
    if (!ctx.token) return { obtained: 'Non eseguito: l’attivazione non ha dato un token.', passed: false };
    const day = today(this.deps.clock);
    const req = {
      idPSP: ctx.psp.idPSP,
      idChannel: ctx.psp.idChannel,
      paymentTokens: [ctx.token],
      outcome: 'OK' as const,
      details: { paymentMethod: 'carta' as const, fee: ctx.psp.fee, idBundle: ctx.psp.idBundle, applicationDate: day, transferDate: day },
    };
    const res = await ctx.log.psp('sendPaymentOutcomeV2', req, () => this.deps.nodo.sendPaymentOutcomeV2(req));
    return res.outcome === 'OK' ? { obtained: 'OK', passed: true } : { obtained: describeFault(res.fault), passed: false };
  }

  /** The Nodo delivered the receipt while answering the outcome: judged by what the EC now holds. */
  private async receipt(ctx: RunContext): Promise<Obtained> {
    if (!ctx.token) return { obtained: 'Non eseguito: nessun pagamento.', passed: false };
    const receipt = await this.deps.nodo.getReceipt(ctx.token);
    if (!receipt) return { obtained: 'Il Nodo non ha emesso la ricevuta.', passed: false };
    for (const s of ctx.delivery) ctx.log.add(s.from, s.to, s.primitive, s.kind, JSON.parse(s.body), 'inviata dal Nodo subito dopo l’esito del pagamento');
    const answer = ctx.delivery.find((s) => s.from === 'Stazione EC');
    const stationOk = answer !== undefined && (JSON.parse(answer.body) as { outcome?: unknown }).outcome === 'OK';
    const position = this.deps.positionService.findByNoticeNumber(ctx.notices.payable.noticeNumber);
    const receipts = position ? this.deps.positionService.receiptsOf(position.id) : [];
    const stored = receipts.filter((r) => r.receiptId === receipt.receiptId).length;
    const status = position?.status ?? 'assente';
    return {
      obtained: `La stazione risponde ${stationOk ? 'OK' : answer ? 'KO' : 'nulla'}; posizione ${status === 'PAID' ? 'pagata' : `in stato ${status}`}, ${plural(stored, 'ricevuta registrata', 'ricevute registrate')}`,
      passed: stationOk && status === 'PAID' && stored === 1,
    };
  }

  /** As the Nodo does when the EC's acknowledgement is lost: the same receipt again. */
  private async duplicateReceipt(ctx: RunContext): Promise<Obtained> {
    if (!ctx.token) return { obtained: 'Non eseguito: nessun pagamento.', passed: false };
    const receipt = await this.deps.nodo.getReceipt(ctx.token);
    if (!receipt) return { obtained: 'Il Nodo non ha emesso la ricevuta.', passed: false };
    const position = this.deps.positionService.findByNoticeNumber(ctx.notices.payable.noticeNumber);
    const before = position ? this.deps.positionService.receiptsOf(position.id).length : 0;
    const port = ctx.log.tap(this.deps.station);
    const res = await port.paSendRTV2({ idPA: ctx.ec.fiscalCode, idBrokerPA: ctx.station.brokerFiscalCode, idStation: ctx.station.code, receipt });
    const after = position ? this.deps.positionService.receiptsOf(position.id).length : 0;
    const answer = res.outcome === 'OK' ? 'OK' : `KO ${res.fault.faultCode}`;
    return {
      obtained: `${answer}; ${after === before ? 'nessuna nuova ricevuta registrata' : `${plural(after - before, 'ricevuta', 'ricevute')} in più`}`,
      passed: res.outcome === 'KO' && res.fault.faultCode === 'PAA_RECEIPT_DUPLICATA' && after === before,
    };
  }

  private async expectEcFault(ctx: RunContext, noticeNumber: string, code: 'PAA_PAGAMENTO_SCADUTO' | 'PAA_PAGAMENTO_ANNULLATO' | 'PAA_PAGAMENTO_SCONOSCIUTO'): Promise<Obtained> {
    const res = await this.verifyCall(ctx, noticeNumber);
    if (res.outcome === 'OK') return { obtained: `OK con importo ${formatEuro(res.paymentList[0]!.amount)}: l’avviso risulta pagabile`, passed: false };
    return { obtained: describeFault(res.fault), passed: isEcFault(res.fault, code) };
  }

  private async stationTimeout(ctx: RunContext): Promise<Obtained> {
    const res = await this.verifyCall(ctx, ctx.notices.timeout.noticeNumber);
    const late = ctx.log.lastStationAnswer('paVerifyPaymentNotice');
    if (late) late.note = 'risposta giunta oltre il timeout: il Nodo non la inoltra al PSP';
    if (res.outcome === 'OK') return { obtained: 'OK: nessun timeout', passed: false };
    return { obtained: describeFault(res.fault), passed: res.fault.faultCode === 'PPT_STAZIONE_INT_PA_TIMEOUT' };
  }
}

interface RunContext {
  ec: EcForTest;
  station: Station;
  notices: TestNotices;
  log: ExchangeLog;
  psp: { idPSP: string; idChannel: string; fee: number; idBundle: string };
  /** the payment token of the happy path, once activated */
  token: string | null;
  /** paSendRTV2 as recorded during the outcome */
  delivery: ExchangeStep[];
}

function noticeOf(id: TestCaseId, n: TestNotices): string | null {
  switch (id) {
    case 'expired':
      return n.expired.noticeNumber;
    case 'cancelled':
      return n.cancelled.noticeNumber;
    case 'unknown':
      return n.unknown.noticeNumber;
    case 'stationTimeout':
      return n.timeout.noticeNumber;
    default:
      return n.payable.noticeNumber;
  }
}
