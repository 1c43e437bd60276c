import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateNoticeNumber } from '../../../../src-shared/domain/noticeNumber';
import { MockNodo, type MockNodoConfig } from '../../../../src-main/nodo/mockNodo';
import { DEFAULT_PSP_CATALOGUE } from '../../../../src-main/nodo/pspCatalogue';
import type { ActivatePaymentNoticeV2Ok, PaymentMethod } from '../../../../src-main/nodo/nodoClient';
import { ManualClock } from '../../../../src-main/platform/clock';
import { FakeEcStation } from './fakeEcStation';

export const EC = '80215430580';
export const SECONDARY_EC = '00743110157';
export const IBAN = 'IT60X0542811101000000123456';
export const SECONDARY_IBAN = 'IT57N0760114800000011050036';
export const SEG = '01';
const psp = DEFAULT_PSP_CATALOGUE[0]!;
export const PSP_ID = psp.idPSP;
export const PSP_CHANNEL = psp.idChannel;
export const START = '2026-11-22T09:00:00.000Z';

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-nodo-'));
}

/** Notice n of the test EC (aux digit 3, segregation code 01, correct check digits). */
export function notice(n: number): string {
  return generateNoticeNumber(SEG, String(n).padStart(13, '0'));
}

export interface Harness {
  nodo: MockNodo;
  clock: ManualClock;
  dir: string;
  ec: FakeEcStation;
  secondary: FakeEcStation;
  stationCode: string;
  /** closes and opens nodo.db again with the same options (a restart); stations reconnect */
  restart(options?: { connect?: boolean }): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  seed?: number;
  config?: MockNodoConfig;
  dir?: string;
  /** register both ECs and bring their stations to 'Attiva' (default true) */
  onboard?: boolean;
  sleep?: (ms: number) => Promise<void> | void;
}

export const censimento = {
  fiscalCode: EC,
  name: 'Comune di Prova',
  address: 'Piazza del Municipio 1',
  city: 'Roma',
  province: 'RM',
  postalCode: '00100',
  connection: 'direct' as const,
};

export const stationInput = {
  brokerFiscalCode: EC,
  ecFiscalCode: EC,
  connection: { protocol: 'https' as const, host: 'pagopa.comune-prova.example', port: 443, path: '/nodo/sanp' },
  primitiveVersion: 2 as const,
  password: 'Stazione2026!',
  segregationCode: SEG,
};

export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dir = options.dir ?? tempDir();
  const clock = new ManualClock(START);
  const open = (): MockNodo =>
    new MockNodo({ dataDir: dir, clock, seed: options.seed ?? 42, ...(options.config ? { config: options.config } : {}), ...(options.sleep ? { sleep: options.sleep } : {}) });
  const ec = new FakeEcStation(EC, 'Comune di Prova');
  const secondary = new FakeEcStation(SECONDARY_EC, 'Provincia di Prova');
  const h: Harness = {
    nodo: open(),
    clock,
    dir,
    ec,
    secondary,
    stationCode: `${EC}_01`,
    async restart(restartOptions = {}) {
      await h.nodo.close();
      h.nodo = open();
      if (restartOptions.connect ?? true) connect();
    },
    close: () => h.nodo.close(),
  };
  const connect = (): void => {
    h.nodo.connectStation(`${EC}_01`, ec);
    h.nodo.connectStation(`${SECONDARY_EC}_01`, secondary);
  };
  if (options.onboard ?? true) {
    await h.nodo.registerEc(censimento);
    await h.nodo.registerEc({ ...censimento, fiscalCode: SECONDARY_EC, name: 'Provincia di Prova' });
    await h.nodo.issueApiKeys(EC, 'nodauth');
    connect();
    const st = await h.nodo.createStation(stationInput);
    const st2 = await h.nodo.createStation({ ...stationInput, brokerFiscalCode: SECONDARY_EC, ecFiscalCode: SECONDARY_EC, segregationCode: '02', broadcast: true });
    if (st.state !== 'Attiva' || st2.state !== 'Attiva') throw new Error(`stazioni non attive: ${st.stateReason} ${st2.stateReason}`);
  }
  return h;
}

/** A PSP's whole payment: verify, activate, then the simulated PSP authorises and closes it. */
export async function payNotice(h: Harness, noticeNumber: string, amount: number, method: PaymentMethod = 'carta') {
  const qrCode = { fiscalCode: EC, noticeNumber };
  const verify = await h.nodo.verifyPaymentNotice({ idPSP: PSP_ID, idChannel: PSP_CHANNEL, qrCode });
  if (verify.outcome !== 'OK') return { step: 'verify' as const, verify };
  const activation = await h.nodo.activatePaymentNoticeV2({ idPSP: PSP_ID, idChannel: PSP_CHANNEL, qrCode, amount, paymentMethod: method, touchPoint: 'CHECKOUT' });
  if (activation.outcome !== 'OK') return { step: 'activate' as const, activation };
  const payment = await h.nodo.payWithPsp({ idPSP: PSP_ID, paymentToken: activation.paymentToken });
  return { step: 'pay' as const, activation: activation as ActivatePaymentNoticeV2Ok, payment };
}

export function activateReq(noticeNumber: string, amount: number, extra: Record<string, unknown> = {}) {
  return {
    idPSP: PSP_ID,
    idChannel: PSP_CHANNEL,
    qrCode: { fiscalCode: EC, noticeNumber },
    amount,
    paymentMethod: 'carta' as const,
    touchPoint: 'CHECKOUT' as const,
    ...extra,
  };
}

export function outcomeReq(paymentToken: string, outcome: 'OK' | 'KO' = 'OK') {
  return {
    idPSP: PSP_ID,
    paymentTokens: [paymentToken],
    outcome,
    details: { paymentMethod: 'carta' as const, fee: 100, applicationDate: '2026-11-22', transferDate: '2026-11-22' },
  };
}
