import { rebuildTable, replaceOnce } from './rebuildTable';
import type { Migration } from './types';

/**
 * 0009 stopped storing 'reported' as an option status (it is derived, `payment_option_now`) but
 * 0002's CHECK still admitted it: a bug could have stored a second, drifting copy of that fact.
 * The CHECK now admits only what is stored. `payment_option` is the parent of transfers and
 * receipts, so the rebuild runs with foreign keys off and is checked before it commits.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'option_status_check',
  foreignKeys: 'off',
  up(db) {
    rebuildTable(db, 'payment_option', (sql) => replaceOnce(sql, "CHECK (status IN ('unpaid', 'paid', 'reported'))", "CHECK (status IN ('unpaid', 'paid'))"), 'id');
  },
};
