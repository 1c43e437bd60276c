import { rebuildTable, replaceOnce } from './rebuildTable';
import type { Migration } from './types';

/**
 * `transfer` and `reported_transfer` become WITHOUT ROWID tables, clustered on their primary keys
 * ((option_id, transfer_index) and (receipt_row, transfer_index)). Both are only ever read through
 * that key: as rowid tables every read searched the key's index and then the table, and every
 * insert wrote both. Reconciliation reads one transfer and one reported transfer per flow line and
 * writes one reported transfer per matched line; the payment path reads an option's transfers.
 * Columns and constraints are unchanged. Neither table is a parent, so foreign keys stay on.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'transfers_without_rowid',
  up(db) {
    const clustered = (sql: string) => replaceOnce(sql, ') STRICT', ') STRICT, WITHOUT ROWID');
    rebuildTable(db, 'transfer', clustered, 'option_id, transfer_index');
    rebuildTable(db, 'reported_transfer', clustered, 'receipt_row, transfer_index');
  },
};
