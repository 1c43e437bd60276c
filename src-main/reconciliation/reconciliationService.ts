import { formatEuro } from '../../src-shared/domain/amount';
import { formatIban } from '../../src-shared/domain/iban';
import { positionStatusFor } from '../../src-shared/domain/positionStatus';
import { AppError } from '../../src-shared/errors';
import type { Db } from '../db/openDatabase';
import { zodFieldErrors } from '../ipc/router';
import type { NodoClient } from '../nodo/nodoClient';
import type { Clock } from '../platform/clock';
import { nowIso, today } from '../platform/clock';
import type { PositionRepository } from '../positions/positionRepository';
import type { EcProfileRepository } from '../repositories/ecProfileRepository';
import type { IbanRepository } from '../repositories/ibanRepository';
import type { Actor } from '../services/actor';
import type { AuditService } from '../services/auditService';
import { flowIdFromRemittance, settlementFlow, type SettlementFlow } from './flowSchema';
import { lineResultMessages, matchLine, type LineResult } from './lineMatching';
import type { ReconciliationRepository, StoredFlow, StoredLineIssue } from './reconciliationRepository';

export interface HeaderIssue {
  code: 'COUNT_MISMATCH' | 'TOTAL_MISMATCH' | 'BANK_TRANSFER_REFERENCE' | 'BANK_TRANSFER_AMOUNT' | 'BANK_TRANSFER_IBAN' | 'IBAN_NOT_REGISTERED';
  message: string;
}

export interface LineIssue extends StoredLineIssue {
  message: string;
}

export interface ReconciliationReport {
  flow: StoredFlow;
  /** the same flow revision had been imported before: nothing was changed */
  alreadyImported: boolean;
  /** lines that did not match, in flow order (the first `MAX_REPORTED_ISSUES`) */
  lineIssues: LineIssue[];
  issueCounts: Partial<Record<Exclude<LineResult, 'MATCHED'>, number>>;
}

const MAX_REPORTED_ISSUES = 1000;

/**
 * Reconciliation of settlement flows (FdR): check the flow against its bank transfer, match every
 * line (IUV, IUR, transfer index) to a stored receipt, mark what is fully reported, and list what
 * does not match. One flow is imported in one transaction: all of it or nothing.
 */
export class ReconciliationService {
  constructor(
    private readonly db: Db,
    private readonly repository: ReconciliationRepository,
    private readonly positions: PositionRepository,
    private readonly ibans: IbanRepository,
    private readonly ecProfile: EcProfileRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Imports one flow (from the Nodo or a file). Importing the same revision again changes nothing. */
  importFlow(actor: Actor, raw: unknown): ReconciliationReport {
    const parsed = settlementFlow.safeParse(raw);
    if (!parsed.success) throw new AppError('IPC_INVALID_INPUT', { fieldErrors: zodFieldErrors(parsed.error) });
    const flow = parsed.data;
    const ec = this.ecProfile.get();
    if (!ec) throw new AppError('SETUP_REQUIRED');
    if (flow.receiverFiscalCode !== ec.fiscalCode) throw new AppError('RECON_WRONG_RECEIVER');

    return this.db.transaction(() => {
      const existing = this.repository.findFlow(flow.identificativoFlusso, flow.revision);
      if (existing) return this.report(existing, true);
      const latest = this.repository.latestRevision(flow.identificativoFlusso);
      if (latest !== null && latest > flow.revision) throw new AppError('RECON_STALE_REVISION');

      const headerIssues = this.headerIssues(flow);
      const flowRow = this.repository.insertFlow({
        flowId: flow.identificativoFlusso,
        revision: flow.revision,
        flowDateTime: flow.dataOraFlusso,
        settlementDate: flow.dataRegolamento,
        settlementReference: flow.identificativoUnivocoRegolamento,
        pspId: flow.idPSP,
        pspName: flow.pspName,
        receiverFiscalCode: flow.receiverFiscalCode,
        iban: flow.iban,
        declaredPayments: flow.totalPayments,
        declaredAmount: flow.totalAmount,
        bankTransfer: flow.bankTransfer ?? null,
        importedAt: nowIso(this.clock),
        importedBy: actor.name,
      });

      const seen = new Set<string>();
      const matchedReceipts = new Set<number>();
      let matchedLines = 0;
      let matchedAmount = 0;
      flow.lines.forEach((line, i) => {
        const key = `${line.iuv}\u0000${line.iur}\u0000${line.transferIndex}`;
        const seenBefore = seen.has(key);
        seen.add(key);
        const facts = this.repository.facts(line.iur, line.transferIndex, line.iuv);
        const result = matchLine(line, facts, { ecFiscalCode: ec.fiscalCode, flowIban: flow.iban, flowId: flow.identificativoFlusso, seenBefore });
        const receiptRow = facts.receipt?.row ?? null;
        this.repository.insertLine(flowRow, {
          lineNo: i + 1,
          ...line,
          result,
          receiptRow,
          expectedAmount: facts.receipt?.transfer?.amount ?? null,
        });
        if (result === 'MATCHED' && receiptRow !== null) {
          this.repository.markReported(receiptRow, line.transferIndex, flowRow);
          matchedReceipts.add(receiptRow);
          matchedLines++;
          matchedAmount += line.amount;
        }
      });

      const positionsReported = this.markReported(matchedReceipts, ec.fiscalCode);
      this.repository.finishFlow(flowRow, { lineCount: flow.lines.length, matchedLines, matchedAmount, headerIssues, positionsReported });
      const stored = this.repository.findFlow(flow.identificativoFlusso, flow.revision)!;
      const report = this.report(stored, false);
      // one entry per flow: the lines and reported transfers it caused are kept with it, row by row
      this.audit.record(actor, 'reconciliation.flowImported', 'settlementFlow', flowRow, {
        flowId: stored.flowId,
        revision: stored.revision,
        psp: stored.pspName,
        lines: stored.lineCount,
        matchedLines,
        matchedAmount,
        positionsReported,
        issueCounts: report.issueCounts,
        headerIssues: headerIssues.map((h) => h.code),
      });
      return report;
    })();
  }

  /** Fetches from the Nodo the flows addressed to the EC in a period and imports the new ones. */
  async reconcileFromNodo(actor: Actor, nodo: Pick<NodoClient, 'listFlows' | 'getFlow'>, period: { from?: string; to?: string } = {}): Promise<ReconciliationReport[]> {
    const ec = this.ecProfile.get();
    if (!ec) throw new AppError('SETUP_REQUIRED');
    const summaries = await nodo.listFlows({ ecFiscalCode: ec.fiscalCode, ...period });
    const reports: ReconciliationReport[] = [];
    for (const summary of summaries) {
      const stored = this.repository.findFlow(summary.identificativoFlusso, summary.revision);
      if (stored) {
        reports.push(this.report(stored, true));
        continue;
      }
      reports.push(this.importFlow(actor, await nodo.getFlow(summary.identificativoFlusso)));
    }
    return reports;
  }

  listFlows(limit = 100): StoredFlow[] {
    return this.repository.listFlows(limit);
  }

  private headerIssues(flow: SettlementFlow): HeaderIssue[] {
    const issues: HeaderIssue[] = [];
    const linesTotal = flow.lines.reduce((sum, l) => sum + l.amount, 0);
    if (flow.totalPayments !== flow.lines.length) {
      issues.push({ code: 'COUNT_MISMATCH', message: `Il flusso dichiara ${flow.totalPayments} pagamenti ma ne elenca ${flow.lines.length}.` });
    }
    if (flow.totalAmount !== linesTotal) {
      issues.push({
        code: 'TOTAL_MISMATCH',
        message: `Il flusso dichiara un totale di ${formatEuro(flow.totalAmount)} ma le sue righe sommano ${formatEuro(linesTotal)}.`,
      });
    }
    if (flow.bankTransfer) {
      const referenced = flowIdFromRemittance(flow.bankTransfer.remittanceInformation);
      if (referenced !== flow.identificativoFlusso) {
        issues.push({
          code: 'BANK_TRANSFER_REFERENCE',
          message: `La causale del bonifico («${flow.bankTransfer.remittanceInformation}») non richiama il flusso ${flow.identificativoFlusso}.`,
        });
      }
      if (flow.bankTransfer.amount !== flow.totalAmount) {
        issues.push({
          code: 'BANK_TRANSFER_AMOUNT',
          message: `Il bonifico di ${formatEuro(flow.bankTransfer.amount)} non corrisponde al totale del flusso (${formatEuro(flow.totalAmount)}).`,
        });
      }
      if (flow.bankTransfer.iban !== flow.iban) {
        issues.push({ code: 'BANK_TRANSFER_IBAN', message: `Il bonifico accredita ${formatIban(flow.bankTransfer.iban)}, non l’IBAN del flusso.` });
      }
    }
    if (!this.ibans.findLiveByCode(flow.iban)) {
      issues.push({ code: 'IBAN_NOT_REGISTERED', message: `L’IBAN ${formatIban(flow.iban)} del flusso non è nell’elenco IBAN dell’Ente.` });
    }
    return issues;
  }

  /** Options whose every EC transfer is now reported become 'reported'; PAID positions then REPORTED. */
  private markReported(receiptRows: ReadonlySet<number>, ecFiscalCode: string): number {
    const touchedPositions = new Set<number>();
    for (const receiptRow of receiptRows) {
      const settled = this.repository.optionSettledBy(receiptRow);
      if (!settled || !this.repository.allTransfersReported(settled.optionId, receiptRow, ecFiscalCode)) continue;
      this.repository.markOptionReported(settled.optionId);
      touchedPositions.add(settled.positionId);
    }
    const day = today(this.clock);
    const at = nowIso(this.clock);
    let reported = 0;
    for (const positionId of touchedPositions) {
      const position = this.positions.findById(positionId);
      if (!position || position.status !== 'PAID') continue;
      const next = positionStatusFor({ ...position, options: this.positions.options(positionId) }, day);
      if (next === 'REPORTED' && this.positions.setStatus(positionId, position.version, 'REPORTED', at)) reported++;
    }
    return reported;
  }

  private report(flow: StoredFlow, alreadyImported: boolean): ReconciliationReport {
    const issueCounts: ReconciliationReport['issueCounts'] = {};
    for (const { result, n } of this.repository.issueCounts(flow.id)) issueCounts[result] = n;
    const lineIssues = this.repository
      .lineIssues(flow.id, MAX_REPORTED_ISSUES)
      .map((issue) => ({ ...issue, message: lineResultMessages[issue.result] }));
    return { flow, alreadyImported, lineIssues, issueCounts };
  }
}
