import fs from 'node:fs';
import path from 'node:path';
import { SessionStore } from '../auth/sessionStore';
import { DATABASE_FILE_NAME, openDatabase, type Db } from '../db/openDatabase';
import type { Clock } from '../platform/clock';
import { systemClock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { consoleLogger } from '../platform/logger';
import { AuditRepository } from '../repositories/auditRepository';
import { EcProfileRepository } from '../repositories/ecProfileRepository';
import { IbanRepository } from '../repositories/ibanRepository';
import { StaffRepository } from '../repositories/staffRepository';
import { AuditService } from '../services/auditService';
import { AuthService } from '../services/authService';
import { IbanService } from '../services/ibanService';
import { SetupService } from '../services/setupService';
import { StaffService } from '../services/staffService';
import { seedDemo } from '../demo/seedDemo';
import { systemActor } from '../services/actor';
import { coreConfigSchema, type CoreConfig } from './config';
import { createHandlers } from '../ipc/handlers';
import { createRouter, type Router } from '../ipc/router';
import { createPositionsModule, type PositionsModule } from '../positions';
import { MockNodo } from '../nodo/mockNodo';
import { createReconciliation, type ReconciliationService } from '../reconciliation';
import type { NodoClient } from '../nodo/nodoClient';
import type { EventName, EventPayload } from '../../src-shared/ipc/events';
import { createVault, KeytarKeyStore, type KeyStore, type Vault } from '../vault';
import { PRINT_FOLDER, PrintModule } from '../print/printModule';
import { DeliveryService } from '../delivery/deliveryService';
import { downloadOnlyDelivery, type DocumentDelivery } from '../delivery/documentDelivery';
import { createOnboardingModule, type OnboardingModule } from '../onboarding';
import { createPagatoreModule, type PAYER_ROLE, type PagatoreModule } from '../pagatore';

/** How the core reaches a window: each host implements it (webContents.send, SSE stream). */
export type EventSink = <E extends EventName>(windowId: string, event: E, payload: EventPayload<E>) => void;

export interface CoreDeps {
  clock?: Clock;
  logger?: Logger;
  version?: string;
  /**
   * Where the vault's data key lives: the Electron host passes its safeStorage store; by default
   * the OS keychain through keytar (web host, CLI). Tests pass a key store of their own.
   */
  keyStore?: KeyStore;
  /**
   * What the host can do with a produced PDF (save, open, print): the Electron host passes its own;
   * by default only the download the renderer does by itself (web host, CLI).
   */
  delivery?: DocumentDelivery;
}

/** The simulated Nodo as the core holds it: the client interface plus the mock's own controls. */
export type NodoSimulator = NodoClient & Pick<MockNodo, 'connectStation' | 'startDeliveryTimer' | 'whenIdle' | 'close' | 'setScenarios'>;

export interface Core {
  db: Db;
  dataDir: string;
  version: string;
  clock: Clock;
  logger: Logger;
  sessions: SessionStore;
  ecProfile: EcProfileRepository;
  staffRepository: StaffRepository;
  services: {
    audit: AuditService;
    auth: AuthService;
    setup: SetupService;
    staff: StaffService;
    iban: IbanService;
  };
  /** debt positions, catalogue, receipts and the EC's station */
  positions: PositionsModule;
  /** the mock Nodo dei Pagamenti with its PSPs (own database, nodo.db) */
  nodo: NodoSimulator;
  /** secrets (API keys, station passwords), AES-256-GCM under a data key in the OS keychain */
  vault: Vault;
  /** settlement flows (FdR) matched to receipts */
  reconciliation: ReconciliationService;
  /** notice settings, notices and receipts as PDF, batch print jobs in a worker thread */
  print: PrintModule;
  /** saving, opening and printing the print module's PDFs through the host */
  delivery: DeliveryService;
  /** re-reads the EC's stations from the Nodo and connects the EC station to each */
  refreshStations(): Promise<readonly string[]>;
  /**
   * Back Office onboarding: registration on the Nodo, API keys, the IBAN list on the Nodo, vault
   * recovery, audit export, stations, the test plan (collaudo) and the switch to esercizio
   */
  onboarding: OnboardingModule;
  /** the Pagatore workspace: payer accounts and sessions, payment history, receipts from it */
  pagatore: PagatoreModule;
  router: Router;
  /** hosts attach their event transport here */
  setEventSink(sink: EventSink): void;
  /** ends idle sessions and tells their windows; hosts call it on a timer */
  sweepIdleSessions(): void;
  /** a window closed: whatever session it had (staff or payer) ends */
  endWindow(windowId: string): void;
  /** stops timers, lets the Nodo finish its deliveries, closes the databases */
  close(): Promise<void>;
}

/** The composition root: one place builds the whole core from a config. */
export async function createCore(config: CoreConfig, deps: CoreDeps = {}): Promise<Core> {
  const cfg = coreConfigSchema.parse(config);
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger ?? consoleLogger();
  fs.mkdirSync(cfg.dataDir, { recursive: true });

  const db = openDatabase({
    file: path.join(cfg.dataDir, DATABASE_FILE_NAME),
    backupDir: path.join(cfg.dataDir, 'backups'),
    clock,
  });

  let sink: EventSink = () => {};
  const emit: EventSink = (windowId, event, payload) => sink(windowId, event, payload);

  const sessions = new SessionStore(clock, cfg.idleTimeoutMinutes * 60_000);
  const ecProfile = new EcProfileRepository(db);
  const staffRepository = new StaffRepository(db);
  const audit = new AuditService(new AuditRepository(db), clock);
  const services = {
    audit,
    auth: new AuthService(db, staffRepository, sessions, audit, clock),
    setup: new SetupService(db, ecProfile, staffRepository, sessions, audit, clock),
    staff: new StaffService(db, staffRepository, sessions, audit, clock, (windows) => {
      for (const w of windows) emit(w, 'session.expired', { reason: 'signedOutElsewhere' });
    }),
    iban: new IbanService(db, new IbanRepository(db), audit, clock),
  };

  // the EC accepts Nodo requests only through its own stations, as registered on the Nodo
  let stationIds: readonly string[] = [];
  const positions = createPositionsModule({ db, clock, audit, acceptedStationIds: () => stationIds });
  let nodo: MockNodo;
  try {
    nodo = new MockNodo({ dataDir: cfg.dataDir, clock, seed: cfg.nodoSeed, logger });
  } catch (error) {
    db.close();
    throw error;
  }
  let vault: Vault;
  try {
    vault = createVault({ dataDir: cfg.dataDir, keyStore: deps.keyStore ?? new KeytarKeyStore({ dataDir: cfg.dataDir }), clock, logger });
  } catch (error) {
    await nodo.close();
    db.close();
    throw error;
  }
  const connected = new Set<string>();
  async function refreshStations(): Promise<readonly string[]> {
    const ec = ecProfile.get();
    if (!ec) return (stationIds = []);
    const stations = await nodo.listStations({ ecFiscalCode: ec.fiscalCode });
    for (const station of stations) {
      if (connected.has(station.code)) continue;
      nodo.connectStation(station.code, positions.station);
      connected.add(station.code);
    }
    stationIds = stations.map((s) => s.code);
    return stationIds;
  }
  const stopDeliveries = nodo.startDeliveryTimer(10_000);
  const print = new PrintModule({
    db,
    clock,
    audit,
    positions,
    outputDir: path.join(cfg.dataDir, PRINT_FOLDER),
    onProgress: (windowId, status) => emit(windowId, 'print.progress', status),
  });

  const delivery = new DeliveryService({ host: deps.delivery ?? downloadOnlyDelivery, print, audit });
  const onboarding = createOnboardingModule({ db, clock, logger, audit, ecProfile, iban: services.iban, positions, nodo, vault, refreshStations });

  const pagatore = createPagatoreModule({
    db,
    clock,
    audit,
    dataDir: cfg.dataDir,
    ecProfile,
    positions,
    print,
    sessions: new SessionStore<typeof PAYER_ROLE>(clock, cfg.payerIdleTimeoutMinutes * 60_000),
    endStaffSession: (windowId) => sessions.end(windowId),
    onSignedOutElsewhere: (windows) => {
      for (const w of windows) emit(w, 'session.expired', { reason: 'signedOutElsewhere' });
    },
  });

  const router = createRouter({
    handlers: createHandlers({ services, sessions, ecProfile, positions, print, delivery, version: deps.version ?? '0.1.0', onboarding, pagatore }),
    sessions,
    staff: staffRepository,
    payerSessions: pagatore.sessions,
    payerAccounts: pagatore.accounts,
    logger,
    onSessionExpired: (windowId) => emit(windowId, 'session.expired', { reason: 'idle' }),
  });

  const reconciliation = createReconciliation({ db, clock, audit, positions: positions.repositories.positions, lookupThread: cfg.lookupThread });
  const core: Core = {
    db,
    dataDir: cfg.dataDir,
    version: deps.version ?? '0.1.0',
    clock,
    logger,
    sessions,
    ecProfile,
    staffRepository,
    services,
    positions,
    nodo,
    vault,
    reconciliation,
    print,
    delivery,
    refreshStations,
    onboarding,
    pagatore,
    router,
    setEventSink(next) {
      sink = next;
    },
    sweepIdleSessions() {
      for (const windowId of [...sessions.sweepIdle(), ...pagatore.sessions.sweepIdle()]) emit(windowId, 'session.expired', { reason: 'idle' });
    },
    endWindow(windowId) {
      sessions.end(windowId);
      pagatore.sessions.end(windowId);
      print.documents.forgetWindow(windowId);
    },
    async close() {
      stopDeliveries();
      await print.close();
      await reconciliation.close();
      await nodo.close();
      // receipts the Nodo delivered in its last turn are committed before the database closes
      positions.station.flushWrites();
      vault.close();
      if (db.open) db.close();
    },
  };
  try {
    services.iban.applyDueDeletions();
    if (cfg.demo && !services.setup.isDone()) await seedDemo(core, { payer: cfg.demoPayer !== false });
    await refreshStations();
    // deletions applied above (or while the app was closed) must reach the Nodo's IBAN list too
    await onboarding.ibanSync.pushAfterChange(systemActor, null);
  } catch (error) {
    await core.close();
    throw error;
  }
  return core;
}
