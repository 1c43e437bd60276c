import type {
  CtReceiptV2,
  EcStationPort,
  Fault,
  PaGetPaymentV2Req,
  PaGetPaymentV2Res,
  PaSendRTV2Req,
  PaSendRTV2Res,
  PaVerifyPaymentNoticeReq,
  PaVerifyPaymentNoticeRes,
  PaymentData,
  Transfer,
} from '../../../../src-shared/sanp/messages';
import type { PaaFaultCode } from '../../../../src-shared/sanp/faults';
import { iuvFromNoticeNumber } from '../../../../src-shared/domain/noticeNumber';

export interface FakePosition {
  noticeNumber: string;
  amount: number;
  description: string;
  dueDate: string;
  status: 'VALID' | 'PAID' | 'INVALID' | 'EXPIRED';
  transfers: Transfer[];
}

function fault(code: PaaFaultCode, ec: string): { outcome: 'KO'; fault: Fault } {
  return { outcome: 'KO', fault: { faultCode: code, faultString: code, id: ec } };
}

/**
 * A minimal EC station for the Nodo's tests: in-memory positions, and the rules that matter for
 * consistency (a paid position answers PAA_PAGAMENTO_DUPLICATO, a known receipt PAA_RECEIPT_DUPLICATA).
 * Kept independent of the real EC station on purpose.
 */
export class FakeEcStation implements EcStationPort {
  readonly positions = new Map<string, FakePosition>();
  readonly receipts = new Map<string, CtReceiptV2>();
  readonly calls = { verify: 0, getPayment: 0, sendRT: 0 };
  /** every paSendRTV2 seen, duplicates included */
  readonly receiptLog: string[] = [];

  constructor(
    readonly fiscalCode: string,
    readonly companyName = 'Comune di Prova',
  ) {}

  addPosition(noticeNumber: string, amount: number, options: { iban?: string; secondary?: { fiscalCode: string; iban: string; amount: number } } = {}): FakePosition {
    const transfers: Transfer[] = [
      {
        idTransfer: 1,
        transferAmount: amount - (options.secondary?.amount ?? 0),
        fiscalCodePA: this.fiscalCode,
        IBAN: options.iban ?? 'IT60X0542811101000000123456',
        remittanceInformation: `Avviso ${noticeNumber}`,
        transferCategory: '9/0101108TS/',
      },
    ];
    if (options.secondary) {
      transfers.push({
        idTransfer: 2,
        transferAmount: options.secondary.amount,
        fiscalCodePA: options.secondary.fiscalCode,
        IBAN: options.secondary.iban,
        remittanceInformation: 'Quota provinciale',
        transferCategory: '9/0201102IM/',
      });
    }
    const p: FakePosition = { noticeNumber, amount, description: `Tassa rifiuti ${noticeNumber.slice(-4)}`, dueDate: '2026-12-31', status: 'VALID', transfers };
    this.positions.set(noticeNumber, p);
    return p;
  }

  private check(req: { idPA: string; qrCode: { fiscalCode: string; noticeNumber: string } }): FakePosition | { outcome: 'KO'; fault: Fault } {
    if (req.idPA !== this.fiscalCode || req.qrCode.fiscalCode !== this.fiscalCode) return fault('PAA_ID_DOMINIO_ERRATO', this.fiscalCode);
    const p = this.positions.get(req.qrCode.noticeNumber);
    if (!p) return fault('PAA_PAGAMENTO_SCONOSCIUTO', this.fiscalCode);
    if (p.status === 'PAID') return fault('PAA_PAGAMENTO_DUPLICATO', this.fiscalCode);
    if (p.status === 'INVALID') return fault('PAA_PAGAMENTO_ANNULLATO', this.fiscalCode);
    if (p.status === 'EXPIRED') return fault('PAA_PAGAMENTO_SCADUTO', this.fiscalCode);
    return p;
  }

  async paVerifyPaymentNotice(req: PaVerifyPaymentNoticeReq): Promise<PaVerifyPaymentNoticeRes> {
    this.calls.verify++;
    const p = this.check(req);
    if ('outcome' in p) return p;
    return {
      outcome: 'OK',
      paymentList: [{ creditorReferenceId: iuvFromNoticeNumber(p.noticeNumber)!, amount: p.amount, options: 'EQ', dueDate: p.dueDate, allCCP: false }],
      paymentDescription: p.description,
      fiscalCodePA: this.fiscalCode,
      companyName: this.companyName,
    };
  }

  async paGetPaymentV2(req: PaGetPaymentV2Req): Promise<PaGetPaymentV2Res> {
    this.calls.getPayment++;
    const p = this.check(req);
    if ('outcome' in p) return p;
    if (req.amount !== p.amount) return fault('PAA_SEMANTICA', this.fiscalCode);
    const data: PaymentData = {
      creditorReferenceId: iuvFromNoticeNumber(p.noticeNumber)!,
      paymentAmount: p.amount,
      dueDate: p.dueDate,
      description: p.description,
      companyName: this.companyName,
      debtor: { uniqueIdentifier: { entityUniqueIdentifierType: 'F', entityUniqueIdentifierValue: 'RCCMNL83S18D969H' }, fullName: 'Manuela Rocca' },
      transferList: p.transfers,
    };
    return { outcome: 'OK', data };
  }

  async paSendRTV2(req: PaSendRTV2Req): Promise<PaSendRTV2Res> {
    this.calls.sendRT++;
    this.receiptLog.push(req.receipt.receiptId);
    if (req.idPA !== this.fiscalCode) return fault('PAA_ID_DOMINIO_ERRATO', this.fiscalCode);
    if (this.receipts.has(req.receipt.receiptId)) return fault('PAA_RECEIPT_DUPLICATA', this.fiscalCode);
    this.receipts.set(req.receipt.receiptId, req.receipt);
    const p = this.positions.get(req.receipt.noticeNumber);
    if (p && req.receipt.fiscalCode === this.fiscalCode) p.status = 'PAID';
    return { outcome: 'OK' };
  }

  /** Receipts this EC holds for a notice: must never exceed one. */
  receiptsFor(noticeNumber: string): CtReceiptV2[] {
    return [...this.receipts.values()].filter((r) => r.noticeNumber === noticeNumber);
  }
}
