import type { Migration } from '../../db/migrations/types';
import { vaultMigration0001 } from './0001_vault_secret';

/** vault.db's migrations, kept apart from the main schema's. In order; never edit a released one. */
export const vaultMigrations: readonly Migration[] = [vaultMigration0001];
