import { isIsoDate } from '../../src-shared/domain/date';
import { AppError } from '../../src-shared/errors';
import type { NodoContext } from './context';
import { listFlowsQuery, type Flow, type FlowSummary } from './nodoClient';
import type { FlowRecord } from './repositories/flowRepository';
import { flowIdentifier, groupIntoFlows, remittanceForFlow } from './settlement';
import { invalidField, parseInput } from './support';

function summary(f: FlowRecord): FlowSummary {
  return {
    identificativoFlusso: f.identificativoFlusso,
    dataOraFlusso: f.dataOraFlusso,
    dataRegolamento: f.dataRegolamento,
    idPSP: f.idPSP,
    pspName: f.pspName,
    receiverFiscalCode: f.receiverFiscalCode,
    iban: f.iban,
    totalPayments: f.totalPayments,
    totalAmount: f.totalAmount,
    revision: f.revision,
  };
}

/** The PSPs' side of settlement: flows (FdR) from the receipts, and the FdR-like read API. */
export class SettlementService {
  constructor(private readonly ctx: NodoContext) {}

  /**
   * Settles every transfer paid up to `date` (Italian calendar day) not yet in a flow: one flow per
   * PSP, receiving EC and credited IBAN, dated `date`. Running it again adds only what is new.
   */
  settle(date: string): FlowSummary[] {
    if (typeof date !== 'string' || !isIsoDate(date)) throw invalidField('date', 'Data non valida (formato atteso AAAA-MM-GG).');
    const { db, flows, registry, rng, psps } = this.ctx;
    const flowDateTime = this.ctx.clock.now().toISOString();
    return db.transaction(() => {
      const drafts = groupIntoFlows(flows.unsettled(date));
      const created: FlowSummary[] = [];
      for (const d of drafts) {
        const psp = psps.get(d.idPSP);
        // the free part is as long as the 35-character limit allows, up to 10
        const freeLength = Math.max(1, Math.min(10, 35 - 10 - d.idPSP.length - 2));
        let id = flowIdentifier(date, d.idPSP, `S${rng.digits(freeLength)}`);
        while (flows.flowExists(id)) id = flowIdentifier(date, d.idPSP, `S${rng.digits(freeLength)}`);
        let regulationId = `RIV${date.replaceAll('-', '')}${rng.digits(12)}`;
        while (flows.regulationIdExists(regulationId)) regulationId = `RIV${date.replaceAll('-', '')}${rng.digits(12)}`;
        const lines = d.transfers.map((t) => ({
          iuv: t.iuv,
          iur: t.receiptId,
          transferIndex: t.transferIndex,
          amount: t.amount,
          outcomeCode: t.outcomeCode,
          outcomeDate: t.paymentDay,
          receiptId: t.receiptId,
        }));
        flows.insertFlow(
          {
            id,
            idPSP: d.idPSP,
            pspName: psp?.name ?? d.idPSP,
            idBrokerPSP: psp?.idBrokerPSP ?? d.idPSP,
            receiverFiscalCode: d.receiverFiscalCode,
            receiverName: registry.findEc(d.receiverFiscalCode)?.name ?? d.receiverFiscalCode,
            iban: d.iban,
            settlementDate: date,
            flowDateTime,
            regulationId,
            regulationDate: date,
            totalPayments: lines.length,
            totalAmount: d.totalAmount,
          },
          lines,
        );
        created.push(summary(flows.findFlow(id)!));
      }
      if (drafts.length > 0) this.ctx.saveRng();
      return created;
    })();
  }

  listFlows(query: unknown): FlowSummary[] {
    const q = parseInput(listFlowsQuery, query);
    return this.ctx.flows.listFlows(q.ecFiscalCode, q.from ?? null, q.to ?? null).map(summary);
  }

  getFlow(identificativoFlusso: string): Flow {
    const f = typeof identificativoFlusso === 'string' ? this.ctx.flows.findFlow(identificativoFlusso) : null;
    if (!f) throw new AppError('NODO_FLOW_NOT_FOUND');
    return {
      ...summary(f),
      identificativoUnivocoRegolamento: f.regulationId,
      sender: { idPSP: f.idPSP, name: f.pspName, idBrokerPSP: f.idBrokerPSP },
      receiver: { fiscalCode: f.receiverFiscalCode, name: f.receiverName },
      bankTransfer: { iban: f.iban, amount: f.totalAmount, date: f.dataRegolamento, remittanceInformation: remittanceForFlow(f.identificativoFlusso) },
      lines: this.ctx.flows.lines(f.identificativoFlusso),
    };
  }
}
