import { z } from 'zod';
import { paaFaultCodes, pptFaultCodes } from './faults';

/**
 * SANP 3 messages between the Nodo and an EC station, with the wire's field names. Amounts are
 * integer euro cents (Sportello's one money representation); dates `YYYY-MM-DD`, instants ISO-8601.
 */
const fiscalCode11 = z.string().regex(/^\d{11}$/);
const noticeNumber = z.string().regex(/^\d{18}$/);
const cents = z.number().int().min(1).max(99_999_999_999);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const qrCode = z.object({ fiscalCode: fiscalCode11, noticeNumber });
export type QrCode = z.infer<typeof qrCode>;

export const stationAddress = z.object({
  idPA: fiscalCode11,
  idBrokerPA: fiscalCode11,
  idStation: z.string().regex(/^\d{11}_\d{2}$/),
});

export const fault = z.object({
  faultCode: z.enum([...paaFaultCodes, ...pptFaultCodes]),
  faultString: z.string(),
  id: z.string(),
  description: z.string().optional(),
  /** with PPT_ERRORE_EMESSO_DA_PAA: the EC's own fault */
  originalFaultCode: z.enum(paaFaultCodes).optional(),
  originalFaultString: z.string().optional(),
});
export type Fault = z.infer<typeof fault>;

const ko = z.object({ outcome: z.literal('KO'), fault });

export const metadataList = z.array(z.object({ key: z.string().max(140), value: z.string().max(140) })).max(10);

export const debtor = z.object({
  uniqueIdentifier: z.object({
    entityUniqueIdentifierType: z.enum(['F', 'G']),
    entityUniqueIdentifierValue: z.string().min(11).max(16),
  }),
  fullName: z.string().max(70),
  streetName: z.string().max(70).optional(),
  civicNumber: z.string().max(16).optional(),
  postalCode: z.string().max(16).optional(),
  city: z.string().max(35).optional(),
  stateProvinceRegion: z.string().max(35).optional(),
  country: z.string().length(2).optional(),
  eMail: z.string().max(256).optional(),
});
export type Debtor = z.infer<typeof debtor>;

export const transfer = z.object({
  idTransfer: z.number().int().min(1).max(5),
  transferAmount: cents,
  fiscalCodePA: fiscalCode11,
  IBAN: z.string().min(15).max(34),
  remittanceInformation: z.string().max(140),
  transferCategory: z.string().max(140),
  metadata: metadataList.optional(),
});
export type Transfer = z.infer<typeof transfer>;

// 1. verify
export const paVerifyPaymentNoticeReq = stationAddress.extend({ qrCode });
export type PaVerifyPaymentNoticeReq = z.infer<typeof paVerifyPaymentNoticeReq>;
export const paVerifyPaymentNoticeRes = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('OK'),
    paymentList: z
      .array(
        z.object({
          creditorReferenceId: z.string().max(35),
          amount: cents,
          options: z.literal('EQ'),
          dueDate: isoDate.optional(),
          detailDescription: z.string().max(140).optional(),
          allCCP: z.boolean(),
        }),
      )
      .length(1),
    paymentDescription: z.string().max(140),
    fiscalCodePA: fiscalCode11,
    companyName: z.string().max(140),
    officeName: z.string().max(140).optional(),
  }),
  ko,
]);
export type PaVerifyPaymentNoticeRes = z.infer<typeof paVerifyPaymentNoticeRes>;

// 2. activate -> paGetPaymentV2
export const paGetPaymentV2Req = stationAddress.extend({
  qrCode,
  amount: cents,
  paymentNote: z.string().max(140).optional(),
  transferType: z.enum(['POSTAL', 'PAGOPA']).optional(),
  dueDate: isoDate.optional(),
});
export type PaGetPaymentV2Req = z.infer<typeof paGetPaymentV2Req>;
export const paymentData = z.object({
  creditorReferenceId: z.string().max(35),
  paymentAmount: cents,
  dueDate: isoDate,
  retentionDate: z.string().optional(),
  lastPayment: z.boolean().optional(),
  description: z.string().max(140),
  companyName: z.string().max(140),
  officeName: z.string().max(140).optional(),
  debtor,
  transferList: z.array(transfer).min(1).max(5),
  metadata: metadataList.optional(),
});
export type PaymentData = z.infer<typeof paymentData>;
export const paGetPaymentV2Res = z.discriminatedUnion('outcome', [z.object({ outcome: z.literal('OK'), data: paymentData }), ko]);
export type PaGetPaymentV2Res = z.infer<typeof paGetPaymentV2Res>;

// 3. receipt -> paSendRTV2
export const payer = debtor;
export const ctReceiptV2 = z.object({
  receiptId: z.string().max(35),
  noticeNumber,
  fiscalCode: fiscalCode11,
  outcome: z.enum(['OK', 'KO']),
  creditorReferenceId: z.string().max(35),
  paymentAmount: cents,
  description: z.string().max(140),
  companyName: z.string().max(140),
  officeName: z.string().max(140).optional(),
  debtor,
  transferList: z.array(transfer).min(1).max(5),
  idPSP: z.string().max(35),
  pspFiscalCode: z.string().max(16).optional(),
  PSPCompanyName: z.string().max(70),
  idChannel: z.string().max(35),
  channelDescription: z.string().max(140),
  payer: payer.optional(),
  paymentMethod: z.string().max(35),
  fee: z.number().int().min(0),
  primaryCiIncurredFee: z.number().int().min(0).optional(),
  idBundle: z.string().max(70).optional(),
  paymentDateTime: z.string(),
  applicationDate: isoDate,
  transferDate: isoDate,
  metadata: metadataList.optional(),
  standIn: z.boolean(),
});
export type CtReceiptV2 = z.infer<typeof ctReceiptV2>;
export const paSendRTV2Req = stationAddress.extend({ receipt: ctReceiptV2 });
export type PaSendRTV2Req = z.infer<typeof paSendRTV2Req>;
export const paSendRTV2Res = z.discriminatedUnion('outcome', [z.object({ outcome: z.literal('OK') }), ko]);
export type PaSendRTV2Res = z.infer<typeof paSendRTV2Res>;

/**
 * The EC side of the protocol, as the Nodo sees it. The local EC station implements it over the
 * debt positions; the mock Nodo calls it through a simulated network (latency, timeouts, outages).
 */
export interface EcStationPort {
  paVerifyPaymentNotice(req: PaVerifyPaymentNoticeReq): Promise<PaVerifyPaymentNoticeRes>;
  paGetPaymentV2(req: PaGetPaymentV2Req): Promise<PaGetPaymentV2Res>;
  paSendRTV2(req: PaSendRTV2Req): Promise<PaSendRTV2Res>;
}
