import { AppError } from '../../src-shared/errors';
import { LOGO_MAX_BYTES, type NoticeSettings } from '../../src-shared/ipc/schemas/noticeSettings';
import { fieldError } from '../../src-shared/errors';
import type { Db } from '../db/openDatabase';
import type { Clock } from '../platform/clock';
import { nowIso } from '../platform/clock';
import type { NoticeSettingsRepository, StoredNoticeSettings } from '../repositories/noticeSettingsRepository';
import type { EcProfileRepository } from '../repositories/ecProfileRepository';
import type { Actor } from './actor';
import type { AuditService } from './auditService';

function isPng(b: Buffer): boolean {
  return b.length > 8 && b.readUInt32BE(0) === 0x89504e47;
}

function isJpeg(b: Buffer): boolean {
  return b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
}

/** The EC's payment-notice settings, edited by the Referente dei Pagamenti; every change is audited. */
export class NoticeSettingsService {
  constructor(
    private readonly db: Db,
    private readonly repository: NoticeSettingsRepository,
    private readonly ecProfile: EcProfileRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  get(): StoredNoticeSettings {
    return this.repository.get();
  }

  /** What the print module uses. */
  current(): NoticeSettings {
    return this.repository.get().settings;
  }

  update(actor: Actor, settings: NoticeSettings, version: number): StoredNoticeSettings {
    if (settings.logo) {
      const bytes = Buffer.from(settings.logo.dataBase64, 'base64');
      const matches = settings.logo.mediaType === 'image/png' ? isPng(bytes) : isJpeg(bytes);
      if (!matches) throw fieldError('IPC_INVALID_INPUT', 'logo', 'Il logo deve essere un’immagine PNG o JPEG.');
      if (bytes.length > LOGO_MAX_BYTES) throw fieldError('IPC_INVALID_INPUT', 'logo', 'Il logo può pesare al massimo 256 KB.');
    }
    return this.db.transaction(() => {
      if (!this.ecProfile.get()) throw new AppError('SETUP_REQUIRED');
      const before = this.repository.get();
      if (!this.repository.save(settings, version, nowIso(this.clock))) throw new AppError('DATA_CONFLICT');
      const changed = (Object.keys(settings) as Array<keyof NoticeSettings>).filter((k) =>
        k === 'logo' ? before.settings.logo?.dataBase64 !== settings.logo?.dataBase64 : before.settings[k] !== settings[k],
      );
      this.audit.record(actor, 'noticeSettings.updated', 'ecNoticeSettings', 1, { changed });
      return this.repository.get();
    })();
  }
}
