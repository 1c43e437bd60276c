/** What reconciliation concludes about one line of a settlement flow. */
export const lineResults = [
  'MATCHED',
  'DUPLICATE_LINE',
  'UNKNOWN_IUV',
  'MISSING_RECEIPT',
  'AMOUNT_MISMATCH',
  'UNKNOWN_TRANSFER',
  'IBAN_MISMATCH',
  'ALREADY_REPORTED',
  'REVOKED',
] as const;
export type LineResult = (typeof lineResults)[number];

export const lineResultMessages: Record<Exclude<LineResult, 'MATCHED'>, string> = {
  DUPLICATE_LINE: 'Riga duplicata nel flusso: stesso IUV, IUR e indice di trasferimento di una riga precedente.',
  UNKNOWN_IUV: 'IUV sconosciuto: nessun avviso dell’Ente ha questo IUV.',
  MISSING_RECEIPT: 'Ricevuta mancante: nessuna ricevuta dell’Ente ha questo IUR per questo IUV.',
  AMOUNT_MISMATCH: 'Importo diverso da quello del trasferimento nella ricevuta.',
  UNKNOWN_TRANSFER: 'Il trasferimento indicato non esiste nella ricevuta o non è destinato all’Ente.',
  IBAN_MISMATCH: 'Il trasferimento accredita un IBAN diverso da quello del flusso.',
  ALREADY_REPORTED: 'Trasferimento già rendicontato da un altro flusso.',
  REVOKED: 'Pagamento revocato (esito 3): nessun accredito da riconciliare.',
};

/** What the database knows about the receipt a line names (by IUR), looked up in one query. */
export interface LineFacts {
  receipt: {
    row: number;
    iuv: string;
    transfer: { amount: number; ecFiscalCode: string; iban: string } | null;
    /** the flow that already reported this transfer, if any */
    reportedByFlowId: string | null;
  } | null;
  /** whether any payment option of the EC has the line's IUV */
  iuvKnown: boolean;
}

export interface LineToMatch {
  iuv: string;
  iur: string;
  transferIndex: number;
  amount: number;
  outcomeCode: number;
}

/**
 * Pure decision for one line, in a fixed order: duplicates and revocations first (they say nothing
 * about receipts), then the receipt, then the transfer inside it.
 */
export function matchLine(
  line: LineToMatch,
  facts: LineFacts,
  context: { ecFiscalCode: string; flowIban: string; flowId: string; seenBefore: boolean },
): LineResult {
  if (context.seenBefore) return 'DUPLICATE_LINE';
  if (line.outcomeCode === 3) return 'REVOKED';
  const { receipt } = facts;
  if (!receipt || receipt.iuv !== line.iuv) return facts.iuvKnown ? 'MISSING_RECEIPT' : 'UNKNOWN_IUV';
  const { transfer } = receipt;
  if (!transfer || transfer.ecFiscalCode !== context.ecFiscalCode) return 'UNKNOWN_TRANSFER';
  if (transfer.amount !== line.amount) return 'AMOUNT_MISMATCH';
  if (transfer.iban !== context.flowIban) return 'IBAN_MISMATCH';
  // a later revision of the same flow reports the same transfer again: that is not a duplicate
  if (receipt.reportedByFlowId !== null && receipt.reportedByFlowId !== context.flowId) return 'ALREADY_REPORTED';
  return 'MATCHED';
}
