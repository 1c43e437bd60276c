import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../../../src-shared/ipc/schemas/audit';
import { formatNoticeNumber } from '../../../../src-shared/domain/noticeNumber';

/** Audit actions of the onboarding's stations, test plan and esercizio switch. */
export const onboardingActions = [
  'station.created',
  'station.updated',
  'station.verified',
  'station.enabled',
  'station.disabled',
  'testPlan.run',
  'position.testCreated',
  'ec.environmentChanged',
] as const;

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** One readable line for an onboarding entry, or null when the action is not one of these. */
export function describeOnboardingDetails(t: TFunction, entry: AuditEntry): string | null {
  const d = entry.details;
  const withReason = (state: string | null) => [state, str(d.stateReason)].filter(Boolean).join(': ');
  switch (entry.action) {
    case 'station.created':
    case 'station.updated':
      return [
        str(d.code),
        str(d.url),
        withReason(str(d.state)),
        d.passwordChanged === true ? t('audit.details.stationPasswordChanged') : null,
      ]
        .filter(Boolean)
        .join(' – ');
    case 'station.verified':
      return [entry.entityId, withReason(str(d.state))].filter(Boolean).join(' – ');
    case 'station.enabled':
    case 'station.disabled':
      return str(d.code) ?? entry.entityId ?? '';
    case 'testPlan.run':
      return t(d.passed === true ? 'audit.details.testRunPassed' : 'audit.details.testRunFailed', {
        id: entry.entityId ?? '',
        passed: num(d.mandatoryPassed) ?? 0,
        total: num(d.mandatoryTotal) ?? 0,
        station: str(d.stationCode) ?? '',
      });
    case 'position.testCreated':
      return [str(d.iupd), str(d.noticeNumber) ? formatNoticeNumber(str(d.noticeNumber)!) : null].filter(Boolean).join(' – ');
    case 'ec.environmentChanged': {
      const label = (v: unknown) => (v === 'esercizio' || v === 'collaudo' ? t(`environment.${v}`) : String(v));
      const run = num(d.testRunId);
      return [`${label(d.from)} → ${label(d.to)}`, run !== null ? t('audit.details.basedOnRun', { id: run }) : null].filter(Boolean).join(' – ');
    }
    default:
      return null;
  }
}
