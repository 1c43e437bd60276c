import { migration0001 } from './0001_staff_ec_iban_audit';
import type { Migration } from './types';

/** In order; each one's version is its position (1-based). Never edit a released migration: add one. */
export const migrations: readonly Migration[] = [migration0001];

export const latestSchemaVersion = migrations.length;
