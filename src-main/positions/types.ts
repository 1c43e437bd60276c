import type { OptionKind, OptionStatus, PositionStatus } from '../../src-shared/domain/positionStatus';

/** Debtor of a position: type F (person) or G (legal entity), as SANP's entityUniqueIdentifierType. */
export interface Debtor {
  type: 'F' | 'G';
  fiscalCode: string;
  fullName: string;
  address: string | null;
  civicNumber: string | null;
  postalCode: string | null;
  city: string | null;
  province: string | null;
  country: string | null;
  email: string | null;
  phone: string | null;
}

export interface Transfer {
  /** idTransfer, 1..5 */
  index: number;
  amount: number;
  ecFiscalCode: string;
  iban: string;
  remittance: string;
  taxonomy: string;
}

export interface PaymentOption {
  id: number;
  noticeNumber: string;
  iuv: string;
  amount: number;
  dueDate: string;
  description: string;
  kind: OptionKind;
  instalmentNumber: number | null;
  status: OptionStatus;
  paidAt: string | null;
  paidReceiptId: number | null;
}

export interface PaymentOptionWithTransfers extends PaymentOption {
  transfers: Transfer[];
}

export type PositionOrigin = 'ec' | 'spontaneous';

/** One row of debt_position: what lists show, without the options. */
export interface PositionSummary {
  id: number;
  iupd: string;
  status: PositionStatus;
  origin: PositionOrigin;
  debtor: Debtor;
  companyName: string;
  officeName: string | null;
  catalogueServiceId: number | null;
  validityDate: string | null;
  switchToExpired: boolean;
  minDueDate: string;
  maxDueDate: string;
  totalAmount: number;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface DebtPosition extends PositionSummary {
  options: PaymentOptionWithTransfers[];
}

// ---- inputs: what the back office (or an import) sends; services validate all of it ----

export interface DebtorInput {
  type: 'F' | 'G';
  fiscalCode: string;
  fullName: string;
  address?: string | null | undefined;
  civicNumber?: string | null | undefined;
  postalCode?: string | null | undefined;
  city?: string | null | undefined;
  province?: string | null | undefined;
  country?: string | null | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
}

export interface TransferInput {
  /** idTransfer: 1..N in order */
  id: number;
  amount: number;
  /** the EC's own fiscal code when omitted */
  ecFiscalCode?: string | null | undefined;
  iban: string;
  remittance: string;
  taxonomy: string;
}

export interface PaymentOptionInput {
  /** on update only: keeps an existing option (and its printed notice number) */
  noticeNumber?: string | null | undefined;
  kind: OptionKind;
  /** instalments only: 1..N */
  instalmentNumber?: number | null | undefined;
  amount: number;
  dueDate: string;
  description: string;
  transfers: TransferInput[];
}

export interface PositionInput {
  /** the EC's own id for the position; generated from the first IUV when omitted */
  iupd?: string | null | undefined;
  debtor: DebtorInput;
  /** the EC's name when omitted */
  companyName?: string | null | undefined;
  officeName?: string | null | undefined;
  catalogueServiceId?: number | null | undefined;
  validityDate?: string | null | undefined;
  switchToExpired?: boolean | undefined;
  options: PaymentOptionInput[];
}

export interface PositionUpdateInput extends Omit<PositionInput, 'iupd'> {
  id: number;
  /** the version the user edited: a different current version means someone else changed it */
  version: number;
}

export const POSITION_SORTS = ['dueDate', 'createdAt', 'amount'] as const;
export type PositionSort = (typeof POSITION_SORTS)[number];

export interface PositionListInput {
  status?: PositionStatus | undefined;
  catalogueServiceId?: number | undefined;
  debtorFiscalCode?: string | undefined;
  dueDateFrom?: string | undefined;
  dueDateTo?: string | undefined;
  sort?: PositionSort | undefined;
  direction?: 'asc' | 'desc' | undefined;
  /** 1..100, 20 when omitted */
  limit?: number | undefined;
  /** opaque: the nextCursor of the previous page */
  cursor?: string | null | undefined;
}

export interface PositionPage {
  items: DebtPosition[];
  nextCursor: string | null;
}

export interface SpontaneousPaymentInput {
  catalogueServiceId: number;
  amount: number;
  /** causale: what the payer is paying for, max 140 characters */
  causale: string;
  debtor: DebtorInput;
}

// ---- catalogue ----

export interface CatalogueEntry {
  id: number;
  code: string;
  name: string;
  description: string;
  taxonomy: string;
  iban: string;
  spontaneous: boolean;
  minAmount: number | null;
  maxAmount: number | null;
  payerInstructions: string;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CatalogueEntryInput {
  code: string;
  name: string;
  description?: string | undefined;
  taxonomy: string;
  iban: string;
  spontaneous: boolean;
  minAmount?: number | null | undefined;
  maxAmount?: number | null | undefined;
  payerInstructions?: string | undefined;
  active?: boolean | undefined;
}

export interface CatalogueEntryUpdateInput extends CatalogueEntryInput {
  id: number;
  version: number;
}

// ---- receipts ----

export type ReceiptAnomaly = 'DOUBLE_PAYMENT' | 'NOT_PAYABLE' | 'AMOUNT_MISMATCH';

export interface StoredReceipt {
  id: number;
  receiptId: string;
  optionId: number;
  noticeNumber: string;
  iuv: string;
  ecFiscalCode: string;
  outcome: 'OK' | 'KO';
  paymentAmount: number;
  fee: number;
  primaryCiIncurredFee: number | null;
  idPsp: string;
  pspFiscalCode: string | null;
  pspCompanyName: string;
  idChannel: string;
  idBundle: string | null;
  payerType: 'F' | 'G' | null;
  payerFiscalCode: string | null;
  payerFullName: string | null;
  paymentMethod: string;
  paymentDateTime: string;
  applicationDate: string;
  transferDate: string;
  standIn: boolean;
  /** the ctReceiptV2 as delivered, JSON */
  payload: string;
  receivedAt: string;
  anomaly: ReceiptAnomaly | null;
}
