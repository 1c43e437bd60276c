import { AppError } from '../../src-shared/errors';
import { parseNoticeNumber } from '../../src-shared/domain/noticeNumber';
import {
  paGetPaymentV2Res,
  paVerifyPaymentNoticeRes,
  type CtReceiptV2,
  type Fault,
  type PaymentData,
} from '../../src-shared/sanp/messages';
import type { NodoContext } from './context';
import type { ReceiptDelivery } from './delivery';
import type { Injection } from './network';
import {
  activatePaymentNoticeV2Req,
  payWithPspReq,
  sendPaymentOutcomeV2Req,
  verifyPaymentNoticeReq,
  type ActivatePaymentNoticeV2Ok,
  type ActivatePaymentNoticeV2Res,
  type PaymentInfo,
  type PaymentOutcomeDetails,
  type PayWithPspRes,
  type PspInfo,
  type SendPaymentOutcomeV2Res,
  type VerifyPaymentNoticeRes,
} from './nodoClient';
import { pickBundle } from './pspCatalogue';
import type { StationRecord } from './repositories/onboardingRepository';
import type { NewTransfer, TokenRecord } from './repositories/paymentRepository';
import { findScenario, type ActiveScenario } from './scenarios';
import { italianDay } from './settlement';
import { invalidField, ko, networkFault, parseInput, pptFault, sha256Hex, wrapEcFault } from './support';

type NoticeState = 'FREE' | 'PAID' | 'IN_PROGRESS';

/** How many times the simulated PSP repeats an outcome whose answer got lost. */
const PSP_OUTCOME_ATTEMPTS = 3;

const PSP_REFUSED_MESSAGE = 'Il pagamento non è stato autorizzato dal prestatore di servizi di pagamento: nessun importo è stato addebitato.';
const PSP_NO_BUNDLE_MESSAGE = 'Il prestatore di servizi di pagamento scelto non accetta questo importo con il metodo indicato.';

/**
 * The SANP 3 payment primitives as the Nodo runs them between the PSPs and the EC stations, plus the
 * simulated PSP's own step (authorise, then send the outcome).
 *
 * Consistency rules: a notice has at most one live token and at most one PAID token (enforced by
 * partial unique indexes too); activation writes nothing until the EC has answered (one transaction);
 * the outcome, the receipt and its delivery rows are written in one transaction, so a crash either
 * loses the whole outcome (the PSP repeats it) or keeps a receipt that will be delivered.
 */
export class NodoPayments {
  /** notices and idempotency keys whose activation is waiting for the EC's answer */
  private readonly activating = new Set<string>();
  private readonly activatingKeys = new Map<string, string>();

  constructor(
    private readonly ctx: NodoContext,
    private readonly delivery: ReceiptDelivery,
    private readonly track: (work: Promise<unknown>) => void,
  ) {}

  async verifyPaymentNotice(input: unknown): Promise<VerifyPaymentNoticeRes> {
    const req = parseInput(verifyPaymentNoticeReq, input);
    this.requirePsp(req.idPSP, req.idChannel);
    const { fiscalCode, noticeNumber } = req.qrCode;
    const state = this.noticeState(fiscalCode, noticeNumber, this.ctx.clock.now().toISOString());
    if (state === 'PAID') return ko(pptFault('PPT_PAGAMENTO_DUPLICATO'));
    if (state === 'IN_PROGRESS' || this.activating.has(`${fiscalCode}|${noticeNumber}`)) return ko(pptFault('PPT_PAGAMENTO_IN_CORSO'));
    const route = this.route(fiscalCode, noticeNumber);
    if ('fault' in route) return ko(route.fault);
    const st = route.station;
    const active = this.ctx.scenarios({ noticeNumber, ecFiscalCode: fiscalCode, stationCode: st.code });
    const res = await this.ctx.network.call(
      st.code,
      'paVerifyPaymentNotice',
      st.timeouts.verifyMs,
      this.stationInjection(active, `${fiscalCode}|${noticeNumber}`),
      (port) => port.paVerifyPaymentNotice({ idPA: fiscalCode, idBrokerPA: st.brokerFiscalCode, idStation: st.code, qrCode: req.qrCode }),
      paVerifyPaymentNoticeRes,
    );
    if (!res.ok) return ko(networkFault(res));
    if (res.value.outcome === 'KO') return ko(wrapEcFault(res.value.fault, fiscalCode));
    if (res.value.fiscalCodePA !== fiscalCode) {
      return ko(pptFault('PPT_SYSTEM_ERROR', 'La stazione ha risposto per un Ente diverso da quello richiesto.'));
    }
    return res.value;
  }

  async activatePaymentNoticeV2(input: unknown): Promise<ActivatePaymentNoticeV2Res> {
    const req = parseInput(activatePaymentNoticeV2Req, input);
    this.requirePsp(req.idPSP, req.idChannel);
    const { fiscalCode, noticeNumber } = req.qrCode;
    const startedAt = this.ctx.clock.now().toISOString();
    const hash = sha256Hex(
      JSON.stringify([
        req.idPSP,
        req.idChannel,
        fiscalCode,
        noticeNumber,
        req.amount,
        req.expirationTime ?? null,
        req.dueDate ?? null,
        req.paymentNote ?? null,
        req.paymentMethod,
        req.touchPoint,
      ]),
    );

    const keyId = req.idempotencyKey !== undefined ? `${req.idPSP}|${req.idempotencyKey}` : null;
    if (req.idempotencyKey !== undefined && keyId) {
      const known = this.ctx.payments.findIdempotency(req.idPSP, req.idempotencyKey);
      if (known && known.expiresAt > startedAt) {
        if (known.requestHash !== hash) return ko(pptFault('PPT_ERRORE_IDEMPOTENZA'));
        return activationOk(this.ctx.payments.findToken(known.token)!);
      }
      const pending = this.activatingKeys.get(keyId);
      if (pending !== undefined) return ko(pptFault(pending === hash ? 'PPT_PAGAMENTO_IN_CORSO' : 'PPT_ERRORE_IDEMPOTENZA'));
    }

    const noticeKey = `${fiscalCode}|${noticeNumber}`;
    if (this.activating.has(noticeKey)) return ko(pptFault('PPT_PAGAMENTO_IN_CORSO'));
    const state = this.noticeState(fiscalCode, noticeNumber, startedAt);
    if (state === 'PAID') return ko(pptFault('PPT_PAGAMENTO_DUPLICATO'));
    if (state === 'IN_PROGRESS') return ko(pptFault('PPT_PAGAMENTO_IN_CORSO'));
    const route = this.route(fiscalCode, noticeNumber);
    if ('fault' in route) return ko(route.fault);
    const st = route.station;
    const active = this.ctx.scenarios({ noticeNumber, ecFiscalCode: fiscalCode, stationCode: st.code });

    // reserve in memory while the EC answers: nothing is written unless the activation succeeds
    this.activating.add(noticeKey);
    if (keyId) this.activatingKeys.set(keyId, hash);
    try {
      const res = await this.ctx.network.call(
        st.code,
        'paGetPaymentV2',
        st.timeouts.getPaymentMs,
        this.stationInjection(active, noticeKey),
        (port) =>
          port.paGetPaymentV2({
            idPA: fiscalCode,
            idBrokerPA: st.brokerFiscalCode,
            idStation: st.code,
            qrCode: req.qrCode,
            amount: req.amount,
            ...(req.dueDate ? { dueDate: req.dueDate } : {}),
            ...(req.paymentNote ? { paymentNote: req.paymentNote } : {}),
          }),
        paGetPaymentV2Res,
      );
      if (!res.ok) return ko(networkFault(res));
      if (res.value.outcome === 'KO') return ko(wrapEcFault(res.value.fault, fiscalCode));
      const data = res.value.data;
      const problem = this.checkPaymentData(fiscalCode, data);
      if (problem) return ko(problem);

      const expiry = findScenario(active, 'tokenExpiry');
      const validityMs = expiry && this.ctx.counter.fire(expiry, noticeKey) ? 0 : (req.expirationTime ?? this.ctx.settings.tokenValidityMs);
      const now = this.ctx.clock.now();
      const at = now.toISOString();
      const expiresAt = new Date(now.getTime() + validityMs).toISOString();
      const { writes, payments, rng } = this.ctx;
      const outcome = await writes.run((): TokenRecord | Fault => {
        // checked again: the state may have changed while the EC was answering
        if (payments.isPaid(fiscalCode, noticeNumber)) return pptFault('PPT_PAGAMENTO_DUPLICATO');
        const live = payments.activeToken(fiscalCode, noticeNumber);
        if (live) {
          if (live.expiresAt > at) return pptFault('PPT_PAGAMENTO_IN_CORSO');
          payments.closeToken(live.token, 'EXPIRED', at);
        }
        let token = rng.hex(32);
        while (payments.tokenExists(token)) token = rng.hex(32);
        const record: TokenRecord = {
          token,
          ecFiscalCode: fiscalCode,
          noticeNumber,
          stationCode: st.code,
          idPSP: req.idPSP,
          idChannel: req.idChannel,
          idempotencyKey: req.idempotencyKey ?? null,
          amount: data.paymentAmount,
          paymentMethod: req.paymentMethod,
          touchPoint: req.touchPoint,
          status: 'ACTIVE',
          paymentData: data,
          activatedAt: at,
          expiresAt,
          closedAt: null,
        };
        payments.insertToken(record);
        if (req.idempotencyKey !== undefined) payments.putIdempotency(req.idPSP, req.idempotencyKey, hash, token, expiresAt);
        this.ctx.saveRng();
        return record;
      });
      return 'token' in outcome ? activationOk(outcome) : ko(outcome);
    } finally {
      this.activating.delete(noticeKey);
      if (keyId) this.activatingKeys.delete(keyId);
    }
  }

  async sendPaymentOutcomeV2(input: unknown): Promise<SendPaymentOutcomeV2Res> {
    const req = parseInput(sendPaymentOutcomeV2Req, input);
    const psp = this.requirePsp(req.idPSP, req.idChannel);
    const now = this.ctx.clock.now();
    const at = now.toISOString();
    const { writes, payments } = this.ctx;

    const result = await writes.run((): { fault: Fault } | { tokens: TokenRecord[]; receipts: string[] } => {
      const tokens: TokenRecord[] = [];
      for (const t of req.paymentTokens) {
        const rec = payments.findToken(t);
        if (!rec || rec.idPSP !== req.idPSP) return { fault: pptFault('PPT_TOKEN_SCONOSCIUTO', `Token sconosciuto: ${t}.`) };
        if (rec.status === 'PAID' || rec.status === 'KO') return { fault: pptFault('PPT_ESITO_GIA_ACQUISITO', `Esito già registrato per il token ${t}.`) };
        if (rec.status === 'EXPIRED') return { fault: pptFault('PPT_TOKEN_SCADUTO', `Token scaduto: ${t}.`) };
        if (rec.expiresAt <= at) {
          // recorded even though the request fails: the notice is free again
          payments.closeToken(t, 'EXPIRED', at);
          return { fault: pptFault('PPT_TOKEN_SCADUTO', `Token scaduto: ${t}.`) };
        }
        tokens.push(rec);
      }
      if (req.outcome === 'KO') {
        for (const rec of tokens) payments.closeToken(rec.token, 'KO', at);
        return { tokens, receipts: [] };
      }
      const details = req.details!;
      const day = italianDay(now);
      const receipts: string[] = [];
      for (const rec of tokens) {
        if (!payments.closeToken(rec.token, 'PAID', at)) throw new Error(`Token ${rec.token} non più attivo`);
        const receipt = buildReceipt(rec, psp, details, at);
        const transfers: NewTransfer[] = receipt.transferList.map((tr) => ({
          transferIndex: tr.idTransfer,
          ecFiscalCode: tr.fiscalCodePA,
          iban: tr.IBAN,
          amount: tr.transferAmount,
          iuv: receipt.creditorReferenceId,
          outcomeCode: receipt.standIn ? 4 : 0,
        }));
        payments.insertReceipt(receipt, day, transfers);
        // one delivery per EC in the transfer list, the primary EC first, through the station that served it
        const recipients = [rec.ecFiscalCode, ...receipt.transferList.map((tr) => tr.fiscalCodePA)];
        for (const ec of new Set(recipients)) payments.insertDelivery(receipt.receiptId, ec, ec === rec.ecFiscalCode ? rec.stationCode : null, at);
        receipts.push(receipt.receiptId);
      }
      return { tokens, receipts };
    });

    if ('fault' in result) return ko(result.fault);
    const lost = result.tokens.some((rec) => {
      const s = findScenario(this.ctx.scenarios({ noticeNumber: rec.noticeNumber, ecFiscalCode: rec.ecFiscalCode, stationCode: rec.stationCode }), 'outcomeLost');
      return s !== undefined && this.ctx.counter.fire(s, `${rec.ecFiscalCode}|${rec.noticeNumber}`);
    });
    if (result.receipts.length > 0) {
      const delivering = this.delivery.deliverReceipts(result.receipts);
      if (this.ctx.settings.awaitDeliveryOnOutcome) await delivering;
      else this.track(delivering);
    }
    if (lost) {
      this.ctx.logger.info('nodo.outcome.responseLost', { tokens: req.paymentTokens });
      throw new AppError('NODO_UNAVAILABLE');
    }
    return { outcome: 'OK' };
  }

  /**
   * The simulated PSP: picks its fee bundle, authorises (or refuses, per scenario) and sends the
   * outcome, repeating it when the answer gets lost as a real PSP must.
   */
  async payWithPsp(input: unknown): Promise<PayWithPspRes> {
    const req = parseInput(payWithPspReq, input);
    const psp = this.ctx.psps.get(req.idPSP);
    if (!psp) throw invalidField('idPSP', 'PSP sconosciuto.');
    const rec = this.ctx.payments.findToken(req.paymentToken);
    if (!rec || rec.idPSP !== req.idPSP) return ko(pptFault('PPT_TOKEN_SCONOSCIUTO', `Token sconosciuto: ${req.paymentToken}.`));
    const method = req.paymentMethod ?? rec.paymentMethod;
    const picked = pickBundle(psp, rec.amount, method, { touchPoint: rec.touchPoint, ...(req.idBundle ? { idBundle: req.idBundle } : {}) });
    const refusal = findScenario(this.ctx.scenarios({ noticeNumber: rec.noticeNumber, ecFiscalCode: rec.ecFiscalCode, stationCode: rec.stationCode }), 'pspRefuses');
    const refuses = refusal !== undefined && this.ctx.counter.fire(refusal, `${rec.ecFiscalCode}|${rec.noticeNumber}`);

    if (!picked || refuses) {
      const closed = await this.sendOutcomeAsPsp({ idPSP: psp.idPSP, idChannel: rec.idChannel, paymentTokens: [rec.token], outcome: 'KO' });
      if (closed.outcome === 'KO' && closed.fault.faultCode !== 'PPT_ESITO_GIA_ACQUISITO') return closed;
      return { outcome: 'REFUSED', message: picked ? PSP_REFUSED_MESSAGE : PSP_NO_BUNDLE_MESSAGE };
    }

    const day = italianDay(this.ctx.clock.now());
    const details: PaymentOutcomeDetails = {
      paymentMethod: method,
      fee: picked.fee,
      idBundle: picked.bundle.idBundle,
      applicationDate: day,
      transferDate: day,
      ...(req.payer ? { payer: req.payer } : {}),
    };
    const res = await this.sendOutcomeAsPsp({ idPSP: psp.idPSP, idChannel: rec.idChannel, paymentTokens: [rec.token], outcome: 'OK', details });
    // an earlier attempt whose answer was lost may have closed it already: what counts is the token's state
    const after = this.ctx.payments.findToken(rec.token)!;
    if (res.outcome === 'KO' && !(res.fault.faultCode === 'PPT_ESITO_GIA_ACQUISITO' && after.status === 'PAID')) return res;
    const receipt = this.ctx.payments.findReceipt(rec.token)!;
    return { outcome: 'OK', receiptId: receipt.receiptId, fee: receipt.fee, totalAmount: receipt.paymentAmount + receipt.fee, paymentDateTime: receipt.paymentDateTime };
  }

  getPaymentStatus(paymentToken: string): PaymentInfo | null {
    if (typeof paymentToken !== 'string') return null;
    const rec = this.ctx.payments.findToken(paymentToken);
    if (!rec) return null;
    const now = this.ctx.clock.now().toISOString();
    const status = rec.status === 'ACTIVE' && rec.expiresAt <= now ? 'EXPIRED' : rec.status;
    const deliveries = rec.status === 'PAID' ? this.ctx.payments.deliveriesOf(rec.token) : [];
    return {
      paymentToken: rec.token,
      fiscalCodePA: rec.ecFiscalCode,
      noticeNumber: rec.noticeNumber,
      idPSP: rec.idPSP,
      amount: rec.amount,
      status,
      activatedAt: rec.activatedAt,
      expiresAt: rec.expiresAt,
      closedAt: rec.closedAt,
      receiptId: rec.status === 'PAID' ? rec.token : null,
      deliveries: deliveries.map((d) => ({
        ecFiscalCode: d.ecFiscalCode,
        delivered: d.status === 'DELIVERED',
        attempts: d.attempts,
        lastError: d.lastError,
        deliveredAt: d.deliveredAt,
        nextAttemptAt: d.status === 'PENDING' ? d.nextAttemptAt : null,
      })),
    };
  }

  private async sendOutcomeAsPsp(req: Parameters<NodoPayments['sendPaymentOutcomeV2']>[0]): Promise<SendPaymentOutcomeV2Res> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.sendPaymentOutcomeV2(req);
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'NODO_UNAVAILABLE') || attempt >= PSP_OUTCOME_ATTEMPTS) throw error;
      }
    }
  }

  private requirePsp(idPSP: string, idChannel: string | undefined): PspInfo {
    const psp = this.ctx.psps.get(idPSP);
    if (!psp) throw invalidField('idPSP', 'PSP sconosciuto.');
    if (idChannel !== undefined && idChannel !== psp.idChannel) throw invalidField('idChannel', 'Canale sconosciuto per questo PSP.');
    return psp;
  }

  private noticeState(ecFiscalCode: string, noticeNumber: string, now: string): NoticeState {
    if (this.ctx.payments.isPaid(ecFiscalCode, noticeNumber)) return 'PAID';
    const live = this.ctx.payments.activeToken(ecFiscalCode, noticeNumber);
    return live && live.expiresAt > now ? 'IN_PROGRESS' : 'FREE';
  }

  /** The station a notice goes to: by segregation code for aux digit 3, else the EC's first station. */
  private route(ecFiscalCode: string, noticeNumber: string): { station: StationRecord } | { fault: Fault } {
    const { registry } = this.ctx;
    if (!registry.ecExists(ecFiscalCode)) return { fault: pptFault('PPT_DOMINIO_SCONOSCIUTO', `Ente ${ecFiscalCode} non registrato.`) };
    const parsed = parseNoticeNumber(noticeNumber);
    const station =
      parsed.ok && parsed.value.auxDigit === 3
        ? registry.stationForSegregationCode(ecFiscalCode, parsed.value.segregationCode!)
        : registry.firstStationForEc(ecFiscalCode);
    if (!station) {
      return { fault: pptFault('PPT_STAZIONE_INT_PA_IRRAGGIUNGIBILE', `Nessuna stazione dell’Ente ${ecFiscalCode} serve questo codice avviso.`) };
    }
    if (!station.enabled || station.state !== 'Attiva') {
      return { fault: pptFault('PPT_STAZIONE_INT_PA_IRRAGGIUNGIBILE', `La stazione ${station.code} non è attiva.`) };
    }
    return { station };
  }

  private stationInjection(active: readonly ActiveScenario[], key: string): Injection {
    const injection: Injection = {};
    const timeout = findScenario(active, 'stationTimeout');
    if (timeout && this.ctx.counter.fire(timeout, key)) injection.timeout = true;
    const unreachable = findScenario(active, 'stationUnreachable');
    if (unreachable && this.ctx.counter.fire(unreachable, key)) injection.unreachable = true;
    const latency = findScenario(active, 'latency');
    if (latency) injection.extraLatencyMs = latency.latencyMs;
    return injection;
  }

  /** What the Nodo checks in the EC's paGetPaymentV2 data before handing out a token. */
  private checkPaymentData(ecFiscalCode: string, data: PaymentData): Fault | null {
    const { registry } = this.ctx;
    const sum = data.transferList.reduce((acc, t) => acc + t.transferAmount, 0);
    if (sum !== data.paymentAmount) {
      return pptFault('PPT_SYSTEM_ERROR', 'La somma dei trasferimenti non corrisponde all’importo della posizione.');
    }
    if (new Set(data.transferList.map((t) => t.idTransfer)).size !== data.transferList.length) {
      return pptFault('PPT_SYSTEM_ERROR', 'Identificativi dei trasferimenti ripetuti.');
    }
    if (data.transferList[0]!.fiscalCodePA !== ecFiscalCode) {
      return pptFault('PPT_SYSTEM_ERROR', 'Il primo trasferimento deve essere dell’Ente che ha emesso l’avviso.');
    }
    const ibanChecked = new Map<string, boolean>();
    for (const t of data.transferList) {
      if (!registry.ecExists(t.fiscalCodePA)) return pptFault('PPT_DOMINIO_SCONOSCIUTO', `Ente ${t.fiscalCodePA} del trasferimento ${t.idTransfer} non registrato.`);
      // IBANs are checked once the EC has registered its list on the Nodo (onboarding step 4)
      let enforced = ibanChecked.get(t.fiscalCodePA);
      if (enforced === undefined) {
        enforced = registry.countIbans(t.fiscalCodePA) > 0;
        ibanChecked.set(t.fiscalCodePA, enforced);
      }
      if (enforced && !registry.ibanRegistered(t.fiscalCodePA, t.IBAN)) {
        return pptFault('PPT_IBAN_NON_CENSITO', `IBAN del trasferimento ${t.idTransfer} non registrato per l’Ente ${t.fiscalCodePA}.`);
      }
    }
    return null;
  }
}

function activationOk(rec: TokenRecord): ActivatePaymentNoticeV2Ok {
  const d = rec.paymentData;
  return {
    outcome: 'OK',
    paymentToken: rec.token,
    tokenExpiresAt: rec.expiresAt,
    totalAmount: d.paymentAmount,
    paymentDescription: d.description,
    fiscalCodePA: rec.ecFiscalCode,
    companyName: d.companyName,
    ...(d.officeName !== undefined ? { officeName: d.officeName } : {}),
    creditorReferenceId: d.creditorReferenceId,
    transferList: d.transferList,
  };
}

/** ctReceiptV2 for a closed token: receiptId is the payment token. */
export function buildReceipt(rec: TokenRecord, psp: PspInfo, details: PaymentOutcomeDetails, paymentDateTime: string): CtReceiptV2 {
  const d = rec.paymentData;
  return {
    receiptId: rec.token,
    noticeNumber: rec.noticeNumber,
    fiscalCode: rec.ecFiscalCode,
    outcome: 'OK',
    creditorReferenceId: d.creditorReferenceId,
    paymentAmount: d.paymentAmount,
    description: d.description,
    companyName: d.companyName,
    ...(d.officeName !== undefined ? { officeName: d.officeName } : {}),
    debtor: d.debtor,
    transferList: d.transferList,
    idPSP: psp.idPSP,
    pspFiscalCode: psp.pspFiscalCode,
    PSPCompanyName: psp.name,
    idChannel: rec.idChannel,
    channelDescription: psp.channelDescription,
    ...(details.payer ? { payer: details.payer } : {}),
    paymentMethod: details.paymentMethod,
    fee: details.fee,
    // the part of the fee the primary EC takes on; the payer pays it all unless the PSP says otherwise
    primaryCiIncurredFee: details.primaryCiIncurredFee ?? 0,
    ...(details.idBundle !== undefined ? { idBundle: details.idBundle } : {}),
    paymentDateTime,
    applicationDate: details.applicationDate,
    transferDate: details.transferDate,
    ...(d.metadata !== undefined ? { metadata: d.metadata } : {}),
    standIn: false,
  };
}
