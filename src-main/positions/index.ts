import type { Db } from '../db/openDatabase';
import type { Clock } from '../platform/clock';
import { EcProfileRepository } from '../repositories/ecProfileRepository';
import { IbanRepository } from '../repositories/ibanRepository';
import type { AuditService } from '../services/auditService';
import { CatalogueRepository } from './catalogueRepository';
import { CatalogueService } from './catalogueService';
import { EcStation } from './ecStation';
import { PositionRepository } from './positionRepository';
import { PositionService } from './positionService';
import { ReceiptRepository } from './receiptRepository';

export interface PositionsModuleDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  /** station codes through which the EC accepts Nodo requests (stations come with a later feature) */
  acceptedStationIds: () => readonly string[];
}

export interface PositionsModule {
  catalogue: CatalogueService;
  positions: PositionService;
  station: EcStation;
  repositories: {
    positions: PositionRepository;
    catalogue: CatalogueRepository;
    receipts: ReceiptRepository;
  };
}

/** Debt positions, catalogue, receipts and the EC station, wired over one database. */
export function createPositionsModule({ db, clock, audit, acceptedStationIds }: PositionsModuleDeps): PositionsModule {
  const repositories = {
    positions: new PositionRepository(db),
    catalogue: new CatalogueRepository(db),
    receipts: new ReceiptRepository(db),
  };
  const ibans = new IbanRepository(db);
  const ecProfile = new EcProfileRepository(db);
  return {
    catalogue: new CatalogueService(db, repositories.catalogue, ibans, audit, clock),
    positions: new PositionService(db, repositories.positions, repositories.receipts, repositories.catalogue, ibans, ecProfile, audit, clock),
    station: new EcStation({
      db,
      positions: repositories.positions,
      receipts: repositories.receipts,
      ecProfile,
      audit,
      clock,
      acceptedStationIds,
    }),
    repositories,
  };
}

export { EcStation, stationFaultStrings } from './ecStation';
export { CatalogueService } from './catalogueService';
export { PositionService, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, SPONTANEOUS_DUE_DAYS } from './positionService';
export type * from './types';
