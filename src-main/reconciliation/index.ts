import type { Db } from '../db/openDatabase';
import type { Clock } from '../platform/clock';
import type { PositionRepository } from '../positions/positionRepository';
import { EcProfileRepository } from '../repositories/ecProfileRepository';
import { IbanRepository } from '../repositories/ibanRepository';
import type { AuditService } from '../services/auditService';
import { inlineReader, ThreadedReader, type InlineReads } from './flowReader';
import { ReconciliationRepository } from './reconciliationRepository';
import { ReconciliationService } from './reconciliationService';

/**
 * `lookupThread`: an import's reads (line lookups, status snapshots) run on a worker thread while it
 * writes (a database in memory has no file for a second connection: there they run inline).
 */
export function createReconciliation(deps: { db: Db; clock: Clock; audit: AuditService; positions: PositionRepository; lookupThread: boolean }): ReconciliationService {
  const repository = new ReconciliationRepository(deps.db);
  const inline: InlineReads = { facts: (lines) => repository.factsMany(lines), snapshots: (ids) => deps.positions.statusSnapshots(ids) };
  const threaded = deps.lookupThread && !deps.db.memory;
  return new ReconciliationService(
    deps.db,
    repository,
    deps.positions,
    new IbanRepository(deps.db),
    new EcProfileRepository(deps.db),
    deps.audit,
    deps.clock,
    threaded ? new ThreadedReader(deps.db.name, inline) : inlineReader(inline),
  );
}

export { ReconciliationService, type ReconciliationReport, type HeaderIssue, type LineIssue } from './reconciliationService';
export { settlementFlow, flowIdFromRemittance, type SettlementFlow } from './flowSchema';
export { lineResultMessages, type LineResult } from './lineMatching';
