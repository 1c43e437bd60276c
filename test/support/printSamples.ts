import fs from 'node:fs';
import path from 'node:path';
import { generateNoticeNumber, iuvFromNoticeNumber } from '../../src-shared/domain/noticeNumber';
import type { EcProfile } from '../../src-shared/ipc/schemas/ec';
import { defaultNoticeSettings, type NoticeSettings } from '../../src-shared/ipc/schemas/noticeSettings';
import type { CtReceiptV2 } from '../../src-shared/sanp/messages';
import type { OptionKind } from '../../src-shared/domain/positionStatus';
import { buildNoticeDocument, type NoticeDocument } from '../../src-main/print/documents';
import type { DebtPosition, PaymentOptionWithTransfers, StoredReceipt } from '../../src-main/positions/types';

/** Sample data for the print tests and the benchmark: the demo EC and a few kinds of position, as plain objects. */
export const SAMPLE_EC: EcProfile = { name: 'Comune di Test', fiscalCode: '80012345676', segregationCode: '01', environment: 'collaudo' };
export const SAMPLE_IBAN = 'IT60X0542811101000000123456';
export const SAMPLE_POSTAL_IBAN = 'IT57N0760114800000011050036';
export const SAMPLE_TAXONOMY = '9/0101108TS/';

export function sampleLogo(): { mediaType: 'image/png'; dataBase64: string } {
  const file = path.resolve(__dirname, '../../resources/icons/icon.png');
  return { mediaType: 'image/png', dataBase64: fs.readFileSync(file).toString('base64') };
}

export function sampleSettings(over: Partial<NoticeSettings> = {}): NoticeSettings {
  return {
    ...defaultNoticeSettings,
    sector: 'Settore Tributi - Ufficio TARI',
    info: 'Ufficio Tributi, via Roma 1, 00100 Roma. Aperto dal lunedì al venerdì 9-12. Tel. 06 1234567, tributi@comune-test.it, www.comune-test.it',
    cbill: 'A0EDT',
    ...over,
  };
}

export const POSTE_AUTH = 'AUT. 08/5 S3/81 53079 08129.07.20211';

let nextBase = 1;

export interface SampleOption {
  kind: OptionKind;
  instalmentNumber?: number;
  amount: number;
  dueDate: string;
  description: string;
  iban?: string;
  status?: 'unpaid' | 'paid';
}

export function samplePosition(options: SampleOption[], over: Partial<DebtPosition> = {}): DebtPosition {
  const id = nextBase;
  const opts: PaymentOptionWithTransfers[] = options.map((o, i) => {
    const noticeNumber = generateNoticeNumber('01', String(nextBase++).padStart(13, '0'));
    return {
      id: id * 100 + i,
      noticeNumber,
      iuv: iuvFromNoticeNumber(noticeNumber)!,
      amount: o.amount,
      dueDate: o.dueDate,
      description: o.description,
      kind: o.kind,
      instalmentNumber: o.instalmentNumber ?? null,
      status: o.status ?? 'unpaid',
      paidAt: null,
      paidReceiptId: null,
      transfers: [{ index: 1, amount: o.amount, ecFiscalCode: SAMPLE_EC.fiscalCode, iban: o.iban ?? SAMPLE_IBAN, remittance: o.description, taxonomy: SAMPLE_TAXONOMY }],
    };
  });
  const total = opts.filter((o) => o.kind !== 'rataUnica').reduce((s, o) => s + o.amount, 0);
  return {
    id,
    iupd: `IUPD-${String(id).padStart(6, '0')}`,
    status: 'VALID',
    origin: 'ec',
    debtor: {
      type: 'F',
      fiscalCode: 'RCCMNL83S18D969H',
      fullName: 'Emanuele Rocca',
      address: 'Via Giuseppe Garibaldi',
      civicNumber: '12/B',
      postalCode: '00100',
      city: 'Roma',
      province: 'RM',
      country: 'IT',
      email: null,
      phone: null,
    },
    companyName: SAMPLE_EC.name,
    officeName: 'Ufficio Tributi',
    catalogueServiceId: null,
    validityDate: null,
    switchToExpired: false,
    minDueDate: opts.map((o) => o.dueDate).sort()[0]!,
    maxDueDate: opts.map((o) => o.dueDate).sort().at(-1)!,
    totalAmount: total,
    publishedAt: '2026-11-01T09:00:00.000Z',
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
    version: 1,
    options: opts,
    ...over,
  };
}

export function singlePosition(over: Partial<SampleOption> = {}, pos: Partial<DebtPosition> = {}): DebtPosition {
  return samplePosition([{ kind: 'single', amount: 102_099, dueDate: '2026-12-31', description: 'TARI 2026 - Tassa sui rifiuti, saldo', ...over }], pos);
}

export function planPosition(n: number, opts: { rataUnica?: boolean; iban?: string; amount?: number } = {}): DebtPosition {
  const amount = opts.amount ?? 12_050;
  const options: SampleOption[] = [];
  if (opts.rataUnica ?? true) options.push({ kind: 'rataUnica', amount: amount * n, dueDate: '2027-01-31', description: 'TARI 2026 - rata unica', ...(opts.iban ? { iban: opts.iban } : {}) });
  for (let i = 1; i <= n; i++) {
    const month = ((i - 1) % 12) + 1;
    const year = 2027 + Math.floor((i - 1) / 12);
    options.push({
      kind: 'instalment',
      instalmentNumber: i,
      amount,
      dueDate: `${year}-${String(month).padStart(2, '0')}-28`,
      description: `TARI 2026 - rata ${i}`,
      ...(opts.iban ? { iban: opts.iban } : {}),
    });
  }
  return samplePosition(options);
}

export function noticeOf(position: DebtPosition, settings: NoticeSettings = sampleSettings()): NoticeDocument {
  const built = buildNoticeDocument(position, SAMPLE_EC, settings);
  if (!built.ok) throw new Error(built.message);
  return built.document;
}

/** A 140-character description and a 70-character debtor name: the longest the data allows. */
export const LONG_DESCRIPTION = 'Tassa sui rifiuti (TARI) anno 2026: saldo per l’immobile di via dei Mille 1234, interno 56, categoria catastale A/2, superficie 120 mq circa';
export const LONG_NAME = 'Maria Immacolata Concetta Addolorata Giovanna Battista Bartolomeo Ross';

export function sampleReceipt(over: Partial<CtReceiptV2> = {}): StoredReceipt {
  const noticeNumber = generateNoticeNumber('01', '0000000000042');
  const iuv = iuvFromNoticeNumber(noticeNumber)!;
  const payload: CtReceiptV2 = {
    receiptId: 'c2f6a1b0d9e84e7c9a1b2c3d4e5f6a7b',
    noticeNumber,
    fiscalCode: SAMPLE_EC.fiscalCode,
    outcome: 'OK',
    creditorReferenceId: iuv,
    paymentAmount: 102_099,
    description: 'TARI 2026 - Tassa sui rifiuti, saldo',
    companyName: SAMPLE_EC.name,
    officeName: 'Ufficio Tributi',
    debtor: { uniqueIdentifier: { entityUniqueIdentifierType: 'F', entityUniqueIdentifierValue: 'RCCMNL83S18D969H' }, fullName: 'Emanuele Rocca' },
    payer: { uniqueIdentifier: { entityUniqueIdentifierType: 'F', entityUniqueIdentifierValue: 'JHNDOE00A01F205N' }, fullName: 'John Doe' },
    transferList: [
      { idTransfer: 1, transferAmount: 92_099, fiscalCodePA: SAMPLE_EC.fiscalCode, IBAN: SAMPLE_IBAN, remittanceInformation: 'TARI 2026 quota comunale', transferCategory: SAMPLE_TAXONOMY },
      { idTransfer: 2, transferAmount: 10_000, fiscalCodePA: '80215430580', IBAN: 'IT17L0200801600000012345678', remittanceInformation: 'TEFA 2026 tributo provinciale', transferCategory: '9/0201108TS/' },
    ],
    idPSP: 'BCITITMM',
    pspFiscalCode: '00799960158',
    PSPCompanyName: 'Banca di Prova S.p.A.',
    idChannel: 'BCITITMM_01',
    channelDescription: 'app',
    paymentMethod: 'CP',
    fee: 150,
    paymentDateTime: '2026-11-22T10:15:00.000Z',
    applicationDate: '2026-11-22',
    transferDate: '2026-11-23',
    standIn: false,
    ...over,
  };
  return {
    id: 1,
    receiptId: payload.receiptId,
    optionId: 1,
    noticeNumber: payload.noticeNumber,
    iuv: payload.creditorReferenceId,
    ecFiscalCode: payload.fiscalCode,
    outcome: payload.outcome,
    paymentAmount: payload.paymentAmount,
    fee: payload.fee,
    primaryCiIncurredFee: 0,
    idPsp: payload.idPSP,
    pspFiscalCode: payload.pspFiscalCode ?? null,
    pspCompanyName: payload.PSPCompanyName,
    idChannel: payload.idChannel,
    idBundle: null,
    payerType: payload.payer?.uniqueIdentifier.entityUniqueIdentifierType ?? null,
    payerFiscalCode: payload.payer?.uniqueIdentifier.entityUniqueIdentifierValue ?? null,
    payerFullName: payload.payer?.fullName ?? null,
    paymentMethod: payload.paymentMethod,
    paymentDateTime: payload.paymentDateTime,
    applicationDate: payload.applicationDate,
    transferDate: payload.transferDate,
    standIn: payload.standIn,
    payload: JSON.stringify(payload),
    receivedAt: '2026-11-22T10:15:02.000Z',
    anomaly: null,
  };
}
