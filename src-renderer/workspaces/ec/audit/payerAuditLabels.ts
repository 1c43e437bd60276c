/** Audit actions of the Pagatore workspace: payer accounts, their activation and sessions, consent revocation. */
export const payerActions = [
  'payer.registered',
  'payer.activationSent',
  'payer.activationFailed',
  'payer.activated',
  'payer.signIn',
  'payer.signInFailed',
  'payer.signOut',
  'payer.locked',
  'payer.revokeConsentFailed',
  'payer.consentRevoked',
] as const;
