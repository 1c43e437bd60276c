import { compareIsoDate } from '../../src-shared/domain/date';
import { validateIban } from '../../src-shared/domain/iban';
import { AppError, fieldError } from '../../src-shared/errors';
import type { IbanCreateInput, IbanEntry, IbanStatus, IbanUpdateInput } from '../../src-shared/ipc/schemas/iban';
import type { Db } from '../db/openDatabase';
import type { Clock } from '../platform/clock';
import { nowIso, today } from '../platform/clock';
import type { IbanRecord, IbanRepository } from '../repositories/ibanRepository';
import { systemActor, type Actor } from './actor';
import type { AuditService } from './auditService';

export function ibanStatus(record: IbanRecord, todayIso: string): IbanStatus {
  if (record.deletionDate !== null) return 'deletionScheduled';
  if (compareIsoDate(record.validFrom, todayIso) > 0) return 'notYetValid';
  if (record.validTo !== null && compareIsoDate(record.validTo, todayIso) < 0) return 'expired';
  return 'active';
}

/** The EC's IBAN list (accrediti): every transfer of a debt position must credit one of these. */
export class IbanService {
  constructor(
    private readonly db: Db,
    private readonly ibans: IbanRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  list(): IbanEntry[] {
    this.applyDueDeletions();
    const day = today(this.clock);
    return this.ibans.listLive().map((r) => this.toEntry(r, day));
  }

  create(actor: Actor, input: IbanCreateInput): IbanEntry {
    const info = validateIban(input.iban);
    if (!info.ok) throw fieldError('IPC_INVALID_INPUT', 'iban', info.message);
    this.applyDueDeletions();
    return this.db.transaction(() => {
      if (this.ibans.findLiveByCode(info.value.iban)) {
        throw fieldError('IBAN_DUPLICATE', 'iban', 'Questo IBAN è già presente nell’elenco dell’Ente.');
      }
      const id = this.ibans.insert(
        {
          iban: info.value.iban,
          description: input.description,
          isPostal: info.value.isPostal,
          validFrom: input.validFrom,
          validTo: input.validTo,
        },
        nowIso(this.clock),
      );
      this.audit.record(actor, 'iban.created', 'iban', id, {
        iban: info.value.iban,
        description: input.description,
        validFrom: input.validFrom,
        validTo: input.validTo,
      });
      return this.toEntry(this.ibans.findById(id)!, today(this.clock));
    })();
  }

  update(actor: Actor, input: IbanUpdateInput): IbanEntry {
    return this.db.transaction(() => {
      const before = this.requireLive(input.id);
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      if (before.description !== input.description) changes.description = { from: before.description, to: input.description };
      if (before.validFrom !== input.validFrom) changes.validFrom = { from: before.validFrom, to: input.validFrom };
      if (before.validTo !== input.validTo) changes.validTo = { from: before.validTo, to: input.validTo };
      if (Object.keys(changes).length > 0) {
        this.ibans.update(input.id, input, nowIso(this.clock));
        this.audit.record(actor, 'iban.updated', 'iban', input.id, { iban: before.iban, changes });
      }
      return this.toEntry(this.ibans.findById(input.id)!, today(this.clock));
    })();
  }

  /** Schedules the deletion; a date of today deletes at once and returns null. */
  scheduleDeletion(actor: Actor, id: number, date: string): IbanEntry | null {
    const day = today(this.clock);
    if (compareIsoDate(date, day) < 0) {
      throw fieldError('IPC_INVALID_INPUT', 'date', 'La data di cancellazione non può essere nel passato.');
    }
    return this.db.transaction(() => {
      const record = this.requireLive(id);
      if (compareIsoDate(date, day) === 0) {
        this.ibans.markDeleted(id, nowIso(this.clock));
        this.audit.record(actor, 'iban.deleted', 'iban', id, { iban: record.iban });
        return null;
      }
      this.ibans.setDeletionDate(id, date, nowIso(this.clock));
      this.audit.record(actor, 'iban.deletionScheduled', 'iban', id, { iban: record.iban, date });
      return this.toEntry(this.ibans.findById(id)!, day);
    })();
  }

  cancelDeletion(actor: Actor, id: number): IbanEntry {
    this.applyDueDeletions();
    return this.db.transaction(() => {
      const record = this.requireLive(id);
      if (record.deletionDate === null) throw new AppError('IBAN_DELETION_NOT_SCHEDULED');
      this.ibans.setDeletionDate(id, null, nowIso(this.clock));
      this.audit.record(actor, 'iban.deletionCancelled', 'iban', id, { iban: record.iban, date: record.deletionDate });
      return this.toEntry(this.ibans.findById(id)!, today(this.clock));
    })();
  }

  /** Carries out the deletions whose date has come (called on start and before reads). */
  applyDueDeletions(): number {
    const due = this.ibans.listDueForDeletion(today(this.clock));
    if (due.length === 0) return 0;
    this.db.transaction(() => {
      for (const record of due) {
        this.ibans.markDeleted(record.id, nowIso(this.clock));
        this.audit.record(systemActor, 'iban.deleted', 'iban', record.id, { iban: record.iban, scheduledFor: record.deletionDate });
      }
    })();
    return due.length;
  }

  private requireLive(id: number): IbanRecord {
    const record = this.ibans.findLiveById(id);
    if (!record) {
      throw new AppError(this.ibans.findById(id) ? 'IBAN_DELETED' : 'IBAN_NOT_FOUND');
    }
    return record;
  }

  private toEntry(record: IbanRecord, todayIso: string): IbanEntry {
    return {
      id: record.id,
      iban: record.iban,
      description: record.description,
      isPostal: record.isPostal,
      validFrom: record.validFrom,
      validTo: record.validTo,
      deletionDate: record.deletionDate,
      status: ibanStatus(record, todayIso),
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
    };
  }
}
