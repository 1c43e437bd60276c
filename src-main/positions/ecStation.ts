import type { z } from 'zod';
import { isIsoDate } from '../../src-shared/domain/date';
import { validateIban } from '../../src-shared/domain/iban';
import {
  acceptsPayments,
  canTransition,
  isOptionExpired,
  positionStatusFor,
  wouldPayTwice,
  type PositionSnapshot,
  type PositionStatus,
} from '../../src-shared/domain/positionStatus';
import type { PaaFaultCode } from '../../src-shared/sanp/faults';
import {
  paGetPaymentV2Req,
  paSendRTV2Req,
  paVerifyPaymentNoticeReq,
  type CtReceiptV2,
  type Debtor as SanpDebtor,
  type EcStationPort,
  type Fault,
  type PaGetPaymentV2Res,
  type PaSendRTV2Res,
  type PaVerifyPaymentNoticeRes,
  type Transfer as SanpTransfer,
} from '../../src-shared/sanp/messages';
import type { Db } from '../db/openDatabase';
import type { Clock } from '../platform/clock';
import { nowIso, today } from '../platform/clock';
import type { EcProfileRepository } from '../repositories/ecProfileRepository';
import type { Actor } from '../services/actor';
import { systemActor } from '../services/actor';
import type { AuditService } from '../services/auditService';
import { WriteBatcher } from '../db/writeBatcher';
import type { PositionRepository } from './positionRepository';
import type { ReceiptRepository } from './receiptRepository';
import type { PaymentOption, PositionSummary, ReceiptAnomaly, Transfer } from './types';

/** Short Italian reasons, one per fault; `description` adds the specifics of each case. */
export const stationFaultStrings: Record<PaaFaultCode, string> = {
  PAA_PAGAMENTO_SCONOSCIUTO: 'Pagamento sconosciuto',
  PAA_PAGAMENTO_SCADUTO: 'Pagamento scaduto',
  PAA_PAGAMENTO_ANNULLATO: 'Pagamento annullato dall’Ente',
  PAA_PAGAMENTO_DUPLICATO: 'Pagamento già effettuato',
  PAA_PAGAMENTO_IN_CORSO: 'Pagamento in corso',
  PAA_ID_DOMINIO_ERRATO: 'Codice fiscale dell’Ente errato',
  PAA_STAZIONE_INT_ERRATA: 'Stazione intermediario errata',
  PAA_SEMANTICA: 'Richiesta non corretta',
  PAA_SYSTEM_ERROR: 'Errore interno della stazione dell’Ente',
  PAA_RECEIPT_DUPLICATA: 'Ricevuta già ricevuta',
};

export interface EcStationDeps {
  db: Db;
  positions: PositionRepository;
  receipts: ReceiptRepository;
  ecProfile: EcProfileRepository;
  audit: AuditService;
  clock: Clock;
  /** the station codes (`<broker>_NN`) through which the EC accepts requests */
  acceptedStationIds: () => readonly string[];
}

type Ko = { outcome: 'KO'; fault: Fault };

/** Thrown inside a handler to answer with a fault; anything else thrown becomes PAA_SYSTEM_ERROR. */
class StationFault extends Error {
  constructor(
    readonly code: PaaFaultCode,
    readonly detail: string,
  ) {
    super(detail);
  }
}

interface Located {
  ecFiscalCode: string;
  position: PositionSummary;
  option: PaymentOption;
  options: PaymentOption[];
  /** the position's status today (date-driven changes applied, not yet written) */
  status: PositionStatus;
}

function snapshot(position: PositionSummary, options: readonly PaymentOption[]): PositionSnapshot {
  return { status: position.status, validityDate: position.validityDate, switchToExpired: position.switchToExpired, options };
}

function zodDetail(error: z.ZodError): string {
  const issues = error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(messaggio)'}: ${i.message}`);
  return `Messaggio non conforme allo schema SANP: ${issues.join('; ')}`;
}

/**
 * The EC side of SANP 3 over the local debt positions: what the Nodo calls to verify a notice, to
 * activate a payment and to deliver the receipt. Never throws: every answer is OK or a PAA fault.
 */
export class EcStation implements EcStationPort {
  private readonly writes: WriteBatcher;

  constructor(private readonly deps: EcStationDeps) {
    this.writes = new WriteBatcher(deps.db);
    // a receipt is money taken: its commit must survive a power cut (openDatabase sets this already)
    if ((deps.db.pragma('synchronous', { simple: true }) as number) < 2) deps.db.pragma('synchronous = FULL');
  }

  async paVerifyPaymentNotice(req: unknown): Promise<PaVerifyPaymentNoticeRes> {
    return this.answer(() => {
      const parsed = paVerifyPaymentNoticeReq.safeParse(req);
      if (!parsed.success) throw new StationFault('PAA_SEMANTICA', zodDetail(parsed.error));
      const found = this.locatePayable(parsed.data);
      const { position, option } = found;
      const transfers = this.deps.positions.transfers(option.id);
      return {
        outcome: 'OK',
        paymentList: [
          {
            creditorReferenceId: option.iuv,
            amount: option.amount,
            options: 'EQ',
            dueDate: option.dueDate,
            detailDescription: option.description,
            // "all CCP": every transfer credits a Poste account, so the postal bollettino may be used
            allCCP: transfers.length > 0 && transfers.every((t) => isPostalIban(t.iban)),
          },
        ],
        paymentDescription: option.description,
        fiscalCodePA: found.ecFiscalCode,
        companyName: position.companyName,
        ...(position.officeName ? { officeName: position.officeName } : {}),
      };
    });
  }

  async paGetPaymentV2(req: unknown): Promise<PaGetPaymentV2Res> {
    return this.answer(() => {
      const parsed = paGetPaymentV2Req.safeParse(req);
      if (!parsed.success) throw new StationFault('PAA_SEMANTICA', zodDetail(parsed.error));
      const found = this.locatePayable(parsed.data);
      const { position, option } = found;
      if (parsed.data.amount !== option.amount) {
        throw new StationFault(
          'PAA_SEMANTICA',
          `L’importo richiesto (${parsed.data.amount} centesimi) non corrisponde a quello dell’avviso (${option.amount} centesimi).`,
        );
      }
      return {
        outcome: 'OK',
        data: {
          creditorReferenceId: option.iuv,
          paymentAmount: option.amount,
          dueDate: option.dueDate,
          description: option.description,
          companyName: position.companyName,
          ...(position.officeName ? { officeName: position.officeName } : {}),
          debtor: toSanpDebtor(position),
          transferList: this.deps.positions.transfers(option.id).map(toSanpTransfer),
        },
      };
    });
  }

  async paSendRTV2(req: unknown): Promise<PaSendRTV2Res> {
    const checked = this.answer(() => {
      const parsed = paSendRTV2Req.safeParse(req);
      if (!parsed.success) throw new StationFault('PAA_SEMANTICA', zodDetail(parsed.error));
      const { receipt } = parsed.data;
      const ecFiscalCode = this.checkAddress(parsed.data, receipt.fiscalCode);
      if (receipt.outcome !== 'OK') throw new StationFault('PAA_SEMANTICA', 'La ricevuta ha esito KO: non c’è un pagamento da registrare.');
      if (receipt.receiptId.trim() === '') throw new StationFault('PAA_SEMANTICA', 'La ricevuta non ha un identificativo (receiptId).');
      if (!isIsoDate(receipt.applicationDate) || !isIsoDate(receipt.transferDate)) {
        throw new StationFault('PAA_SEMANTICA', 'Le date applicationDate e transferDate devono essere date reali (AAAA-MM-GG).');
      }
      return { receipt, ecFiscalCode, idStation: parsed.data.idStation };
    });
    if ('outcome' in checked) return checked;
    try {
      // group commit: receipts arriving together share one durable commit, each in its own savepoint
      // (a refused one rolls back alone); the answer goes out only once the receipt is on disk
      await this.writes.run(() => this.storeReceipt(checked.receipt, checked.ecFiscalCode, checked.idStation));
      return { outcome: 'OK' };
    } catch (error) {
      return this.answer(() => {
        throw error;
      });
    }
  }

  /** Commits whatever receipts are still queued: the core calls it before closing the database. */
  flushWrites(): void {
    this.writes.flush();
  }

  private storeReceipt(receipt: CtReceiptV2, ecFiscalCode: string, idStation: string): void {
    const { positions, receipts, audit } = this.deps;
    if (receipts.findByReceiptId(receipt.receiptId)) {
      throw new StationFault('PAA_RECEIPT_DUPLICATA', `La ricevuta ${receipt.receiptId} era già stata consegnata e registrata.`);
    }
    const option = positions.findOptionByNoticeNumber(receipt.noticeNumber);
    if (!option) throw new StationFault('PAA_PAGAMENTO_SCONOSCIUTO', `Nessuna posizione con codice avviso ${receipt.noticeNumber}.`);
    if (receipt.creditorReferenceId !== option.iuv) {
      throw new StationFault('PAA_SEMANTICA', `Lo IUV della ricevuta (${receipt.creditorReferenceId}) non corrisponde all’avviso.`);
    }
    let position = positions.findById(option.positionId)!;
    let options = positions.options(position.id);
    const day = today(this.deps.clock);
    const actor: Actor = { id: null, name: `Nodo dei Pagamenti (PSP ${receipt.idPSP}, stazione ${idStation})` };

    // first the changes the calendar already made (e.g. the validity date came), then the payment
    const current = positionStatusFor(snapshot(position, options), day);
    if (current !== position.status && canTransition(position.status, current)) {
      this.changeStatus(position, current, systemActor, current === 'EXPIRED' ? 'position.expired' : 'position.validityReached');
      position = positions.findById(position.id)!;
    }

    const self = options.find((o) => o.id === option.id)!;
    let anomaly: ReceiptAnomaly | null = null;
    if (wouldPayTwice(self, options)) anomaly = 'DOUBLE_PAYMENT';
    else if (!acceptsPayments(current)) anomaly = 'NOT_PAYABLE';
    else if (receipt.paymentAmount !== option.amount) anomaly = 'AMOUNT_MISMATCH';

    const receivedAt = nowIso(this.deps.clock);
    const receiptRowId = receipts.insert(receipt, option.id, receivedAt, anomaly);
    const details = {
      receiptId: receipt.receiptId,
      noticeNumber: receipt.noticeNumber,
      iuv: receipt.creditorReferenceId,
      amount: receipt.paymentAmount,
      idPSP: receipt.idPSP,
      ecFiscalCode,
    };
    // a payment that settles nothing (double payment, cancelled position) is kept and flagged for the
    // EC to refund: the money was taken, so the receipt must not be lost
    if (anomaly === 'DOUBLE_PAYMENT' || anomaly === 'NOT_PAYABLE') {
      audit.record(actor, anomaly === 'DOUBLE_PAYMENT' ? 'receipt.doublePayment' : 'receipt.notPayable', 'receipt', receiptRowId, {
        ...details,
        positionStatus: current,
        optionStatus: self.status,
      });
      return;
    }
    positions.markOptionPaid(option.id, paidAt(receipt, receivedAt), receiptRowId);
    audit.record(actor, anomaly === 'AMOUNT_MISMATCH' ? 'receipt.amountMismatch' : 'receipt.received', 'receipt', receiptRowId, {
      ...details,
      ...(anomaly ? { expectedAmount: option.amount } : {}),
    });
    options = positions.options(position.id);
    const next = positionStatusFor(snapshot(position, options), day);
    if (next !== position.status) this.changeStatus(position, next, actor, next === 'PAID' ? 'position.paid' : 'position.partiallyPaid');
  }

  private changeStatus(position: PositionSummary, to: PositionStatus, actor: Actor, action: string): void {
    // the machine decides; a refused change here is a bug, and rolls the whole receipt back
    if (!canTransition(position.status, to)) throw new Error(`Transizione non ammessa ${position.status} -> ${to}`);
    if (!this.deps.positions.setStatus(position.id, position.version, to, nowIso(this.deps.clock))) {
      throw new Error('La posizione è stata modificata durante la registrazione della ricevuta.');
    }
    this.deps.audit.record(actor, action, 'debtPosition', position.id, { iupd: position.iupd, from: position.status, to });
  }

  /** Shared checks of verify and activation: the EC, the station, then the notice and its status. */
  private locatePayable(req: {
    idPA: string;
    idBrokerPA: string;
    idStation: string;
    qrCode: { fiscalCode: string; noticeNumber: string };
  }): Located {
    const ecFiscalCode = this.checkAddress(req, req.qrCode.fiscalCode);
    const { positions } = this.deps;
    const notice = req.qrCode.noticeNumber;
    const option = positions.findOptionByNoticeNumber(notice);
    if (!option) throw new StationFault('PAA_PAGAMENTO_SCONOSCIUTO', `Nessuna posizione con codice avviso ${notice}.`);
    const position = positions.findById(option.positionId)!;
    const options = positions.options(position.id);
    const day = today(this.deps.clock);
    const status = positionStatusFor(snapshot(position, options), day);
    const self = options.find((o) => o.id === option.id)!;

    if (status === 'DRAFT' || status === 'PUBLISHED') {
      throw new StationFault('PAA_PAGAMENTO_SCONOSCIUTO', `L’avviso ${notice} non è ancora pagabile.`);
    }
    if (status === 'INVALID') throw new StationFault('PAA_PAGAMENTO_ANNULLATO', `L’avviso ${notice} è stato annullato dall’Ente.`);
    if (status === 'PAID' || status === 'REPORTED' || wouldPayTwice(self, options)) {
      const reason =
        self.status !== 'unpaid'
          ? 'è già stato pagato'
          : self.kind === 'rataUnica'
            ? 'è una rata unica e una rata del piano è già stata pagata'
            : 'appartiene a un debito già saldato';
      throw new StationFault('PAA_PAGAMENTO_DUPLICATO', `L’avviso ${notice} ${reason}.`);
    }
    if (status === 'EXPIRED' || isOptionExpired(self, position.switchToExpired, day)) {
      throw new StationFault('PAA_PAGAMENTO_SCADUTO', `L’avviso ${notice} è scaduto il ${self.dueDate}.`);
    }
    return { ecFiscalCode, position, option: self, options, status };
  }

  /** The request must be for this EC and come through one of its stations. */
  private checkAddress(req: { idPA: string; idBrokerPA: string; idStation: string }, fiscalCode: string): string {
    const ec = this.deps.ecProfile.get();
    if (!ec) throw new StationFault('PAA_SYSTEM_ERROR', 'La stazione non ha ancora un Ente configurato.');
    if (req.idPA !== ec.fiscalCode || fiscalCode !== ec.fiscalCode) {
      throw new StationFault('PAA_ID_DOMINIO_ERRATO', `Questa stazione serve solo l’Ente con codice fiscale ${ec.fiscalCode}.`);
    }
    const accepted = this.deps.acceptedStationIds();
    if (!accepted.includes(req.idStation) || !req.idStation.startsWith(`${req.idBrokerPA}_`)) {
      throw new StationFault('PAA_STAZIONE_INT_ERRATA', `La stazione ${req.idStation} dell’intermediario ${req.idBrokerPA} non è abilitata per l’Ente.`);
    }
    return ec.fiscalCode;
  }

  private answer<T>(handler: () => T): T | Ko {
    try {
      return handler();
    } catch (error) {
      if (error instanceof StationFault) return this.ko(error.code, error.detail);
      return this.ko('PAA_SYSTEM_ERROR', 'Errore interno: nessuna modifica è stata registrata, riprovare più tardi.');
    }
  }

  private ko(code: PaaFaultCode, description: string): Ko {
    let id = '';
    try {
      id = this.deps.ecProfile.get()?.fiscalCode ?? '';
    } catch {
      // the fault must go out even when the database cannot be read
    }
    return { outcome: 'KO', fault: { faultCode: code, faultString: stationFaultStrings[code], id, description } };
  }
}

function isPostalIban(iban: string): boolean {
  const check = validateIban(iban);
  return check.ok && check.value.isPostal;
}

/** When the payer paid, per the PSP; the time of arrival when the receipt's value is unreadable. */
function paidAt(receipt: CtReceiptV2, receivedAt: string): string {
  const t = new Date(receipt.paymentDateTime);
  return Number.isNaN(t.getTime()) ? receivedAt : t.toISOString();
}

/** A transfer of an option as SANP names it (paGetPaymentV2, and the receipts built from it). */
export function toSanpTransfer(t: Transfer): SanpTransfer {
  return {
    idTransfer: t.index,
    transferAmount: t.amount,
    fiscalCodePA: t.ecFiscalCode,
    IBAN: t.iban,
    remittanceInformation: t.remittance,
    transferCategory: t.taxonomy,
  };
}

function toSanpDebtor(position: PositionSummary): SanpDebtor {
  const d = position.debtor;
  const optional = {
    streetName: d.address,
    civicNumber: d.civicNumber,
    postalCode: d.postalCode,
    city: d.city,
    stateProvinceRegion: d.province,
    country: d.country,
    eMail: d.email,
  };
  return {
    uniqueIdentifier: { entityUniqueIdentifierType: d.type, entityUniqueIdentifierValue: d.fiscalCode },
    fullName: d.fullName,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== null)),
  };
}
