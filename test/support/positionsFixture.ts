import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE_NAME } from '../../src-main/db/openDatabase';
import { createPositionsModule, type PositionsModule } from '../../src-main/positions';
import type { PaymentOptionInput, PositionInput, TransferInput } from '../../src-main/positions/types';
import type { Actor } from '../../src-main/services/actor';
import type { CtReceiptV2 } from '../../src-shared/sanp/messages';
import { createTestCore, tempDir, type TestCore } from './testCore';

/** The demo EC (seeded with demo: true) and what the positions tests build on. */
export const EC = { fiscalCode: '80012345676', segregationCode: '01', name: 'Comune di Test' } as const;
export const EC_IBAN = 'IT60X0542811101000000123456';
export const EC_POSTAL_IBAN = 'IT57N0760114800000011050036';
/** valid, but not on the demo EC's list */
export const OTHER_IBAN = 'IT17L0200801600000012345678';
export const OTHER_EC = '80215430580';
export const STATION = `${EC.fiscalCode}_01`;
export const DEBTOR_CF = 'RCCMNL83S18D969H';
export const TAXONOMY = '9/0101108TS/';
export const operator: Actor = { id: 2, name: 'Luca Bianchi (referente.tecnico@comune-test.it)' };

export interface PositionsTest extends PositionsModule {
  t: TestCore;
  /** stations the EC accepts; tests may change it */
  stations: string[];
  close(): void;
}

let templateDir: Promise<string> | null = null;

/**
 * A demo core (EC, staff, IBANs) is built once per test file and its database file copied for each
 * test: seeding hashes passwords, which would make every test cost a quarter of a second.
 */
function template(): Promise<string> {
  templateDir ??= createTestCore({ demo: true }).then(async (t) => {
    await t.close();
    return t.dataDir;
  });
  return templateDir;
}

export async function createPositionsTest(): Promise<PositionsTest> {
  const dir = tempDir();
  fs.copyFileSync(path.join(await template(), DATABASE_FILE_NAME), path.join(dir, DATABASE_FILE_NAME));
  const t = await createTestCore({ demo: true, dataDir: dir });
  const stations = [STATION];
  const module = createPositionsModule({
    db: t.core.db,
    clock: t.clock,
    audit: t.core.services.audit,
    acceptedStationIds: () => stations,
  });
  return { ...module, t, stations, close: () => t.close() };
}

export function transfer(over: Partial<TransferInput> = {}): TransferInput {
  return { id: 1, amount: 10_000, iban: EC_IBAN, remittance: 'TARI 2026', taxonomy: TAXONOMY, ...over };
}

export function single(over: Partial<PaymentOptionInput> = {}): PaymentOptionInput {
  const amount = over.amount ?? 10_000;
  return { kind: 'single', amount, dueDate: '2026-12-31', description: 'TARI 2026 - saldo', transfers: [transfer({ amount })], ...over };
}

export function instalment(n: number, dueDate: string, amount = 5_000): PaymentOptionInput {
  return { kind: 'instalment', instalmentNumber: n, amount, dueDate, description: `TARI 2026 - rata ${n}`, transfers: [transfer({ amount })] };
}

export function rataUnica(dueDate: string, amount: number): PaymentOptionInput {
  return { kind: 'rataUnica', amount, dueDate, description: 'TARI 2026 - rata unica', transfers: [transfer({ amount })] };
}

export function positionInput(over: Partial<PositionInput> = {}): PositionInput {
  return {
    debtor: { type: 'F', fiscalCode: DEBTOR_CF, fullName: 'Emanuele Rocca', city: 'Roma', province: 'RM', postalCode: '00100' },
    officeName: 'Ufficio Tributi',
    options: [single()],
    ...over,
  };
}

/** A receipt as the Nodo would send it for an option, with a fresh payment token. */
export function receiptFor(
  option: { noticeNumber: string; iuv: string; amount: number },
  over: Partial<CtReceiptV2> = {},
): CtReceiptV2 {
  return {
    receiptId: `tok-${option.noticeNumber}-${Math.random().toString(36).slice(2, 10)}`,
    noticeNumber: option.noticeNumber,
    fiscalCode: EC.fiscalCode,
    outcome: 'OK',
    creditorReferenceId: option.iuv,
    paymentAmount: option.amount,
    description: 'TARI 2026',
    companyName: EC.name,
    debtor: {
      uniqueIdentifier: { entityUniqueIdentifierType: 'F', entityUniqueIdentifierValue: DEBTOR_CF },
      fullName: 'Emanuele Rocca',
    },
    transferList: [
      { idTransfer: 1, transferAmount: option.amount, fiscalCodePA: EC.fiscalCode, IBAN: EC_IBAN, remittanceInformation: 'TARI', transferCategory: TAXONOMY },
    ],
    idPSP: 'BCITITMM',
    pspFiscalCode: '00799960158',
    PSPCompanyName: 'Banca di Prova',
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
}

export const address: { idPA: string; idBrokerPA: string; idStation: string } = { idPA: EC.fiscalCode, idBrokerPA: EC.fiscalCode, idStation: STATION };
