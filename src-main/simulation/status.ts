import { POSITION_STATUSES, type PositionStatus } from '../../src-shared/domain/positionStatus';
import type { Core } from '../core/createCore';
import { cached } from '../db/statementCache';
import type { Db } from '../db/openDatabase';
import type { EcRegistration, Station } from '../nodo/nodoClient';

/**
 * Aggregate counts for the status report. Read-only, whole-table aggregates that no screen needs, so
 * they live here rather than in the positions repositories. Each is one index scan (the status index,
 * the receipt table's rowid): about a tenth of a second at a million positions.
 */
export class SimulationStatsRepository {
  constructor(private readonly db: Db) {}

  positionsByStatus(): Record<PositionStatus, number> {
    const counts = Object.fromEntries(POSITION_STATUSES.map((s) => [s, 0])) as Record<PositionStatus, number>;
    const rows = cached<[], { status: PositionStatus; n: number }>(this.db, 'SELECT status, count(*) AS n FROM debt_position GROUP BY status').all();
    for (const r of rows) counts[r.status] = r.n;
    return counts;
  }

  receipts(): { total: number; anomalies: number; amount: number; fees: number } {
    const row = cached<[], { total: number; anomalies: number | null; amount: number | null; fees: number | null }>(
      this.db,
      'SELECT count(*) AS total, sum(anomaly IS NOT NULL) AS anomalies, sum(payment_amount) AS amount, sum(fee) AS fees FROM receipt',
    ).get()!;
    return { total: row.total, anomalies: row.anomalies ?? 0, amount: row.amount ?? 0, fees: row.fees ?? 0 };
  }
}

export interface StatusReport {
  dataDir: string;
  ec: { name: string; fiscalCode: string; segregationCode: string; environment: string } | null;
  positions: { total: number; byStatus: Record<PositionStatus, number> };
  receipts: { total: number; anomalies: number; amount: number; fees: number };
  nodo: { registration: EcRegistration | null; stations: Station[] };
}

/** What the CLI's `status` prints: positions by status, receipts, the EC on the Nodo and its stations. */
export async function collectStatus(core: Core): Promise<StatusReport> {
  const stats = new SimulationStatsRepository(core.db);
  const ec = core.ecProfile.get();
  // statuses that changed with the date are brought up to date first, as any read does
  core.positions.positions.ensureSwept();
  const byStatus = stats.positionsByStatus();
  return {
    dataDir: core.dataDir,
    ec,
    positions: { total: Object.values(byStatus).reduce((s, n) => s + n, 0), byStatus },
    receipts: stats.receipts(),
    nodo: {
      registration: ec ? await core.nodo.getEcRegistration(ec.fiscalCode) : null,
      stations: ec ? await core.nodo.listStations({ ecFiscalCode: ec.fiscalCode }) : [],
    },
  };
}
