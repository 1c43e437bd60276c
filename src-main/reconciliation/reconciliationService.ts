import { formatEuro } from '../../src-shared/domain/amount';
import { formatIban } from '../../src-shared/domain/iban';
import { positionStatusFor } from '../../src-shared/domain/positionStatus';
import { AppError } from '../../src-shared/errors';
import type { Db } from '../db/openDatabase';
import { zodFieldErrors } from '../ipc/router';
import type { NodoClient } from '../nodo/nodoClient';
import type { Clock } from '../platform/clock';
import { nowIso, today } from '../platform/clock';
import type { PositionRepository, StatusSnapshot } from '../positions/positionRepository';
import type { EcProfileRepository } from '../repositories/ecProfileRepository';
import type { IbanRepository } from '../repositories/ibanRepository';
import type { Actor } from '../services/actor';
import type { AuditService } from '../services/auditService';
import { flowIdFromRemittance, settlementFlow, type SettlementFlow } from './flowSchema';
import type { FlowReader } from './flowReader';
import { lineResultMessages, matchLine, type LineResult } from './lineMatching';
import type { NewIssueLine, ReconciliationRepository, StoredFlow, StoredLine, StoredLineIssue } from './reconciliationRepository';

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
/** lines per set-wise lookup and insert: large enough to amortise a statement, small enough for its JSON */
const LINE_CHUNK = 2_000;

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
    private readonly reader: FlowReader,
  ) {}

  /** Resolves once flow lines are looked up on the worker thread (false: on this one). */
  whenLookupsReady(): Promise<boolean> {
    return this.reader.whenReady();
  }

  /** How long the worker took to checkpoint after the last import (null: no worker, or it failed). */
  lastCheckpoint(): Promise<number | null> {
    return this.reader.lastCheckpoint();
  }

  close(): Promise<void> {
    return this.reader.close();
  }

  /** Imports one flow (from the Nodo or a file). Importing the same revision again changes nothing. */
  importFlow(actor: Actor, raw: unknown): ReconciliationReport {
    const parsed = settlementFlow.safeParse(raw);
    if (!parsed.success) throw new AppError('IPC_INVALID_INPUT', { fieldErrors: zodFieldErrors(parsed.error) });
    const flow = parsed.data;
    const ec = this.ecProfile.get();
    if (!ec) throw new AppError('SETUP_REQUIRED');
    if (flow.receiverFiscalCode !== ec.fiscalCode) throw new AppError('RECON_WRONG_RECEIVER');

    return this.reader.committing(this.db, this.db.transaction(() => {
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
        lines: flow.lines,
        importedAt: nowIso(this.clock),
        importedBy: actor.name,
      });

      const seen = new Set<string>();
      let matchedLines = 0;
      let matchedAmount = 0;
      let positionsReported = 0;
      // chunks of lines, each looked up, stored and marked in a few set-wise statements: a flow of
      // 100,000 lines would otherwise cost a few hundred thousand round trips to SQLite
      const chunks: Array<SettlementFlow['lines']> = [];
      for (let start = 0; start < flow.lines.length; start += LINE_CHUNK) chunks.push(flow.lines.slice(start, start + LINE_CHUNK));
      const reads = this.reader.open(chunks);
      for (const [k, chunk] of chunks.entries()) {
        const start = k * LINE_CHUNK;
        const facts = reads.facts(k);
        // positions whose paying receipts these lines reported: each may now be wholly reported
        const settled = new Set<number>();
        const issues: NewIssueLine[] = [];
        const reported: Array<{ receiptRow: number; transferIndex: number }> = [];
        chunk.forEach((line, j) => {
          const key = `${line.iuv}\u0000${line.iur}\u0000${line.transferIndex}`;
          const seenBefore = seen.has(key);
          seen.add(key);
          const lineFacts = facts[j]!;
          const result = matchLine(line, lineFacts, { ecFiscalCode: ec.fiscalCode, flowIban: flow.iban, flowId: flow.identificativoFlusso, seenBefore });
          const receiptRow = lineFacts.receipt?.row ?? null;
          if (result !== 'MATCHED') {
            issues.push({ lineNo: start + j + 1, ...line, result, receiptRow, expectedAmount: lineFacts.receipt?.transfer?.amount ?? null });
          } else if (receiptRow !== null && lineFacts.settlement !== null) {
            reported.push({ receiptRow, transferIndex: line.transferIndex });
            if (lineFacts.settlement.settles) settled.add(lineFacts.settlement.positionId);
            matchedLines++;
            matchedAmount += line.amount;
          }
        });
        this.repository.insertIssueLines(flowRow, issues);
        this.repository.markReportedMany(flowRow, reported);
        // in rowid order: the table's pages are then visited once each, front to back
        reads.stored(k, reported, [...settled].sort((a, b) => a - b));
        // a position is decided once its lines so far are stored (a chunk behind, so that its
        // snapshots are read while this chunk is matched); a later chunk naming it again decides again
        if (k > 0) positionsReported += this.markReported(reads.snapshots(k - 1));
      }
      if (chunks.length > 0) positionsReported += this.markReported(reads.snapshots(chunks.length - 1));

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
    }));
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

  /** A page of an imported flow's lines, as received and in flow order, each with its result. */
  flowLines(flowRow: number, page: { offset: number; limit: number }): StoredLine[] {
    return this.repository.lines(flowRow, page.offset, page.limit);
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

  /**
   * PAID positions whose options are now all reported become REPORTED. An option is reported once
   * every transfer its receipt credits to the EC is (payment_option_now, migration 0009): the
   * snapshots see the transfers this flow reported so far. The status rule stays in one place
   * (positionStatusFor); only the reads and writes are batched.
   */
  private markReported(snapshots: readonly StatusSnapshot[]): number {
    const day = today(this.clock);
    const next = snapshots.filter((p) => p.status === 'PAID' && positionStatusFor(p, day) === 'REPORTED');
    return this.positions.setStatusMany(next, 'REPORTED', nowIso(this.clock));
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
