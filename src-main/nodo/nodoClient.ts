import { z } from 'zod';
import { apiKeySlots, apiProductLabels, apiProducts, type ApiKeySlot, type ApiProduct } from '../../src-shared/onboarding/apiProducts';
import { isoDate, postalCode, province, text } from '../../src-shared/ipc/schemas/common';
import { ecFiscalCode, environments, segregationCode, type Environment } from '../../src-shared/ipc/schemas/ec';
import {
  payer,
  qrCode,
  type CtReceiptV2,
  type Fault,
  type PaVerifyPaymentNoticeRes,
  type Transfer,
} from '../../src-shared/sanp/messages';

/**
 * What the rest of Sportello sees of the Nodo dei Pagamenti: the back office's onboarding calls, the
 * PSP-side SANP 3 primitives the Pagatore's checkout drives, the PSP catalogue, receipt delivery and
 * the settlement flows (FdR). The mock (`MockNodo`) implements it in-process; a real connector could
 * implement it over pagoPA's APIs. Everything is async because a real Nodo is across a network.
 *
 * Errors: onboarding calls throw `AppError` (Italian message, stable code). Payment primitives answer
 * like the wire, `{ outcome: 'OK', ... } | { outcome: 'KO', fault }`; they throw only on malformed
 * input (`IPC_INVALID_INPUT`) or when the Nodo's answer is lost on the way (`NODO_UNAVAILABLE`).
 */

// ---------------------------------------------------------------------------------------------
// Onboarding

export { environments, type Environment };

// the products and slots are the contract's (src-shared), re-exported for the mock Nodo's callers
export { apiKeySlots, apiProductLabels, apiProducts, type ApiKeySlot, type ApiProduct };


export const ecConnection = z.union([
  z.literal('direct'),
  z.object({ partnerFiscalCode: ecFiscalCode }),
]);
export type EcConnection = z.infer<typeof ecConnection>;

/** The "censimento" form of pagoPA's back office. */
export const ecCensimentoInput = z.object({
  fiscalCode: ecFiscalCode,
  name: text('Ragione sociale', 140),
  address: text('Indirizzo', 140),
  city: text('Comune', 70),
  province,
  postalCode,
  fiscalDomicile: text('Domicilio fiscale', 140).optional(),
  connection: ecConnection,
});
export type EcCensimentoInput = z.input<typeof ecCensimentoInput>;

export interface EcOnboardingProgress {
  registered: true;
  /** primary + secondary keys for `nodauth` exist */
  nodoApiKey: boolean;
  /** at least one enabled station in state 'Attiva' */
  activeStation: boolean;
  /** IBANs registered on the Nodo (step 4) */
  ibans: number;
}

export interface EcRegistration {
  fiscalCode: string;
  name: string;
  address: string;
  city: string;
  province: string;
  postalCode: string;
  fiscalDomicile: string | null;
  connection: EcConnection;
  /** the EC itself when connected directly, else its technology partner */
  brokerFiscalCode: string;
  environment: Environment;
  status: 'registered';
  onboarding: EcOnboardingProgress;
  registeredAt: string;
  updatedAt: string;
}

export const stationStates = ['In revisione', 'Attiva', 'Da correggere'] as const;
export type StationState = (typeof stationStates)[number];

export const stationConnection = z.object({
  protocol: z.enum(['http', 'https'], { error: 'Protocollo: scegliere http o https.' }),
  // only the length is checked here: the connection test ("Verifica URL") judges the rest and says why
  host: z.string().trim().min(1, { error: 'Host obbligatorio.' }).max(253, { error: 'Host troppo lungo.' }),
  port: z.number().int().min(0).max(65535, { error: 'Porta non valida.' }),
  path: z.string().trim().max(255, { error: 'Percorso troppo lungo.' }),
});
export type StationConnection = z.infer<typeof stationConnection>;

const timeoutMs = z.number().int().min(100).max(120_000);
/** Per primitive, like the Nodo's timeouts A/B/C: verify, get payment, send receipt. */
export const stationTimeouts = z.object({
  verifyMs: timeoutMs.default(15_000),
  getPaymentMs: timeoutMs.default(15_000),
  sendReceiptMs: timeoutMs.default(15_000),
});
export type StationTimeouts = z.infer<typeof stationTimeouts>;

const stationPassword = z
  .string({ error: 'Password della stazione obbligatoria.' })
  .min(8, { error: 'La password della stazione deve avere almeno 8 caratteri.' })
  .max(64, { error: 'La password della stazione può avere al massimo 64 caratteri.' });

export const stationCreateInput = z.object({
  brokerFiscalCode: ecFiscalCode,
  ecFiscalCode,
  connection: stationConnection,
  primitiveVersion: z.union([z.literal(1), z.literal(2)]),
  password: stationPassword,
  timeouts: stationTimeouts.default({ verifyMs: 15_000, getPaymentMs: 15_000, sendReceiptMs: 15_000 }),
  flagStandIn: z.boolean().default(false),
  /** Sportello issues aux-digit-3 notices only */
  auxDigit: z.literal(3).default(3),
  segregationCode,
  broadcast: z.boolean().default(false),
});
export type StationCreateInput = z.input<typeof stationCreateInput>;

export const stationUpdateInput = z.object({
  connection: stationConnection.optional(),
  primitiveVersion: z.union([z.literal(1), z.literal(2)]).optional(),
  password: stationPassword.optional(),
  // no defaults here: a field left out keeps the station's current value
  timeouts: z.object({ verifyMs: timeoutMs.optional(), getPaymentMs: timeoutMs.optional(), sendReceiptMs: timeoutMs.optional() }).optional(),
  flagStandIn: z.boolean().optional(),
  broadcast: z.boolean().optional(),
});
export type StationUpdateInput = z.input<typeof stationUpdateInput>;

export interface StationEcLink {
  ecFiscalCode: string;
  auxDigit: 3;
  segregationCode: string;
  broadcast: boolean;
}

export interface Station {
  code: string;
  brokerFiscalCode: string;
  enabled: boolean;
  /** bumps on every change */
  version: number;
  primitiveVersion: 1 | 2;
  connection: StationConnection;
  timeouts: StationTimeouts;
  flagStandIn: boolean;
  state: StationState;
  /** why the connection test failed ("Da correggere"); null otherwise */
  stateReason: string | null;
  verifiedAt: string | null;
  ecs: StationEcLink[];
  createdAt: string;
  updatedAt: string;
}

export const stationFilters = z.object({
  brokerFiscalCode: z.string().optional(),
  ecFiscalCode: z.string().optional(),
  state: z.enum(stationStates).optional(),
  enabled: z.boolean().optional(),
});
export type StationFilters = z.infer<typeof stationFilters>;

/** Shown once, when generated: the Nodo keeps only their hashes. */
export interface ApiKeyPair {
  ecFiscalCode: string;
  product: ApiProduct;
  primary: string;
  secondary: string;
}

export interface ApiKeyInfo {
  product: ApiProduct;
  label: string;
  primaryCreatedAt: string;
  secondaryCreatedAt: string;
}

export interface ApiKeyIdentity {
  ecFiscalCode: string;
  product: ApiProduct;
  slot: ApiKeySlot;
}

// ---------------------------------------------------------------------------------------------
// PSPs

export const paymentMethods = ['carta', 'conto', 'app'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];
export const paymentMethodLabels: Record<PaymentMethod, string> = {
  carta: 'Carta di credito, debito o prepagata',
  conto: 'Conto corrente',
  app: 'App di pagamento',
};

/** Where the payer is: pagoPA Checkout (also Sportello's kiosk), app IO, a PSP's own counter or site. */
export const touchPoints = ['CHECKOUT', 'IO', 'PSP'] as const;
export type TouchPoint = (typeof touchPoints)[number];

const cents = z.number().int().min(1).max(99_999_999_999);
const idPsp = z.string().trim().min(1).max(35);

export interface FeeBundle {
  idBundle: string;
  name: string;
  paymentMethod: PaymentMethod;
  touchPoints: readonly TouchPoint[];
  /** payable amounts this bundle covers, cents, both ends included */
  minAmount: number;
  maxAmount: number;
  /** fee = fixedFee + amount * rateBasisPoints / 10000, rounded half up, then kept within [minFee, maxFee] */
  fixedFee: number;
  rateBasisPoints: number;
  minFee: number;
  maxFee: number;
}

export interface PspInfo {
  idPSP: string;
  name: string;
  pspFiscalCode: string;
  idBrokerPSP: string;
  idChannel: string;
  channelDescription: string;
  bundles: readonly FeeBundle[];
}

export const pspOffersQuery = z.object({
  amount: cents,
  paymentMethod: z.enum(paymentMethods).optional(),
  touchPoint: z.enum(touchPoints).optional(),
  sortBy: z.enum(['fee', 'name']).default('fee'),
});
export type PspOffersQuery = z.input<typeof pspOffersQuery>;

export interface PspOffer {
  idPSP: string;
  pspName: string;
  idChannel: string;
  idBundle: string;
  paymentMethod: PaymentMethod;
  fee: number;
  /** amount + fee */
  total: number;
  /** the cheapest offer for its payment method */
  suggested: boolean;
}

export interface FeeRange {
  paymentMethod: PaymentMethod;
  label: string;
  minFee: number;
  maxFee: number;
  /** "Commissione: da 0,50 € a 2,00 €" */
  text: string;
}

export interface PspOffers {
  amount: number;
  offers: PspOffer[];
  ranges: FeeRange[];
}

// ---------------------------------------------------------------------------------------------
// Payments (PSP side, SANP 3)

export const verifyPaymentNoticeReq = z.object({ idPSP: idPsp, idChannel: idPsp, qrCode });
export type VerifyPaymentNoticeReq = z.infer<typeof verifyPaymentNoticeReq>;
/** Same shape as the EC's answer; a fault is the Nodo's (PPT), an EC fault wrapped in PPT_ERRORE_EMESSO_DA_PAA. */
export type VerifyPaymentNoticeRes = PaVerifyPaymentNoticeRes;

/** 30 minutes: the longest a payment token may live. */
export const MAX_TOKEN_VALIDITY_MS = 1_800_000;

export const activatePaymentNoticeV2Req = z.object({
  idPSP: idPsp,
  idChannel: idPsp,
  /** `<idPSP>_<10 alphanumerics>` on the wire; any 1..70 printable characters are accepted here */
  idempotencyKey: z.string().regex(/^[\x21-\x7e]{1,70}$/).optional(),
  qrCode,
  expirationTime: z.number().int().min(1).max(MAX_TOKEN_VALIDITY_MS).optional(),
  amount: cents,
  dueDate: isoDate.optional(),
  paymentNote: z.string().max(140).optional(),
  paymentMethod: z.enum(paymentMethods),
  touchPoint: z.enum(touchPoints),
});
export type ActivatePaymentNoticeV2Req = z.input<typeof activatePaymentNoticeV2Req>;

export interface ActivatePaymentNoticeV2Ok {
  outcome: 'OK';
  paymentToken: string;
  /** not on the wire: when the token stops being valid */
  tokenExpiresAt: string;
  totalAmount: number;
  paymentDescription: string;
  fiscalCodePA: string;
  companyName: string;
  officeName?: string;
  creditorReferenceId: string;
  transferList: Transfer[];
}
export type ActivatePaymentNoticeV2Res = ActivatePaymentNoticeV2Ok | { outcome: 'KO'; fault: Fault };

export const paymentOutcomeDetails = z.object({
  paymentMethod: z.enum(paymentMethods),
  fee: z.number().int().min(0).max(99_999_999_999),
  primaryCiIncurredFee: z.number().int().min(0).optional(),
  idBundle: z.string().max(70).optional(),
  payer: payer.optional(),
  applicationDate: isoDate,
  transferDate: isoDate,
});
export type PaymentOutcomeDetails = z.infer<typeof paymentOutcomeDetails>;

export const sendPaymentOutcomeV2Req = z
  .object({
    idPSP: idPsp,
    idChannel: idPsp.optional(),
    paymentTokens: z.array(z.string().min(1).max(35)).min(1).max(5),
    outcome: z.enum(['OK', 'KO']),
    details: paymentOutcomeDetails.optional(),
  })
  .refine((r) => r.outcome === 'KO' || r.details !== undefined, {
    error: 'Con esito OK servono i dettagli del pagamento.',
    path: ['details'],
  })
  .refine((r) => new Set(r.paymentTokens).size === r.paymentTokens.length, {
    error: 'Lo stesso token è ripetuto.',
    path: ['paymentTokens'],
  });
export type SendPaymentOutcomeV2Req = z.input<typeof sendPaymentOutcomeV2Req>;
export type SendPaymentOutcomeV2Res = { outcome: 'OK' } | { outcome: 'KO'; fault: Fault };

/** The simulated PSP's part of a checkout: authorise the payer's money, then close the token. */
export const payWithPspReq = z.object({
  idPSP: idPsp,
  paymentToken: z.string().min(1).max(35),
  /** default: the method given at activation */
  paymentMethod: z.enum(paymentMethods).optional(),
  idBundle: z.string().max(70).optional(),
  payer: payer.optional(),
});
export type PayWithPspReq = z.input<typeof payWithPspReq>;
export type PayWithPspRes =
  | { outcome: 'OK'; receiptId: string; fee: number; totalAmount: number; paymentDateTime: string }
  /** the PSP declined (card refused, insufficient funds): the token is closed KO and the notice stays payable */
  | { outcome: 'REFUSED'; message: string }
  | { outcome: 'KO'; fault: Fault };

export const paymentStatuses = ['ACTIVE', 'EXPIRED', 'PAID', 'KO'] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

export interface ReceiptDeliveryStatus {
  ecFiscalCode: string;
  delivered: boolean;
  attempts: number;
  lastError: string | null;
  deliveredAt: string | null;
  nextAttemptAt: string | null;
}

export interface PaymentInfo {
  paymentToken: string;
  fiscalCodePA: string;
  noticeNumber: string;
  idPSP: string;
  amount: number;
  status: PaymentStatus;
  activatedAt: string;
  expiresAt: string;
  closedAt: string | null;
  /** with status PAID: the receipt (its id is the token) and where it has been delivered */
  receiptId: string | null;
  deliveries: ReceiptDeliveryStatus[];
}

export interface DeliveryReport {
  attempted: number;
  delivered: number;
  failed: number;
  /** still waiting after this run */
  pending: number;
  /** earliest retry still due, to schedule the next run */
  nextAttemptAt: string | null;
}

// ---------------------------------------------------------------------------------------------
// Settlement (FdR)

/** Outcome of a flow line: 0 executed, 3 revoked, 4 stand-in, 8 stand-in without receipt request, 9 executed without receipt request. */
export const flowOutcomeCodes = [0, 3, 4, 8, 9] as const;
export type FlowOutcomeCode = (typeof flowOutcomeCodes)[number];

export const listFlowsQuery = z.object({
  ecFiscalCode: z.string().regex(/^\d{11}$/),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type ListFlowsQuery = z.input<typeof listFlowsQuery>;

export interface FlowSummary {
  identificativoFlusso: string;
  dataOraFlusso: string;
  dataRegolamento: string;
  idPSP: string;
  pspName: string;
  receiverFiscalCode: string;
  iban: string;
  totalPayments: number;
  totalAmount: number;
  revision: number;
}

export interface FlowLine {
  /** IUV */
  iuv: string;
  /** IUR: the payment token (receipt id) */
  iur: string;
  transferIndex: number;
  amount: number;
  outcomeCode: FlowOutcomeCode;
  outcomeDate: string;
}

export interface Flow extends FlowSummary {
  identificativoUnivocoRegolamento: string;
  sender: { idPSP: string; name: string; idBrokerPSP: string };
  receiver: { fiscalCode: string; name: string };
  /** the bank transfer the PSP makes to the EC's IBAN for this flow */
  bankTransfer: { iban: string; amount: number; date: string; remittanceInformation: string };
  lines: FlowLine[];
}

// ---------------------------------------------------------------------------------------------

export interface NodoClient {
  // Onboarding (EC back office)
  registerEc(censimento: EcCensimentoInput): Promise<EcRegistration>;
  getEcRegistration(fiscalCode: string): Promise<EcRegistration | null>;
  setEnvironment(fiscalCode: string, environment: Environment): Promise<EcRegistration>;
  /** replaces the EC's IBAN list on the Nodo; once non-empty, transfers must credit one of them */
  setIbans(ecFiscalCode: string, ibans: readonly string[]): Promise<string[]>;
  /** the EC's IBAN list as the Nodo holds it, sorted */
  listIbans(ecFiscalCode: string): Promise<string[]>;
  createStation(input: StationCreateInput): Promise<Station>;
  updateStation(code: string, patch: StationUpdateInput): Promise<Station>;
  /** "Verifica URL": runs the connection test again and returns the station in its new state */
  verifyStation(code: string): Promise<Station>;
  setStationEnabled(code: string, enabled: boolean): Promise<Station>;
  getStation(code: string): Promise<Station | null>;
  listStations(filters?: StationFilters): Promise<Station[]>;
  issueApiKeys(ecFiscalCode: string, product: ApiProduct): Promise<ApiKeyPair>;
  regenerateApiKey(ecFiscalCode: string, product: ApiProduct, slot: ApiKeySlot): Promise<{ product: ApiProduct; slot: ApiKeySlot; key: string }>;
  listApiKeys(ecFiscalCode: string): Promise<ApiKeyInfo[]>;
  authenticate(apiKey: string, product: ApiProduct): Promise<ApiKeyIdentity | null>;

  // Payments (PSP side)
  verifyPaymentNotice(req: VerifyPaymentNoticeReq): Promise<VerifyPaymentNoticeRes>;
  activatePaymentNoticeV2(req: ActivatePaymentNoticeV2Req): Promise<ActivatePaymentNoticeV2Res>;
  sendPaymentOutcomeV2(req: SendPaymentOutcomeV2Req): Promise<SendPaymentOutcomeV2Res>;
  getPaymentStatus(paymentToken: string): Promise<PaymentInfo | null>;
  getReceipt(receiptId: string): Promise<CtReceiptV2 | null>;

  // PSPs
  listPsps(): Promise<PspInfo[]>;
  listPspOffers(query: PspOffersQuery): Promise<PspOffers>;
  payWithPsp(req: PayWithPspReq): Promise<PayWithPspRes>;

  // Receipt delivery (the Nodo's own retry loop; a real connector has nothing to do here)
  deliverPendingReceipts(): Promise<DeliveryReport>;

  // Settlement
  settle(date: string): Promise<FlowSummary[]>;
  listFlows(query: ListFlowsQuery): Promise<FlowSummary[]>;
  getFlow(identificativoFlusso: string): Promise<Flow>;
}
