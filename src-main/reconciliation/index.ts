import type { Db } from '../db/openDatabase';
import type { Clock } from '../platform/clock';
import type { PositionRepository } from '../positions/positionRepository';
import { EcProfileRepository } from '../repositories/ecProfileRepository';
import { IbanRepository } from '../repositories/ibanRepository';
import type { AuditService } from '../services/auditService';
import type { LookupLine } from './lineLookup';
import { inlineLookups, ThreadedLookups } from './lineLookupSource';
import { ReconciliationRepository } from './reconciliationRepository';
import { ReconciliationService } from './reconciliationService';

/**
 * `lookupThread`: flow lines are looked up on a worker thread while the import writes (a database
 * in memory has no file for a second connection: there they are looked up inline).
 */
export function createReconciliation(deps: { db: Db; clock: Clock; audit: AuditService; positions: PositionRepository; lookupThread: boolean }): ReconciliationService {
  const repository = new ReconciliationRepository(deps.db);
  const inline = (lines: readonly LookupLine[]) => repository.factsMany(lines);
  const threaded = deps.lookupThread && !deps.db.memory;
  return new ReconciliationService(
    deps.db,
    repository,
    deps.positions,
    new IbanRepository(deps.db),
    new EcProfileRepository(deps.db),
    deps.audit,
    deps.clock,
    threaded ? new ThreadedLookups(deps.db.name, inline) : inlineLookups(inline),
  );
}

export { ReconciliationService, type ReconciliationReport, type HeaderIssue, type LineIssue } from './reconciliationService';
export { settlementFlow, flowIdFromRemittance, type SettlementFlow } from './flowSchema';
export { lineResultMessages, type LineResult } from './lineMatching';
