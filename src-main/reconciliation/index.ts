import type { Db } from '../db/openDatabase';
import type { Clock } from '../platform/clock';
import type { PositionRepository } from '../positions/positionRepository';
import { EcProfileRepository } from '../repositories/ecProfileRepository';
import { IbanRepository } from '../repositories/ibanRepository';
import type { AuditService } from '../services/auditService';
import { ReconciliationRepository } from './reconciliationRepository';
import { ReconciliationService } from './reconciliationService';

export function createReconciliation(deps: { db: Db; clock: Clock; audit: AuditService; positions: PositionRepository }): ReconciliationService {
  return new ReconciliationService(
    deps.db,
    new ReconciliationRepository(deps.db),
    deps.positions,
    new IbanRepository(deps.db),
    new EcProfileRepository(deps.db),
    deps.audit,
    deps.clock,
  );
}

export { ReconciliationService, type ReconciliationReport, type HeaderIssue, type LineIssue } from './reconciliationService';
export { settlementFlow, flowIdFromRemittance, type SettlementFlow } from './flowSchema';
export { lineResultMessages, type LineResult } from './lineMatching';
