/**
 * The version of the privacy notice (informativa privacy) the registration form shows. Each
 * account stores the version its holder accepted; a reworded notice gets a new version, so the
 * audit trail says which text a person agreed to. The text itself is in the locale files.
 */
export const PRIVACY_NOTICE_VERSION = '2026-11';

/** How long an activation code stays valid, and how many wrong tries it survives. */
export const ACTIVATION_CODE_TTL_HOURS = 48;
export const ACTIVATION_CODE_LENGTH = 8;
