import type { Migration } from '../../../db/migrations/types';
import { nodoMigration0001 } from './0001_onboarding';
import { nodoMigration0002 } from './0002_payments';
import { nodoMigration0003 } from './0003_settlement';

/** The mock Nodo's own schema (nodo.db), in order; never edit a released migration: add one. */
export const nodoMigrations: readonly Migration[] = [nodoMigration0001, nodoMigration0002, nodoMigration0003];
