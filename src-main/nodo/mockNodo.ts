import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { CtReceiptV2, EcStationPort } from '../../src-shared/sanp/messages';
import { openDatabase, type Db } from '../db/openDatabase';
import { systemClock, type Clock } from '../platform/clock';
import { silentLogger, type Logger } from '../platform/logger';
import { SeededRandom } from '../platform/random';
import type { NodoContext, NodoSettings } from './context';
import { nodoMigrations } from './db/migrations';
import { ReceiptDelivery } from './delivery';
import { NetworkSimulator } from './network';
import {
  MAX_TOKEN_VALIDITY_MS,
  pspOffersQuery,
  type ActivatePaymentNoticeV2Req,
  type ActivatePaymentNoticeV2Res,
  type ApiKeyIdentity,
  type ApiKeyInfo,
  type ApiKeyPair,
  type ApiKeySlot,
  type ApiProduct,
  type DeliveryReport,
  type EcCensimentoInput,
  type EcRegistration,
  type Environment,
  type Flow,
  type FlowSummary,
  type ListFlowsQuery,
  type NodoClient,
  type PaymentInfo,
  type PayWithPspReq,
  type PayWithPspRes,
  type PspInfo,
  type PspOffers,
  type PspOffersQuery,
  type SendPaymentOutcomeV2Req,
  type SendPaymentOutcomeV2Res,
  type Station,
  type StationCreateInput,
  type StationFilters,
  type StationUpdateInput,
  type VerifyPaymentNoticeReq,
  type VerifyPaymentNoticeRes,
} from './nodoClient';
import { NodoOnboarding } from './onboarding';
import { NodoPayments } from './payments';
import { DEFAULT_PSP_CATALOGUE, listOffers } from './pspCatalogue';
import { FlowRepository } from './repositories/flowRepository';
import { OnboardingRepository } from './repositories/onboardingRepository';
import { PaymentRepository } from './repositories/paymentRepository';
import { ScenarioCounter, scenarioNames, selectScenarios, type ScenarioRule } from './scenarios';
import { SettlementService } from './settlementService';
import { parseInput } from './support';
import { WriteBatcher } from '../db/writeBatcher';

export const NODO_DATABASE_FILE_NAME = 'nodo.db';

const scenarioRule = z.object({
  scenario: z.enum(scenarioNames),
  noticeNumber: z.string().optional(),
  noticePrefix: z.string().optional(),
  ecFiscalCode: z.string().optional(),
  stationCode: z.string().optional(),
  times: z.number().int().min(0).optional(),
  latencyMs: z.number().int().min(0).optional(),
});

export const mockNodoConfigSchema = z.object({
  /** default validity of a payment token (an activation may ask for less) */
  tokenValidityMs: z.number().int().min(1).max(MAX_TOKEN_VALIDITY_MS).default(MAX_TOKEN_VALIDITY_MS),
  scenarios: z.array(scenarioRule).default([]),
  /** whether notice numbers with the `999CCT` pattern trigger scenarios */
  noticePatternScenarios: z.boolean().default(true),
  network: z
    .object({
      latencyMs: z.number().int().min(0).default(0),
      jitterMs: z.number().int().min(0).default(0),
      /** actually wait for simulated latency (demos); tests leave it off */
      realDelays: z.boolean().default(false),
      realTimeoutGuard: z.boolean().default(true),
    })
    .prefault({}),
  delivery: z
    .object({
      /** sendPaymentOutcomeV2 waits for the first paSendRTV2 attempt before answering */
      awaitOnOutcome: z.boolean().default(true),
      backoffBaseMs: z.number().int().min(1).default(30_000),
      backoffMaxMs: z.number().int().min(1).default(3_600_000),
      batchSize: z.number().int().min(1).max(10_000).default(200),
    })
    .prefault({}),
});
export type MockNodoConfig = z.input<typeof mockNodoConfigSchema>;

export interface MockNodoOptions {
  /** nodo.db is created here, backups under `<dataDir>/backups/nodo` */
  dataDir?: string;
  /** or an explicit database file */
  file?: string;
  backupDir?: string;
  clock?: Clock;
  /** seeds payment tokens and flow identifiers; ignored when nodo.db already holds a sequence */
  seed?: number;
  logger?: Logger;
  config?: MockNodoConfig;
  /** how simulated latency passes; default none, or real waiting with `network.realDelays` */
  sleep?: (ms: number) => Promise<void> | void;
  /** PSP catalogue; default the built-in fictional one */
  psps?: readonly PspInfo[];
}

const RNG_KEY = 'rng';

/**
 * The Nodo dei Pagamenti and its PSPs, in-process, with its own database (nodo.db). ECs attach their
 * station with `connectStation`; every call to a station goes through a simulated network.
 *
 * Wiring (composition root):
 *   const nodo = new MockNodo({ dataDir, clock, seed, logger });
 *   for (const s of await nodo.listStations({ ecFiscalCode })) nodo.connectStation(s.code, ecStation);
 *   const stop = nodo.startDeliveryTimer(10_000); // receipt retries
 *   ... on shutdown: stop(); await nodo.close();
 */
export class MockNodo implements NodoClient {
  readonly db: Db;
  private readonly writes: WriteBatcher;
  private readonly ctx: NodoContext;
  private readonly onboarding: NodoOnboarding;
  private readonly payments: NodoPayments;
  private readonly delivery: ReceiptDelivery;
  private readonly settlement: SettlementService;
  private readonly network: NetworkSimulator;
  private readonly catalogue: readonly PspInfo[];
  private readonly pending = new Set<Promise<unknown>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private rules: ScenarioRule[];
  private closed = false;

  constructor(options: MockNodoOptions) {
    const config = mockNodoConfigSchema.parse(options.config ?? {});
    const clock = options.clock ?? systemClock;
    const logger = options.logger ?? silentLogger;
    const file = options.file ?? (options.dataDir ? path.join(options.dataDir, NODO_DATABASE_FILE_NAME) : null);
    if (!file) throw new Error('MockNodo: indicare dataDir o file.');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const backupDir = options.backupDir ?? path.join(path.dirname(file), 'backups', 'nodo');
    this.db = openDatabase({ file, backupDir, clock, migrations: nodoMigrations });

    const payments = new PaymentRepository(this.db);
    const saved = payments.getState<number[]>(RNG_KEY);
    // resuming the saved sequence means a restart never hands out a token twice
    const rng = saved ? SeededRandom.fromState(saved) : SeededRandom.fromSeed(options.seed ?? Date.now() % 0x7fffffff);
    const sleep =
      options.sleep ??
      (config.network.realDelays ? (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)) : () => undefined);
    this.network = new NetworkSimulator({
      latencyMs: config.network.latencyMs,
      jitterMs: config.network.jitterMs,
      rng: rng.fork(),
      sleep,
      realTimeoutGuard: config.network.realTimeoutGuard,
      logger,
    });
    this.catalogue = options.psps ?? DEFAULT_PSP_CATALOGUE;
    this.rules = config.scenarios;
    const settings: NodoSettings = {
      tokenValidityMs: config.tokenValidityMs,
      awaitDeliveryOnOutcome: config.delivery.awaitOnOutcome,
      backoffBaseMs: config.delivery.backoffBaseMs,
      backoffMaxMs: config.delivery.backoffMaxMs,
      deliveryBatchSize: config.delivery.batchSize,
    };
    this.writes = new WriteBatcher(this.db);
    this.ctx = {
      db: this.db,
      writes: this.writes,
      clock,
      logger,
      registry: new OnboardingRepository(this.db),
      payments,
      flows: new FlowRepository(this.db),
      network: this.network,
      rng,
      saveRng: () => payments.putState(RNG_KEY, rng.state()),
      psps: new Map(this.catalogue.map((p) => [p.idPSP, p])),
      scenarios: (c) => selectScenarios(c, this.rules, config.noticePatternScenarios),
      counter: new ScenarioCounter(),
      settings,
    };
    this.onboarding = new NodoOnboarding(this.ctx);
    this.delivery = new ReceiptDelivery(this.ctx);
    this.payments = new NodoPayments(this.ctx, this.delivery, (work) => this.background(work));
    this.settlement = new SettlementService(this.ctx);
  }

  // --- mock-only controls

  /** Attaches an EC station; returns a function that detaches it (an outage, or shutdown). */
  connectStation(stationCode: string, port: EcStationPort): () => void {
    return this.network.connect(stationCode, port);
  }

  disconnectStation(stationCode: string): void {
    this.network.disconnect(stationCode);
  }

  /** Replaces the configured scenario rules (the notice patterns stay as configured). */
  setScenarios(rules: readonly ScenarioRule[]): void {
    this.rules = parseInput(z.array(scenarioRule), rules);
  }

  /**
   * Retries due receipts every `intervalMs` (real time) until stopped or closed. A run is skipped
   * while the previous one is still going.
   */
  startDeliveryTimer(intervalMs = 10_000): () => void {
    let running = false;
    const timer = setInterval(() => {
      if (running || this.closed) return;
      running = true;
      this.background(
        this.deliverPendingReceipts()
          .catch((error: unknown) => this.ctx.logger.error('nodo.delivery.timer', { error }))
          .finally(() => {
            running = false;
          }),
      );
    }, intervalMs);
    timer.unref();
    this.timers.add(timer);
    return () => {
      clearInterval(timer);
      this.timers.delete(timer);
    };
  }

  /** Resolves once background work (receipt deliveries not awaited by the outcome) has settled. */
  async whenIdle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** Stops timers, lets running work finish, closes nodo.db. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const t of this.timers) clearInterval(t);
    this.timers.clear();
    await this.whenIdle();
    this.writes.flush();
    if (this.db.open) this.db.close();
  }

  // --- NodoClient: onboarding

  registerEc(censimento: EcCensimentoInput): Promise<EcRegistration> {
    return this.run(() => this.onboarding.registerEc(censimento));
  }

  getEcRegistration(fiscalCode: string): Promise<EcRegistration | null> {
    return this.run(() => this.onboarding.getEcRegistration(fiscalCode));
  }

  setEnvironment(fiscalCode: string, environment: Environment): Promise<EcRegistration> {
    return this.run(() => this.onboarding.setEnvironment(fiscalCode, environment));
  }

  setIbans(ecFiscalCode: string, ibans: readonly string[]): Promise<string[]> {
    return this.run(() => this.onboarding.setIbans(ecFiscalCode, ibans));
  }

  listIbans(ecFiscalCode: string): Promise<string[]> {
    return this.run(() => this.onboarding.listIbans(ecFiscalCode));
  }

  createStation(input: StationCreateInput): Promise<Station> {
    return this.run(() => this.onboarding.verifyStation(this.onboarding.createStation(input)));
  }

  updateStation(code: string, patch: StationUpdateInput): Promise<Station> {
    return this.run(() => {
      this.onboarding.updateStation(code, patch);
      return this.onboarding.verifyStation(code);
    });
  }

  verifyStation(code: string): Promise<Station> {
    return this.run(() => this.onboarding.verifyStation(code));
  }

  setStationEnabled(code: string, enabled: boolean): Promise<Station> {
    return this.run(() => this.onboarding.setStationEnabled(code, enabled));
  }

  getStation(code: string): Promise<Station | null> {
    return this.run(() => this.onboarding.getStation(code));
  }

  listStations(filters?: StationFilters): Promise<Station[]> {
    return this.run(() => this.onboarding.listStations(filters));
  }

  issueApiKeys(ecFiscalCode: string, product: ApiProduct): Promise<ApiKeyPair> {
    return this.run(() => this.onboarding.issueApiKeys(ecFiscalCode, product));
  }

  regenerateApiKey(ecFiscalCode: string, product: ApiProduct, slot: ApiKeySlot): Promise<{ product: ApiProduct; slot: ApiKeySlot; key: string }> {
    return this.run(() => this.onboarding.regenerateApiKey(ecFiscalCode, product, slot));
  }

  listApiKeys(ecFiscalCode: string): Promise<ApiKeyInfo[]> {
    return this.run(() => this.onboarding.listApiKeys(ecFiscalCode));
  }

  authenticate(apiKey: string, product: ApiProduct): Promise<ApiKeyIdentity | null> {
    return this.run(() => this.onboarding.authenticate(apiKey, product));
  }

  // --- NodoClient: payments

  verifyPaymentNotice(req: VerifyPaymentNoticeReq): Promise<VerifyPaymentNoticeRes> {
    return this.run(() => this.payments.verifyPaymentNotice(req));
  }

  activatePaymentNoticeV2(req: ActivatePaymentNoticeV2Req): Promise<ActivatePaymentNoticeV2Res> {
    return this.run(() => this.payments.activatePaymentNoticeV2(req));
  }

  sendPaymentOutcomeV2(req: SendPaymentOutcomeV2Req): Promise<SendPaymentOutcomeV2Res> {
    return this.run(() => this.payments.sendPaymentOutcomeV2(req));
  }

  getPaymentStatus(paymentToken: string): Promise<PaymentInfo | null> {
    return this.run(() => this.payments.getPaymentStatus(paymentToken));
  }

  getReceipt(receiptId: string): Promise<CtReceiptV2 | null> {
    return this.run(() => (typeof receiptId === 'string' ? this.ctx.payments.findReceipt(receiptId) : null));
  }

  // --- NodoClient: PSPs

  listPsps(): Promise<PspInfo[]> {
    return this.run(() => [...this.catalogue]);
  }

  listPspOffers(query: PspOffersQuery): Promise<PspOffers> {
    return this.run(() => listOffers(this.catalogue, parseInput(pspOffersQuery, query)));
  }

  payWithPsp(req: PayWithPspReq): Promise<PayWithPspRes> {
    return this.run(() => this.payments.payWithPsp(req));
  }

  // --- NodoClient: receipts and settlement

  deliverPendingReceipts(): Promise<DeliveryReport> {
    return this.run(() => this.delivery.deliverPending());
  }

  settle(date: string): Promise<FlowSummary[]> {
    return this.run(() => this.settlement.settle(date));
  }

  listFlows(query: ListFlowsQuery): Promise<FlowSummary[]> {
    return this.run(() => this.settlement.listFlows(query));
  }

  getFlow(identificativoFlusso: string): Promise<Flow> {
    return this.run(() => this.settlement.getFlow(identificativoFlusso));
  }

  // ---

  /** Every call runs tracked, so close() waits for it; synchronous errors become rejections. */
  private run<T>(work: () => T | Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('MockNodo: il Nodo simulato è stato chiuso.'));
    let promise: Promise<T>;
    try {
      promise = Promise.resolve(work());
    } catch (error) {
      return Promise.reject(error);
    }
    this.background(promise);
    return promise;
  }

  private background(work: Promise<unknown>): void {
    const tracked = work.then(
      () => undefined,
      () => undefined,
    );
    this.pending.add(tracked);
    void tracked.finally(() => this.pending.delete(tracked));
  }
}
