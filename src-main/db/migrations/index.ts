import { migration0001 } from './0001_staff_ec_iban_audit';
import { migration0002 } from './0002_positions_catalogue_receipts';
import { migration0003 } from './0003_settlement_reconciliation';
import { migration0004 } from './0004_notice_settings';
import { migration0005 } from './0005_test_runs';
import { migration0006 } from './0006_payer_accounts';
import { migration0007 } from './0007_notice_channels';
import { migration0008 } from './0008_settlement_lines_as_received';
import { migration0009 } from './0009_option_reported_derived';
import { migration0010 } from './0010_transfers_without_rowid';
import { migration0011 } from './0011_option_status_check';
import type { Migration } from './types';

/** In order; each one's version is its position (1-based). Never edit a released migration: add one. */
export const migrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
];

export const latestSchemaVersion = migrations.length;
