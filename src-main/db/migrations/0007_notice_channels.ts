import { maxLen } from './sqlChecks';
import type { Migration } from './types';

/**
 * "Dove pagare" on the notice becomes the guideline's fixed text: the EC no longer writes it, it only
 * says whether its own site or app takes payments and names its own counter (ENTE.CANALE.ONLINE and
 * ENTE.CANALE.FISICO, at most 50 characters). The free texts of 0004 cannot be mapped onto those
 * choices, so they go; an EC that had written its own picks its channels again in the settings.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'notice_channels',
  up(db) {
    db.exec(`
      ALTER TABLE ec_notice_settings ADD COLUMN online_channel TEXT NOT NULL DEFAULT 'none'
        CHECK (online_channel IN ('none', 'site', 'app', 'siteOrApp'));
      ALTER TABLE ec_notice_settings ADD COLUMN physical_channel TEXT NOT NULL DEFAULT ''
        CHECK (${maxLen('physical_channel', 50)});
      ALTER TABLE ec_notice_settings DROP COLUMN where_to_pay_online;
      ALTER TABLE ec_notice_settings DROP COLUMN where_to_pay_physical;
    `);
  },
};
