import { defaultNoticeSettings, type NoticeSettings, type OnlineChannel } from '../../src-shared/ipc/schemas/noticeSettings';
import type { Db } from '../db/openDatabase';
import { cached } from '../db/statementCache';

interface Row {
  logo_media_type: 'image/png' | 'image/jpeg' | null;
  logo: Buffer | null;
  sector: string;
  info: string;
  cbill: string;
  poste_authorisation: string;
  online_channel: OnlineChannel;
  physical_channel: string;
  version: number;
}

export interface StoredNoticeSettings {
  settings: NoticeSettings;
  /** 0 while the EC has never saved its settings (the defaults apply) */
  version: number;
}

/** The EC's notice settings, one row keyed to the EC profile. */
export class NoticeSettingsRepository {
  constructor(private readonly db: Db) {}

  get(): StoredNoticeSettings {
    const row = cached<[], Row>(
      this.db,
      `SELECT logo_media_type, logo, sector, info, cbill, poste_authorisation, online_channel, physical_channel, version
         FROM ec_notice_settings WHERE ec_id = 1`,
    ).get();
    if (!row) return { settings: { ...defaultNoticeSettings }, version: 0 };
    return {
      settings: {
        logo: row.logo && row.logo_media_type ? { mediaType: row.logo_media_type, dataBase64: row.logo.toString('base64') } : null,
        sector: row.sector,
        info: row.info,
        cbill: row.cbill,
        posteAuthorisation: row.poste_authorisation,
        onlineChannel: row.online_channel,
        physicalChannel: row.physical_channel,
      },
      version: row.version,
    };
  }

  /** Writes the settings if the stored version is still `version` (0: never saved); false otherwise. */
  save(settings: NoticeSettings, version: number, at: string): boolean {
    const values = [
      settings.logo?.mediaType ?? null,
      settings.logo ? Buffer.from(settings.logo.dataBase64, 'base64') : null,
      settings.sector,
      settings.info,
      settings.cbill,
      settings.posteAuthorisation,
      settings.onlineChannel,
      settings.physicalChannel,
      at,
    ] as const;
    if (version === 0) {
      const r = cached(
        this.db,
        `INSERT OR IGNORE INTO ec_notice_settings (ec_id, logo_media_type, logo, sector, info, cbill, poste_authorisation,
           online_channel, physical_channel, updated_at, version) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
      ).run(...values);
      return r.changes === 1;
    }
    const r = cached(
      this.db,
      `UPDATE ec_notice_settings SET logo_media_type = ?, logo = ?, sector = ?, info = ?, cbill = ?, poste_authorisation = ?,
         online_channel = ?, physical_channel = ?, updated_at = ?, version = version + 1
       WHERE ec_id = 1 AND version = ?`,
    ).run(...values, version);
    return r.changes === 1;
  }
}
