import { AppError } from '../../src-shared/errors';
import type { PayerOpenNotice, PayerReceiptRow } from '../../src-shared/ipc/schemas/pagatore';
import type { PrintedDocumentFileData } from '../../src-shared/ipc/schemas/print';
import type { PositionService } from '../positions/positionService';
import type { PayerReceiptRecord, ReceiptRepository } from '../positions/receiptRepository';
import type { PrintModule } from '../print/printModule';

export interface PayerHistoryDeps {
  receipts: ReceiptRepository;
  positions: PositionService;
  print: Pick<PrintModule, 'printDocument'>;
}

function relationOf(r: PayerReceiptRecord, fiscalCode: string): PayerReceiptRow['relation'] {
  const debtor = r.debtorFiscalCode === fiscalCode;
  const payer = r.payerFiscalCode === fiscalCode;
  return debtor && payer ? 'both' : debtor ? 'debtor' : 'payer';
}

/** Statuses in which a notice of the position can still be paid. */
const PAYABLE = ['VALID', 'PARTIALLY_PAID'] as const;

/**
 * What a signed-in payer sees of the EC's records: the receipts naming their fiscal code (as
 * debtor or as payer), the notices they still owe, and the printed receipt of one of their own
 * payments. The fiscal code always comes from the session, never from the renderer.
 */
export class PayerHistoryService {
  constructor(private readonly deps: PayerHistoryDeps) {}

  page(fiscalCode: string, limit: number, cursor: string | null | undefined): { items: PayerReceiptRow[]; nextCursor: string | null } {
    const beforeId = cursor ? Number(cursor) : null;
    const rows = this.deps.receipts.pageForFiscalCode(fiscalCode, limit + 1, beforeId);
    const page = rows.slice(0, limit);
    return {
      items: page.map((r) => ({
        id: r.id,
        ecName: r.companyName,
        ecFiscalCode: r.ecFiscalCode,
        description: r.description,
        noticeNumber: r.noticeNumber,
        amount: r.paymentAmount,
        fee: r.fee,
        paidAt: r.paymentDateTime,
        pspName: r.pspCompanyName,
        relation: relationOf(r, fiscalCode),
      })),
      nextCursor: rows.length > limit ? String(page[page.length - 1]!.id) : null,
    };
  }

  /** The unpaid notices of the payer's payable positions, soonest due first. */
  openNotices(fiscalCode: string): PayerOpenNotice[] {
    const out: PayerOpenNotice[] = [];
    for (const status of PAYABLE) {
      for (const position of this.deps.positions.list({ debtorFiscalCode: fiscalCode, status, limit: 100 }).items) {
        for (const option of position.options) {
          if (option.status !== 'unpaid') continue;
          out.push({
            positionId: position.id,
            ecName: position.companyName,
            description: option.description,
            noticeNumber: option.noticeNumber,
            amount: option.amount,
            dueDate: option.dueDate,
          });
        }
      }
    }
    return out.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.noticeNumber.localeCompare(b.noticeNumber));
  }

  /** Someone else's receipt is "not found": the answer must not confirm that it exists. */
  async printReceipt(windowId: string, fiscalCode: string, receiptRowId: number): Promise<PrintedDocumentFileData> {
    const receipt = this.deps.receipts.findForFiscalCode(fiscalCode, receiptRowId);
    if (!receipt) throw new AppError('PAYER_RECEIPT_NOT_FOUND');
    return this.deps.print.printDocument(windowId, 'receipt', receipt.positionId, receipt.receiptId);
  }
}
