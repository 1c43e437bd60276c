import type { TFunction } from 'i18next';
import { formatEuro } from '../../../../src-shared/domain/amount';
import { formatNoticeNumber } from '../../../../src-shared/domain/noticeNumber';
import type { AuditEntry } from '../../../../src-shared/ipc/schemas/audit';

/** Audit actions of the EC's records: catalogue, debt positions, receipts, settlement flows, notice settings. */
export const recordsActions = [
  'catalogue.created',
  'catalogue.updated',
  'catalogue.deleted',
  'position.created',
  'position.updated',
  'position.published',
  'position.invalidated',
  'position.expired',
  'position.validityReached',
  'position.paid',
  'position.partiallyPaid',
  'position.spontaneousCreated',
  'position.seeded',
  'receipt.received',
  'receipt.amountMismatch',
  'receipt.doublePayment',
  'receipt.notPayable',
  'reconciliation.flowImported',
  'noticeSettings.updated',
] as const;

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);
const euro = (v: unknown): string | null => (num(v) === null ? null : formatEuro(num(v)!));
const notice = (v: unknown): string | null => (str(v) && /^\d{18}$/.test(str(v)!) ? formatNoticeNumber(str(v)!) : str(v));

/** One readable line for an entry of the EC's records, or null when the action is not one of these. */
export function describeRecordsDetails(t: TFunction, entry: AuditEntry): string | null {
  const d = entry.details;
  const join = (...parts: Array<string | null>) => parts.filter(Boolean).join(' – ');
  const status = (v: unknown) => (str(v) ? t(`audit.details.positionStatus.${str(v)}`, { defaultValue: str(v)! }) : null);
  switch (entry.action) {
    case 'catalogue.created':
    case 'catalogue.updated':
    case 'catalogue.deleted':
      return join(str(d.code), str(d.name));
    case 'position.created':
      return join(str(d.iupd), euro(d.totalAmount));
    case 'position.updated':
    case 'position.published':
      return join(str(d.iupd), status(d.status));
    case 'position.invalidated':
      return join(str(d.iupd), str(d.from) ? `${status(d.from)} → ${status('INVALID')}` : null);
    case 'position.expired':
    case 'position.validityReached':
    case 'position.paid':
    case 'position.partiallyPaid':
      return join(str(d.iupd), str(d.from) && str(d.to) ? `${status(d.from)} → ${status(d.to)}` : status(d.from));
    case 'position.spontaneousCreated':
      return join(str(d.iupd), str(d.service), euro(d.amount), notice(d.noticeNumber));
    case 'position.seeded':
      return str(d.summary) ?? '';
    case 'receipt.received':
    case 'receipt.amountMismatch':
    case 'receipt.doublePayment':
    case 'receipt.notPayable':
      return join(
        notice(d.noticeNumber),
        euro(d.amount),
        str(d.idPSP) ? t('audit.details.psp', { psp: str(d.idPSP) }) : null,
        num(d.expectedAmount) !== null ? t('audit.details.expectedAmount', { amount: euro(d.expectedAmount) }) : null,
      );
    case 'reconciliation.flowImported':
      return join(
        str(d.flowId),
        str(d.psp),
        num(d.lines) !== null ? t('audit.details.flowLines', { lines: num(d.lines), matched: num(d.matchedLines) ?? 0 }) : null,
        euro(d.matchedAmount),
      );
    case 'noticeSettings.updated':
      return Array.isArray(d.changed) ? d.changed.filter((c): c is string => typeof c === 'string').join(', ') : '';
    default:
      return null;
  }
}
