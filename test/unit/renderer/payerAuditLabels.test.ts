import { describe, expect, it } from 'vitest';
import it_ from '../../../src-renderer/i18n/it.json';
import en from '../../../src-renderer/i18n/en.json';
import { isKnownAction } from '../../../src-renderer/workspaces/ec/audit/auditLabels';
import { payerActions } from '../../../src-renderer/workspaces/ec/audit/payerAuditLabels';

describe('activity log lines for the Pagatore', () => {
  it('every payer action has an Italian and an English label, and is known to the filter', () => {
    for (const action of payerActions) {
      expect(isKnownAction(action), action).toBe(true);
      const key = action.replace('.', '_');
      expect((it_.audit.actions as Record<string, string>)[key], action).toMatch(/^Pagatore: /);
      expect((en.audit.actions as Record<string, string>)[key], action).toMatch(/^Payer: /);
    }
  });
});
