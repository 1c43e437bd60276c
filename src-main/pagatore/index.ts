import path from 'node:path';
import type { Db } from '../db/openDatabase';
import { OUTBOX_FOLDER, PickupOutbox } from '../mail/pickupOutbox';
import type { Clock } from '../platform/clock';
import type { PositionsModule } from '../positions';
import type { PrintModule } from '../print/printModule';
import type { EcProfileRepository } from '../repositories/ecProfileRepository';
import type { AuditService } from '../services/auditService';
import { PayerAccountRepository } from './payerAccountRepository';
import { PayerAccountService } from './payerAccountService';
import { PayerAuthService, type PayerSessionStore } from './payerAuthService';
import { PayerHistoryService } from './payerHistoryService';

export interface PagatoreModuleDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  dataDir: string;
  ecProfile: EcProfileRepository;
  positions: PositionsModule;
  print: Pick<PrintModule, 'printDocument'>;
  sessions: PayerSessionStore;
  endStaffSession(windowId: string): void;
  onSignedOutElsewhere(windowIds: readonly string[]): void;
}

export interface PagatoreModule {
  /** payer sessions, one per window, apart from the staff ones */
  sessions: PayerSessionStore;
  accounts: PayerAccountRepository;
  registration: PayerAccountService;
  auth: PayerAuthService;
  history: PayerHistoryService;
  /** the pickup directory activation messages are written to */
  outbox: PickupOutbox;
}

/** The Pagatore workspace: payer accounts, their sessions, their payment history and receipts. */
export function createPagatoreModule(deps: PagatoreModuleDeps): PagatoreModule {
  const accounts = new PayerAccountRepository(deps.db);
  const outbox = new PickupOutbox(path.join(deps.dataDir, OUTBOX_FOLDER));
  return {
    sessions: deps.sessions,
    accounts,
    outbox,
    registration: new PayerAccountService({ db: deps.db, accounts, ecProfile: deps.ecProfile, audit: deps.audit, clock: deps.clock, outbox }),
    auth: new PayerAuthService({
      db: deps.db,
      accounts,
      sessions: deps.sessions,
      audit: deps.audit,
      clock: deps.clock,
      endStaffSession: deps.endStaffSession,
      onSignedOutElsewhere: deps.onSignedOutElsewhere,
    }),
    history: new PayerHistoryService({ receipts: deps.positions.repositories.receipts, positions: deps.positions.positions, print: deps.print }),
  };
}

export { PAYER_ROLE, toPayerSessionUser, type PayerSessionStore } from './payerAuthService';
export { payerActor } from './payerActor';
