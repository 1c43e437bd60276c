import { instant, maxLen } from './sqlChecks';
import type { Migration } from './types';

/**
 * The EC's payment-notice settings (guideline 3.4), one row beside the EC profile: logo, sector,
 * information for the debtor, CBILL code, Poste's print authorisation (empty: no postal bollettino)
 * and the "where to pay" texts. Edited by the Referente dei Pagamenti; `version` guards concurrent edits.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'notice_settings',
  up(db) {
    db.exec(`
      CREATE TABLE ec_notice_settings (
        ec_id INTEGER PRIMARY KEY REFERENCES ec_profile (id),
        logo_media_type TEXT CHECK (logo_media_type IS NULL OR logo_media_type IN ('image/png', 'image/jpeg')),
        logo BLOB CHECK (logo IS NULL OR length(logo) <= 262144),
        sector TEXT NOT NULL DEFAULT '' CHECK (${maxLen('sector', 70)}),
        info TEXT NOT NULL DEFAULT '' CHECK (${maxLen('info', 200)}),
        cbill TEXT NOT NULL DEFAULT '' CHECK (cbill = '' OR (length(cbill) = 5 AND cbill NOT GLOB '*[^A-Z0-9]*')),
        poste_authorisation TEXT NOT NULL DEFAULT '' CHECK (${maxLen('poste_authorisation', 80)}),
        where_to_pay_online TEXT NOT NULL DEFAULT '' CHECK (${maxLen('where_to_pay_online', 300)}),
        where_to_pay_physical TEXT NOT NULL DEFAULT '' CHECK (${maxLen('where_to_pay_physical', 300)}),
        version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
        updated_at TEXT NOT NULL CHECK (${instant('updated_at')}),
        CHECK ((logo IS NULL) = (logo_media_type IS NULL))
      ) STRICT;
    `);
  },
};
