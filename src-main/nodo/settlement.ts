import type { FlowOutcomeCode } from './nodoClient';

/**
 * Pure parts of settlement (FdR): identifiers, the bank transfer's remittance text, and how the day's
 * transfers are grouped into flows (one per PSP, receiving EC and credited IBAN).
 */

/** identificativoFlusso: `<settlement date YYYY-MM-DD><idPSP>-<free>`, at most 35 characters. */
export function flowIdentifier(settlementDate: string, idPSP: string, free: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(settlementDate)) throw new RangeError(`Data di regolamento non valida: ${settlementDate}`);
  if (!/^[A-Za-z0-9_]+$/.test(idPSP)) throw new RangeError(`idPSP non valido: ${idPSP}`);
  if (!/^[A-Za-z0-9]+$/.test(free)) throw new RangeError(`Parte libera non valida: ${free}`);
  const id = `${settlementDate}${idPSP}-${free}`;
  if (id.length > 35) throw new RangeError(`Identificativo del flusso troppo lungo: ${id}`);
  return id;
}

const FLOW_ID = /^(\d{4}-\d{2}-\d{2})([A-Za-z0-9_]+)-([A-Za-z0-9]+)$/;

export function parseFlowIdentifier(id: string): { settlementDate: string; idPSP: string; free: string } | null {
  if (id.length > 35) return null;
  const m = FLOW_ID.exec(id);
  return m ? { settlementDate: m[1]!, idPSP: m[2]!, free: m[3]! } : null;
}

const REMITTANCE_PREFIX = '/PUR/LGPE-RIVERSAMENTO/URI/';

/** Causale of the PSP's bank transfer to the EC: how reconciliation finds the flow. */
export function remittanceForFlow(identificativoFlusso: string): string {
  return `${REMITTANCE_PREFIX}${identificativoFlusso}`;
}

/** The flow a bank transfer's causale names, or null when it is not a pagoPA settlement transfer. */
export function flowIdFromRemittance(text: string): string | null {
  const t = text.trim();
  if (!t.startsWith(REMITTANCE_PREFIX)) return null;
  const id = t.slice(REMITTANCE_PREFIX.length).trim();
  return parseFlowIdentifier(id) ? id : null;
}

export interface UnsettledTransfer {
  receiptId: string;
  transferIndex: number;
  ecFiscalCode: string;
  iban: string;
  amount: number;
  iuv: string;
  idPSP: string;
  paymentDateTime: string;
  paymentDay: string;
  outcomeCode: FlowOutcomeCode;
}

export interface FlowDraft {
  idPSP: string;
  receiverFiscalCode: string;
  iban: string;
  totalAmount: number;
  transfers: UnsettledTransfer[];
}

/**
 * Groups transfers into flows. Flows come out ordered by PSP, receiver and IBAN, lines by payment
 * time, receipt and transfer index, whatever the input order: the same data always gives the same flows.
 */
export function groupIntoFlows(transfers: readonly UnsettledTransfer[]): FlowDraft[] {
  const groups = new Map<string, FlowDraft>();
  for (const t of transfers) {
    const key = `${t.idPSP}\u0000${t.ecFiscalCode}\u0000${t.iban}`;
    let g = groups.get(key);
    if (!g) {
      g = { idPSP: t.idPSP, receiverFiscalCode: t.ecFiscalCode, iban: t.iban, totalAmount: 0, transfers: [] };
      groups.set(key, g);
    }
    g.transfers.push(t);
    g.totalAmount += t.amount;
  }
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const drafts = [...groups.values()].sort(
    (a, b) => cmp(a.idPSP, b.idPSP) || cmp(a.receiverFiscalCode, b.receiverFiscalCode) || cmp(a.iban, b.iban),
  );
  for (const d of drafts) {
    d.transfers.sort(
      (a, b) => cmp(a.paymentDateTime, b.paymentDateTime) || cmp(a.receiptId, b.receiptId) || a.transferIndex - b.transferIndex,
    );
  }
  return drafts;
}

const italianDayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Rome',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * Calendar day in Italy of an instant. One formatter for the module: building an Intl formatter per
 * payment would cost more than the rest of the bookkeeping.
 */
export function italianDay(at: Date): string {
  let y = '';
  let m = '';
  let d = '';
  for (const p of italianDayFormat.formatToParts(at)) {
    if (p.type === 'year') y = p.value.padStart(4, '0');
    else if (p.type === 'month') m = p.value;
    else if (p.type === 'day') d = p.value;
  }
  return `${y}-${m}-${d}`;
}
