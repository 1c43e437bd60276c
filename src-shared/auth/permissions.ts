import type { StaffRole } from './roles';

/**
 * Static feature -> roles map, mirroring pagoPA's Selfcare back office: the Referente dei Pagamenti
 * owns the EC's money-related registry (IBANs) and the staff; the Referente Tecnico owns the
 * technical connection (API keys, stations, test activities). Main enforces it on every channel;
 * the renderer only uses it to hide what would be refused anyway.
 */
export const featurePermissions = {
  dashboard: ['ecAdmin', 'ecOperator'],
  iban: ['ecAdmin'],
  staff: ['ecAdmin'],
  audit: ['ecAdmin'],
  /** logo, CBILL, Poste authorisation and texts printed on the payment notices */
  noticeSettings: ['ecAdmin'],
  /** the list of debt positions, printing their notices and receipts */
  positions: ['ecAdmin', 'ecOperator'],
  apiKeys: ['ecOperator'],
  stations: ['ecOperator'],
  testActivities: ['ecOperator'],
  // onboarding: collaudo -> esercizio, the Referente dei Pagamenti's decision
  environment: ['ecAdmin'],
  // onboarding: registration, API keys (part A)
  nodoRegistration: ['ecAdmin'],
  /** "Ripristina l'archivio" after the vault's key is lost: as the vault's own guidance says */
  vaultRecovery: ['ecAdmin'],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Feature = keyof typeof featurePermissions;

export function canAccess(role: StaffRole, feature: Feature): boolean {
  return (featurePermissions[feature] as readonly StaffRole[]).includes(role);
}
