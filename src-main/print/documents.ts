/**
 * What gets printed, as plain data: a notice document from a debt position, the EC profile and its
 * notice settings; a receipt document from a stored receipt. Layouts take only these, so they can
 * run in a worker thread with no database at hand.
 */
import { formatIban, postalAccountFromIban } from '../../src-shared/domain/iban';
import { buildPosteDataMatrixPayload, POSTE_MAX_AMOUNT_CENTS } from '../../src-shared/domain/posteDataMatrix';
import { buildQrPayload } from '../../src-shared/domain/qrPayload';
import type { OptionKind } from '../../src-shared/domain/positionStatus';
import type { EcProfile } from '../../src-shared/ipc/schemas/ec';
import type { NoticeSettings, OnlineChannel } from '../../src-shared/ipc/schemas/noticeSettings';
import type { CtReceiptV2 } from '../../src-shared/sanp/messages';
import { MAX_INSTALMENTS_WITH_RATA_UNICA } from '../positions/positionValidation';
import type { DebtPosition, Debtor, PaymentOptionWithTransfers, StoredReceipt } from '../positions/types';

/** guideline: subject of the notice, at most 90 characters */
export const SUBJECT_MAX = 90;
export const DEBTOR_NAME_MAX = 70;

export interface NoticePostal {
  /** conto corrente postale, 12 digits */
  account: string;
  authorisation: string;
  dataMatrixPayload: string;
}

export interface NoticePayment {
  kind: OptionKind;
  instalmentNumber: number | null;
  noticeNumber: string;
  iuv: string;
  amountCents: number;
  dueDate: string;
  description: string;
  qrPayload: string;
  postal: NoticePostal | null;
}

export interface NoticeImage {
  /** identifies the image across notices, so a batch file embeds it once */
  key: string;
  bytes: Uint8Array;
}

export interface NoticeDocument {
  positionId: number;
  iupd: string;
  subject: string;
  ec: {
    name: string;
    fiscalCode: string;
    sector: string;
    info: string;
    cbill: string;
    logo: NoticeImage | null;
  };
  debtor: {
    type: 'F' | 'G';
    fiscalCode: string;
    fullName: string;
    addressLines: string[];
  };
  /** 'single': one payment; 'plan': instalments (a rata unica first when offered); 'longPlan': more than 9 instalments, no rata unica */
  layout: 'single' | 'plan' | 'longPlan';
  /** single payment or rata unica */
  main: NoticePayment | null;
  instalments: NoticePayment[];
  /** how many instalments the plan has in all (paid ones are not printed again) */
  instalmentCount: number;
  /** the EC's own channels, named where "Dove pagare" leaves room for them */
  channels: { online: OnlineChannel; physical: string };
}

export type NoticeUnprintableReason = 'STATUS' | 'NOTHING_TO_PAY' | 'DATA';

export type NoticeBuild =
  | { ok: true; document: NoticeDocument }
  | { ok: false; positionId: number; iupd: string; reason: NoticeUnprintableReason; message: string };

const statusMessages: Partial<Record<DebtPosition['status'], string>> = {
  DRAFT: 'La posizione è in bozza: pubblicala prima di stampare l’avviso.',
  PAID: 'La posizione è già pagata: si può stampare la ricevuta.',
  REPORTED: 'La posizione è già pagata e rendicontata: si può stampare la ricevuta.',
  INVALID: 'La posizione è stata annullata dall’Ente.',
  EXPIRED: 'La posizione è scaduta: aggiorna le scadenze prima di stampare l’avviso.',
};

export function debtorAddressLines(d: Debtor): string[] {
  const street = [d.address, d.civicNumber].filter(Boolean).join(', ');
  const cityLine = [d.postalCode, d.city, d.province ? `(${d.province})` : null].filter(Boolean).join(' ');
  const country = d.country && d.country.toUpperCase() !== 'IT' ? d.country.toUpperCase() : '';
  return [street, [cityLine, country].filter(Boolean).join(' - ')].filter((l) => l !== '');
}

/** "TARI 2026 - rata 2" -> "TARI 2026": the subject of a plan is what its instalments share. */
export function planSubject(description: string): string {
  return description.replace(/\s*[-–—:,]?\s*\(?\s*(rata\s+(unica|n?\.?\s*\d+(\s*(di|\/)\s*\d+)?)|\d+\s*ª?\s*rata)\s*\)?\s*$/i, '').trim() || description;
}

/** At most max characters, cut at a word boundary with an ellipsis. */
export function limitText(text: string, max: number): string {
  const clean = text.trim().replace(/\s+/g, ' ');
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

function postalFor(
  option: PaymentOptionWithTransfers,
  settings: NoticeSettings,
  ec: EcProfile,
  debtor: Debtor,
  subject: string,
): NoticePostal | null {
  if (settings.posteAuthorisation.trim() === '') return null;
  const primary = option.transfers.find((t) => t.index === 1) ?? option.transfers[0];
  if (!primary) return null;
  const account = postalAccountFromIban(primary.iban);
  if (!account || option.amount > POSTE_MAX_AMOUNT_CENTS) return null;
  return {
    account,
    authorisation: settings.posteAuthorisation.trim(),
    dataMatrixPayload: buildPosteDataMatrixPayload({
      noticeNumber: option.noticeNumber,
      postalAccount: account,
      amountCents: option.amount,
      ecFiscalCode: ec.fiscalCode,
      debtorFiscalCode: debtor.fiscalCode,
      debtorName: debtor.fullName,
      subject,
    }),
  };
}

function payment(option: PaymentOptionWithTransfers, settings: NoticeSettings, ec: EcProfile, debtor: Debtor): NoticePayment {
  return {
    kind: option.kind,
    instalmentNumber: option.instalmentNumber,
    noticeNumber: option.noticeNumber,
    iuv: option.iuv,
    amountCents: option.amount,
    dueDate: option.dueDate,
    description: option.description,
    qrPayload: buildQrPayload({ noticeNumber: option.noticeNumber, ecFiscalCode: ec.fiscalCode, amountCents: option.amount }),
    postal: postalFor(option, settings, ec, debtor, option.description),
  };
}

export function logoImage(settings: NoticeSettings): NoticeImage | null {
  if (!settings.logo) return null;
  const bytes = Buffer.from(settings.logo.dataBase64, 'base64');
  return { key: `logo:${bytes.length}:${settings.logo.dataBase64.slice(0, 64)}:${settings.logo.dataBase64.slice(-64)}`, bytes: new Uint8Array(bytes) };
}

/**
 * The notice for a position, or why there is none. Only what can still be paid is printed: a
 * partially paid plan prints its unpaid instalments and no longer offers the rata unica.
 */
export function buildNoticeDocument(
  position: DebtPosition,
  ec: EcProfile,
  settings: NoticeSettings,
  logo: NoticeImage | null = logoImage(settings),
): NoticeBuild {
  const unprintable = (reason: NoticeUnprintableReason, message: string): NoticeBuild => ({
    ok: false,
    positionId: position.id,
    iupd: position.iupd,
    reason,
    message,
  });
  const statusMessage = statusMessages[position.status];
  if (statusMessage) return unprintable('STATUS', statusMessage);

  const unpaid = position.options.filter((o) => o.status === 'unpaid');
  const single = unpaid.find((o) => o.kind === 'single') ?? null;
  const allInstalments = position.options.filter((o) => o.kind === 'instalment');
  const instalments = unpaid.filter((o) => o.kind === 'instalment').sort((a, b) => (a.instalmentNumber ?? 0) - (b.instalmentNumber ?? 0));
  const longPlan = allInstalments.length > MAX_INSTALMENTS_WITH_RATA_UNICA;
  const somePaid = position.options.some((o) => o.status !== 'unpaid');
  const rataUnica = longPlan || somePaid ? null : (unpaid.find((o) => o.kind === 'rataUnica') ?? null);
  if (!single && instalments.length === 0 && !rataUnica) return unprintable('NOTHING_TO_PAY', 'La posizione non ha rate da pagare.');

  const subjectSource = single?.description ?? rataUnica?.description ?? instalments[0]?.description ?? '';
  const subject = limitText(single ? subjectSource : planSubject(subjectSource), SUBJECT_MAX);
  try {
    const main = single ?? rataUnica;
    return {
      ok: true,
      document: {
        positionId: position.id,
        iupd: position.iupd,
        subject,
        ec: {
          name: position.companyName || ec.name,
          // guideline: fiscal codes and CBILL in capitals (printed text only: the barcodes take the position's data)
          fiscalCode: ec.fiscalCode.toUpperCase(),
          sector: settings.sector.trim() || (position.officeName ?? ''),
          info: settings.info.trim(),
          cbill: settings.cbill.trim().toUpperCase(),
          logo,
        },
        debtor: {
          type: position.debtor.type,
          fiscalCode: position.debtor.fiscalCode.toUpperCase(),
          fullName: position.debtor.fullName.slice(0, DEBTOR_NAME_MAX),
          addressLines: debtorAddressLines(position.debtor),
        },
        layout: single ? 'single' : longPlan ? 'longPlan' : 'plan',
        main: main ? payment(main, settings, ec, position.debtor) : null,
        instalments: single ? [] : instalments.map((o) => payment(o, settings, ec, position.debtor)),
        instalmentCount: allInstalments.length,
        channels: { online: settings.onlineChannel, physical: settings.physicalChannel.trim() },
      },
    };
  } catch (error) {
    return unprintable('DATA', error instanceof Error ? error.message : String(error));
  }
}

// ---- receipts ----

export interface ReceiptDocument {
  receiptId: string;
  outcome: 'OK' | 'KO';
  ec: { name: string; fiscalCode: string; officeName: string };
  debtor: { fiscalCode: string; fullName: string };
  payer: { fiscalCode: string; fullName: string } | null;
  noticeNumber: string;
  iuv: string;
  description: string;
  amountCents: number;
  feeCents: number;
  totalCents: number;
  psp: { id: string; name: string; fiscalCode: string };
  channel: { id: string; description: string };
  paymentMethod: string;
  /** ISO instant */
  paymentDateTime: string;
  applicationDate: string;
  transferDate: string;
  standIn: boolean;
  transfers: Array<{ index: number; ecFiscalCode: string; iban: string; remittance: string; taxonomy: string; amountCents: number }>;
}

/** SANP paymentMethod codes as a payer would read them. */
export const paymentMethodLabels: Record<string, string> = {
  CP: 'Carta di pagamento',
  BBT: 'Bonifico bancario',
  BP: 'Bollettino postale',
  AD: 'Addebito diretto',
  PO: 'Pagamento presso il prestatore',
  PPAL: 'PayPal',
  BPAY: 'Bancomat Pay',
  APPL: 'Apple Pay',
  GOOG: 'Google Pay',
  MYBK: 'MyBank',
  JIF: 'Conto corrente',
  OBEP: 'Conto corrente (online banking)',
  SATY: 'Satispay',
  CBILL: 'CBILL',
};

export function buildReceiptDocument(receipt: StoredReceipt, ec: EcProfile): ReceiptDocument {
  const payload = JSON.parse(receipt.payload) as CtReceiptV2;
  const method = paymentMethodLabels[receipt.paymentMethod];
  return {
    receiptId: receipt.receiptId,
    outcome: receipt.outcome,
    ec: { name: payload.companyName || ec.name, fiscalCode: receipt.ecFiscalCode, officeName: payload.officeName ?? '' },
    debtor: { fiscalCode: payload.debtor.uniqueIdentifier.entityUniqueIdentifierValue, fullName: payload.debtor.fullName },
    payer:
      receipt.payerFiscalCode && receipt.payerFullName
        ? { fiscalCode: receipt.payerFiscalCode, fullName: receipt.payerFullName }
        : null,
    noticeNumber: receipt.noticeNumber,
    iuv: receipt.iuv,
    description: payload.description,
    amountCents: receipt.paymentAmount,
    feeCents: receipt.fee,
    totalCents: receipt.paymentAmount + receipt.fee,
    psp: { id: receipt.idPsp, name: receipt.pspCompanyName, fiscalCode: receipt.pspFiscalCode ?? '' },
    channel: { id: receipt.idChannel, description: payload.channelDescription },
    paymentMethod: method ? `${method} (${receipt.paymentMethod})` : receipt.paymentMethod,
    paymentDateTime: receipt.paymentDateTime,
    applicationDate: receipt.applicationDate,
    transferDate: receipt.transferDate,
    standIn: receipt.standIn,
    transfers: payload.transferList.map((t) => ({
      index: t.idTransfer,
      ecFiscalCode: t.fiscalCodePA,
      iban: formatIban(t.IBAN),
      remittance: t.remittanceInformation,
      taxonomy: t.transferCategory,
      amountCents: t.transferAmount,
    })),
  };
}
