import type { TFunction } from 'i18next';
import { formatIban } from '../../../../src-shared/domain/iban';
import { staffRoles, type StaffRole } from '../../../../src-shared/auth/roles';
import type { AuditEntry } from '../../../../src-shared/ipc/schemas/audit';
import { apiProductLabels } from '../../../../src-shared/onboarding/apiProducts';
import { displayDate, displayDateTime } from '../../../components/format';
// onboarding: stations, test activities, esercizio
import { describeOnboardingDetails, onboardingActions } from './onboardingAuditLabels';
import { describeRecordsDetails, recordsActions } from './recordsAuditLabels';
import { payerActions } from './payerAuditLabels';

/** Actions main records today; unknown ones still show, under their raw name. */
export const knownActions = [
  'auth.signIn',
  'auth.signOut',
  'auth.signInFailed',
  'auth.locked',
  'ec.created',
  'staff.created',
  'staff.enabled',
  'staff.disabled',
  'iban.created',
  'iban.updated',
  'iban.deletionScheduled',
  'iban.deletionCancelled',
  'iban.deleted',
  // onboarding: stations, test activities, esercizio
  ...onboardingActions,
  // onboarding: registration, API keys (part A)
  'nodo.registered',
  'nodo.registrationUpdated',
  'nodo.ibansSent',
  'apiKey.generated',
  'apiKey.regenerated',
  'apiKey.revealed',
  'apiKey.copied',
  'vault.reset',
  'audit.exported',
  'document.saved',
  'document.printed',
  ...recordsActions,
  // Pagatore: payer accounts
  ...payerActions,
] as const;
export type KnownAction = (typeof knownActions)[number];

export function isKnownAction(action: string): action is KnownAction {
  return (knownActions as readonly string[]).includes(action);
}

/** i18n keys cannot contain dots inside a segment, so 'iban.created' becomes 'iban_created'. */
export function actionLabel(t: TFunction, action: string): string {
  return isKnownAction(action) ? t(`audit.actions.${action.replace('.', '_') as ActionKey}`) : action;
}
type ActionKey = {
  [A in KnownAction]: A extends `${infer P}.${infer S}` ? `${P}_${S}` : never;
}[KnownAction];

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function isRole(v: unknown): v is StaffRole {
  return typeof v === 'string' && (staffRoles as readonly string[]).includes(v);
}

function dateOrNone(t: TFunction, v: unknown): string {
  const s = str(v);
  return s ? displayDate(s) : t('audit.details.noDate');
}

/** One readable line per entry; the raw details are the fallback for anything unexpected. */
export function describeDetails(t: TFunction, entry: AuditEntry): string {
  const d = entry.details;
  const iban = str(d.iban);
  const ibanText = iban ? formatIban(iban) : '';
  switch (entry.action) {
    case 'iban.created':
      return [
        ibanText,
        str(d.description),
        str(d.validTo)
          ? t('audit.details.validity', { from: dateOrNone(t, d.validFrom), to: dateOrNone(t, d.validTo) })
          : t('audit.details.validityOpen', { from: dateOrNone(t, d.validFrom) }),
      ]
        .filter(Boolean)
        .join(' – ');
    case 'iban.updated': {
      const changes = (typeof d.changes === 'object' && d.changes !== null ? d.changes : {}) as Record<string, { from?: unknown; to?: unknown }>;
      const parts = Object.entries(changes).map(([field, change]) => {
        const label = field === 'description' || field === 'validFrom' || field === 'validTo' ? t(`audit.fields.${field}`) : field;
        const show = (v: unknown) => (field === 'description' ? (str(v) ?? t('audit.details.empty')) : dateOrNone(t, v));
        return `${label}: ${show(change.from)} → ${show(change.to)}`;
      });
      return [ibanText, ...parts].filter(Boolean).join(' – ');
    }
    case 'iban.deletionScheduled':
      return t('audit.details.deletionOn', { iban: ibanText, date: dateOrNone(t, d.date) });
    case 'iban.deletionCancelled':
    case 'iban.deleted':
      return str(d.scheduledFor) ? t('audit.details.deletedScheduled', { iban: ibanText, date: dateOrNone(t, d.scheduledFor) }) : ibanText;
    case 'staff.created':
      return [str(d.firstName) && str(d.lastName) ? `${str(d.firstName)} ${str(d.lastName)}` : null, str(d.username), isRole(d.role) ? t(`roles.${d.role}`) : null]
        .filter(Boolean)
        .join(' – ');
    case 'staff.enabled':
    case 'staff.disabled':
      return str(d.username) ?? '';
    case 'ec.created':
      return [str(d.name), str(d.fiscalCode) ? t('audit.details.fiscalCode', { code: str(d.fiscalCode) }) : null].filter(Boolean).join(' – ');
    case 'auth.signInFailed':
      return d.reason === 'unknownUser' ? t('audit.details.unknownUser') : typeof d.attempt === 'number' ? t('audit.details.attempt', { count: d.attempt }) : '';
    case 'auth.locked':
      return str(d.until) ? t('audit.details.lockedUntil', { when: displayDateTime(str(d.until) ?? '') }) : '';
    case 'document.saved':
      return t('audit.details.savedIn', { name: str(d.fileName) ?? '', folder: str(d.folder) ?? '' });
    case 'document.printed':
      return str(d.printer)
        ? t('audit.details.printedOn', { name: str(d.fileName) ?? '', printer: str(d.printer) ?? '' })
        : t('audit.details.printedOnDefault', { name: str(d.fileName) ?? '' });
    case 'auth.signIn':
    case 'auth.signOut':
      return '';
    // onboarding: registration, API keys (part A)
    case 'nodo.registered':
      return t('audit.details.registration', {
        address: str(d.address) ?? '',
        postalCode: str(d.postalCode) ?? '',
        city: str(d.city) ?? '',
        province: str(d.province) ?? '',
        connection: str(d.partnerFiscalCode) ? t('audit.details.viaPartner', { partner: str(d.partnerFiscalCode) }) : t('audit.details.direct'),
      });
    case 'nodo.registrationUpdated': {
      const changes = (typeof d.changes === 'object' && d.changes !== null ? d.changes : {}) as Record<string, { from?: unknown; to?: unknown }>;
      return Object.entries(changes)
        .map(([field, change]) => `${isRegistrationField(field) ? t(`audit.fields.${field}`) : field}: ${str(change.from) ?? t('audit.details.empty')} → ${str(change.to) ?? t('audit.details.empty')}`)
        .join(' – ');
    }
    case 'nodo.ibansSent': {
      const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').map(formatIban).join(', ') : '');
      return [
        typeof d.count === 'number' ? t('audit.details.ibansSent', { count: d.count }) : null,
        list(d.added) ? t('audit.details.added', { list: list(d.added) }) : null,
        list(d.removed) ? t('audit.details.removed', { list: list(d.removed) }) : null,
      ]
        .filter(Boolean)
        .join(' – ');
    }
    case 'apiKey.generated':
      return [t('audit.details.apiKey', { product: productName(d.product) }), d.stored === false ? t('audit.details.keyNotStored') : null].filter(Boolean).join(' – ');
    case 'apiKey.regenerated':
    case 'apiKey.revealed':
    case 'apiKey.copied':
      return [
        t('audit.details.apiKeySlot', { product: productName(d.product), slot: d.slot === 'secondary' ? t('apiKeys.slot.secondary') : t('apiKeys.slot.primary') }),
        d.stored === false ? t('audit.details.keyNotStored') : null,
      ]
        .filter(Boolean)
        .join(' – ');
    case 'vault.reset':
      return t('audit.details.vaultReset', { count: Array.isArray(d.dropped) ? d.dropped.length : 0 });
    case 'audit.exported':
      return [typeof d.rows === 'number' ? t('audit.details.exportedRows', { count: d.rows }) : null, isKnownAction(String(d.action)) ? actionLabel(t, String(d.action)) : str(d.action)]
        .filter(Boolean)
        .join(' – ');
    default:
      // onboarding: stations, test activities, esercizio
      return describeOnboardingDetails(t, entry) ?? describeRecordsDetails(t, entry) ?? (Object.keys(d).length > 0 ? JSON.stringify(d) : '');
  }
}

// onboarding: registration, API keys (part A)
const registrationFields = ['address', 'city', 'province', 'postalCode', 'fiscalDomicile', 'connectionType', 'partnerFiscalCode'] as const;
function isRegistrationField(f: string): f is (typeof registrationFields)[number] {
  return (registrationFields as readonly string[]).includes(f);
}

function productName(v: unknown): string {
  return typeof v === 'string' ? ((apiProductLabels as Record<string, string>)[v] ?? v) : '';
}
