import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import it_ from '../../../src-renderer/i18n/it.json';
import { isKnownAction } from '../../../src-renderer/workspaces/ec/audit/auditLabels';
import { describeRecordsDetails, recordsActions } from '../../../src-renderer/workspaces/ec/audit/recordsAuditLabels';
import type { AuditEntry } from '../../../src-shared/ipc/schemas/audit';

// a stand-in for i18next's t: the Italian text with {{placeholders}} filled, the key when missing
const t = ((key: string, options: Record<string, unknown> = {}) => {
  const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], it_);
  if (typeof text !== 'string') return (options.defaultValue as string | undefined) ?? key;
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options[name]));
}) as unknown as TFunction;

function entry(action: string, details: Record<string, unknown>): AuditEntry {
  return { id: 1, at: '2026-11-22T09:00:00.000Z', actorId: null, actorName: 'Sistema', action, entity: 'x', entityId: '1', details };
}

describe('activity log lines for the EC records', () => {
  it('every records action has an Italian label, and is known to the filter', () => {
    const labels = it_.audit.actions as Record<string, string>;
    for (const action of recordsActions) {
      expect(isKnownAction(action)).toBe(true);
      expect(labels[action.replace('.', '_')], action).toMatch(/\S/);
    }
  });

  it('reads receipts, status changes, flows and payments as a person would', () => {
    expect(describeRecordsDetails(t, entry('receipt.received', { noticeNumber: '301000000000000144', amount: 102099, idPSP: 'BCITITMM' }))).toBe(
      '3010 0000 0000 0001 44 – 1.020,99 € – PSP BCITITMM',
    );
    expect(describeRecordsDetails(t, entry('receipt.amountMismatch', { noticeNumber: '301000000000000144', amount: 100, expectedAmount: 200 }))).toBe(
      '3010 0000 0000 0001 44 – 1,00 € – atteso 2,00 €',
    );
    expect(describeRecordsDetails(t, entry('position.invalidated', { iupd: 'TARI-2026-2', from: 'VALID' }))).toBe('TARI-2026-2 – Pagabile → Annullata');
    expect(describeRecordsDetails(t, entry('position.paid', { iupd: 'TARI-2026-1', from: 'VALID', to: 'PAID' }))).toBe('TARI-2026-1 – Pagabile → Pagata');
    expect(describeRecordsDetails(t, entry('reconciliation.flowImported', { flowId: '2026-11-23BCITITMM-S1', psp: 'Banca', lines: 3, matchedLines: 2, matchedAmount: 5000 }))).toBe(
      '2026-11-23BCITITMM-S1 – Banca – 2 di 3 righe abbinate – 50,00 €',
    );
    expect(describeRecordsDetails(t, entry('station.created', {}))).toBeNull();
  });
});
