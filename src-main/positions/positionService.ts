import { formatEuro, isValidAmountCents } from '../../src-shared/domain/amount';
import { addDaysIso, isIsoDate } from '../../src-shared/domain/date';
import { normalizeFiscalCode } from '../../src-shared/domain/fiscalCode';
import { validateIban } from '../../src-shared/domain/iban';
import { generateNoticeNumber, iuvFromNoticeNumber, normalizeNoticeNumber } from '../../src-shared/domain/noticeNumber';
import {
  POSITION_STATUSES,
  canEdit,
  canInvalidate,
  canPublish,
  canTransition,
  positionStatusFor,
  statusOnPublish,
  type PositionStatus,
} from '../../src-shared/domain/positionStatus';
import { AppError, fieldError } from '../../src-shared/errors';
import type { Db } from '../db/openDatabase';
import type { Clock } from '../platform/clock';
import { nowIso, today } from '../platform/clock';
import type { EcProfileRepository } from '../repositories/ecProfileRepository';
import type { IbanRepository } from '../repositories/ibanRepository';
import { systemActor, type Actor } from '../services/actor';
import type { AuditService } from '../services/auditService';
import type { CatalogueRepository } from './catalogueRepository';
import type { PageQuery, PositionRepository } from './positionRepository';
import {
  FieldErrorCollector,
  isLiveEcIban,
  validateDebtor,
  validatePosition,
  type ValidOption,
  type ValidPosition,
  type ValidationContext,
} from './positionValidation';
import type { ReceiptRepository } from './receiptRepository';
import {
  POSITION_SORTS,
  type DebtPosition,
  type PaymentOption,
  type PositionInput,
  type PositionListInput,
  type PositionPage,
  type PositionSort,
  type PositionSummary,
  type PositionUpdateInput,
  type SpontaneousPaymentInput,
  type StoredReceipt,
} from './types';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;
/** A spontaneous payment is due a month after it is created; it stays payable after that. */
export const SPONTANEOUS_DUE_DAYS = 30;
const SWEEP_BATCH = 500;
const MAX_NOTICE_BASE = 9_999_999_999_999;

interface Cursor {
  sort: PositionSort;
  direction: 'asc' | 'desc';
  value: string | number;
  id: number;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.sort, c.direction, c.value, c.id]), 'utf8').toString('base64url');
}

function decodeCursor(text: string): Cursor | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 4) return null;
    const [sort, direction, value, id] = parsed as unknown[];
    if (!(POSITION_SORTS as readonly unknown[]).includes(sort)) return null;
    if (direction !== 'asc' && direction !== 'desc') return null;
    if (typeof value !== 'string' && typeof value !== 'number') return null;
    if (typeof id !== 'number' || !Number.isSafeInteger(id)) return null;
    return { sort: sort as PositionSort, direction, value, id };
  } catch {
    return null;
  }
}

function sortValue(p: PositionSummary, sort: PositionSort): string | number {
  if (sort === 'dueDate') return p.minDueDate;
  if (sort === 'amount') return p.totalAmount;
  return p.id;
}

/**
 * Debt positions: creation as drafts, edits, publication, cancellation, the date-driven status
 * changes, lookups and lists, and spontaneous payments. Every change is audited in its transaction.
 *
 * Date-driven statuses (PUBLISHED -> VALID on the validity date, VALID -> EXPIRED after the last due
 * date) are brought up to date by a sweep that runs at most once per calendar day, before the first
 * read of the day: statuses only change when the date does, and every write computes the status for
 * today. Persisting them (rather than only computing them on read) keeps status filters an index
 * search. The EC station does not wait for the sweep: it computes the status for today on each request.
 */
export class PositionService {
  private sweptDay: string | null = null;

  constructor(
    private readonly db: Db,
    private readonly positions: PositionRepository,
    private readonly receipts: ReceiptRepository,
    private readonly catalogue: CatalogueRepository,
    private readonly ibans: IbanRepository,
    private readonly ecProfile: EcProfileRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  // ---- writes ----

  /** A new position, as a draft, with a freshly generated notice number for each option. */
  create(actor: Actor, input: PositionInput): DebtPosition {
    this.ensureSwept();
    return this.db.transaction(() => {
      const valid = this.validateOrThrow(input, null);
      if (valid.iupd !== null) this.assertIupdFree(valid.iupd);
      const id = this.insertPosition(valid, 'DRAFT', 'ec', null);
      const created = this.load(id)!;
      this.audit.record(actor, 'position.created', 'debtPosition', id, {
        iupd: created.iupd,
        totalAmount: created.totalAmount,
        noticeNumbers: created.options.map((o) => o.noticeNumber),
      });
      return created;
    })();
  }

  /**
   * Replaces the editable content of a position. Options sent with their notice number keep it (it may
   * already be printed); options left out are removed; new ones get new numbers.
   */
  update(actor: Actor, input: PositionUpdateInput): DebtPosition {
    this.ensureSwept();
    return this.db.transaction(() => {
      const before = this.load(input.id);
      if (!before) throw new AppError('POSITION_NOT_FOUND');
      if (!canEdit(before.status)) throw new AppError('POSITION_NOT_EDITABLE');
      if (before.version !== input.version) throw new AppError('DATA_CONFLICT');
      const valid = this.validateOrThrow(input, before);
      // an edit that changes nothing writes nothing (no new version, no audit entry)
      if (contentKey(before, before.options.map((o) => ({ ...o, existingId: o.id }))) === contentKey(valid, valid.options)) return before;

      // a draft stays a draft; a published position follows its (possibly new) dates
      const snapshotOptions = valid.options.map((o) => ({ kind: o.kind, dueDate: o.dueDate, status: 'unpaid' as const }));
      const status =
        before.status === 'DRAFT'
          ? 'DRAFT'
          : positionStatusFor({ status: before.status, validityDate: valid.validityDate, switchToExpired: valid.switchToExpired, options: snapshotOptions }, today(this.clock));
      if (status !== before.status && !canTransition(before.status, status)) throw new AppError('POSITION_STATUS_CONFLICT');
      const at = nowIso(this.clock);
      if (!this.positions.update(before.id, before.version, { ...valid, status }, at)) throw new AppError('DATA_CONFLICT');
      this.writeOptions(before.id, valid.options, before.options);
      const after = this.load(before.id)!;
      this.audit.record(actor, 'position.updated', 'debtPosition', before.id, {
        iupd: before.iupd,
        ...(status !== before.status ? { status: { from: before.status, to: status } } : {}),
        changes: describeChanges(before, after),
      });
      return after;
    })();
  }

  /** DRAFT -> PUBLISHED (validity date in the future) or VALID (payable now). */
  publish(actor: Actor, id: number, expectedVersion?: number): DebtPosition {
    this.ensureSwept();
    return this.db.transaction(() => {
      const position = this.requireVersion(id, expectedVersion);
      if (!canPublish(position.status)) {
        throw new AppError('POSITION_STATUS_CONFLICT', { message: 'Si può pubblicare solo una posizione in bozza.' });
      }
      const day = today(this.clock);
      // a draft may have waited: what was valid when it was written must still be valid today
      const e = new FieldErrorCollector();
      const ec = this.requireEc();
      position.options.forEach((o, i) => {
        if (o.dueDate < day) e.add(`options.${i}.dueDate`, 'La scadenza è già passata: aggiornare la posizione prima di pubblicarla.');
        o.transfers.forEach((t, j) => {
          if (t.ecFiscalCode === ec.fiscalCode && !isPostal(t.iban) && !isLiveEcIban(this.ibans, t.iban, day)) {
            e.add(`options.${i}.transfers.${j}.iban`, 'Questo IBAN non è più tra gli IBAN attivi dell’Ente: aggiornare la posizione.');
          }
        });
      });
      if (!e.empty) throw new AppError('IPC_INVALID_INPUT', { fieldErrors: e.errors });

      const status = statusOnPublish(position.validityDate, day);
      this.setStatus(position, status);
      this.audit.record(actor, 'position.published', 'debtPosition', id, { iupd: position.iupd, status });
      return this.load(id)!;
    })();
  }

  /** Cancelled by the EC: the Nodo will answer PAA_PAGAMENTO_ANNULLATO from now on. */
  invalidate(actor: Actor, id: number, expectedVersion?: number): DebtPosition {
    this.ensureSwept();
    return this.db.transaction(() => {
      const position = this.requireVersion(id, expectedVersion);
      if (!canInvalidate(position.status)) {
        throw new AppError('POSITION_STATUS_CONFLICT', {
          message: 'Si può annullare solo una posizione in bozza, pubblicata o pagabile.',
        });
      }
      this.setStatus(position, 'INVALID');
      this.audit.record(actor, 'position.invalidated', 'debtPosition', id, { iupd: position.iupd, from: position.status });
      return this.load(id)!;
    })();
  }

  /**
   * Spontaneous payment: the payer creates a payable position for a catalogue service that allows it.
   * The service decides where the money goes (IBAN, taxonomy) and within which amounts.
   */
  createSpontaneous(actor: Actor, input: SpontaneousPaymentInput): DebtPosition {
    this.ensureSwept();
    return this.db.transaction(() => {
      const service = this.catalogue.findById(input.catalogueServiceId);
      if (!service) throw new AppError('CATALOGUE_SERVICE_NOT_FOUND');
      if (!service.active || !service.spontaneous) throw new AppError('SPONTANEOUS_NOT_ALLOWED');
      const day = today(this.clock);
      if (!isLiveEcIban(this.ibans, service.iban, day)) {
        throw new AppError('SPONTANEOUS_NOT_ALLOWED', {
          message: 'Questo servizio al momento non accetta pagamenti: il conto di accredito non è attivo.',
        });
      }
      const e = new FieldErrorCollector();
      validateDebtor(e, input.debtor);
      const amount = input.amount;
      if (typeof amount !== 'number' || !isValidAmountCents(amount)) {
        e.add('amount', 'Importo non valido: deve essere tra 0,01 € e 999.999.999,99 €.');
      } else if (service.minAmount !== null && amount < service.minAmount) {
        e.add('amount', `Per questo servizio l’importo minimo è ${formatEuro(service.minAmount)}.`);
      } else if (service.maxAmount !== null && amount > service.maxAmount) {
        e.add('amount', `Per questo servizio l’importo massimo è ${formatEuro(service.maxAmount)}.`);
      }
      const causale = typeof input.causale === 'string' ? input.causale.trim() : '';
      if (causale === '') e.add('causale', 'Causale: campo obbligatorio.');
      else if (causale.length > 140) e.add('causale', 'Causale: al massimo 140 caratteri.');
      if (!e.empty) throw new AppError('IPC_INVALID_INPUT', { fieldErrors: e.errors });

      const valid = this.validateOrThrow(
        {
          debtor: input.debtor,
          catalogueServiceId: service.id,
          switchToExpired: false,
          options: [
            {
              kind: 'single',
              amount,
              dueDate: addDaysIso(day, SPONTANEOUS_DUE_DAYS),
              description: causale,
              transfers: [{ id: 1, amount, iban: service.iban, remittance: causale, taxonomy: service.taxonomy }],
            },
          ],
        },
        null,
      );
      const id = this.insertPosition(valid, 'VALID', 'spontaneous', nowIso(this.clock));
      const created = this.load(id)!;
      this.audit.record(actor, 'position.spontaneousCreated', 'debtPosition', id, {
        iupd: created.iupd,
        service: service.code,
        amount,
        noticeNumber: created.options[0]!.noticeNumber,
      });
      return created;
    })();
  }

  /**
   * Brings date-driven statuses up to date (validity date reached, last due date passed with
   * switchToExpired), in batches so a large backlog never holds the write lock for long.
   */
  sweep(): { validated: number; expired: number } {
    const day = today(this.clock);
    const counts = { validated: 0, expired: 0 };
    for (const pick of [
      (limit: number) => this.positions.idsDueForValidity(day, limit),
      (limit: number) => this.positions.idsDueForExpiry(day, limit),
    ]) {
      for (;;) {
        const changed = this.db.transaction(() => {
          let n = 0;
          for (const id of pick(SWEEP_BATCH)) {
            const position = this.positions.findById(id);
            if (!position) continue;
            const status = positionStatusFor({ ...position, options: this.positions.options(id) }, day);
            if (status === position.status || !canTransition(position.status, status)) continue;
            this.setStatus(position, status);
            if (status === 'VALID') counts.validated++;
            if (status === 'EXPIRED') counts.expired++;
            this.audit.record(systemActor, status === 'EXPIRED' ? 'position.expired' : 'position.validityReached', 'debtPosition', id, {
              iupd: position.iupd,
              from: position.status,
              to: status,
            });
            n++;
          }
          return n;
        })();
        if (changed === 0) break;
      }
    }
    this.sweptDay = day;
    return counts;
  }

  // ---- reads ----

  get(id: number): DebtPosition {
    this.ensureSwept();
    const position = this.load(id);
    if (!position) throw new AppError('POSITION_NOT_FOUND');
    return position;
  }

  findByIupd(iupd: string): DebtPosition | null {
    this.ensureSwept();
    const summary = this.positions.findByIupd(iupd.trim());
    return summary ? this.load(summary.id) : null;
  }

  findByNoticeNumber(noticeNumber: string): DebtPosition | null {
    this.ensureSwept();
    const option = this.positions.findOptionByNoticeNumber(normalizeNoticeNumber(noticeNumber));
    return option ? this.load(option.positionId) : null;
  }

  findByIuv(iuv: string): DebtPosition | null {
    this.ensureSwept();
    const option = this.positions.findOptionByIuv(iuv.trim());
    return option ? this.load(option.positionId) : null;
  }

  /** A debtor's positions, next due first (the first page: a counter rarely needs more). */
  findByDebtorFiscalCode(fiscalCode: string): DebtPosition[] {
    return this.list({ debtorFiscalCode: fiscalCode, limit: MAX_PAGE_SIZE }).items;
  }

  receiptsOf(positionId: number): StoredReceipt[] {
    const position = this.get(positionId);
    return position.options.flatMap((o) => this.receipts.listByOption(o.id));
  }

  /** Keyset pages: stable under inserts, and page N costs the same as page 1. */
  list(input: PositionListInput = {}): PositionPage {
    this.ensureSwept();
    const query = this.toPageQuery(input);
    const rows = this.positions.page({ ...query, limit: query.limit + 1 });
    const hasMore = rows.length > query.limit;
    const page = hasMore ? rows.slice(0, query.limit) : rows;
    const last = page[page.length - 1];
    return {
      items: this.withOptions(page),
      nextCursor:
        hasMore && last
          ? encodeCursor({ sort: query.sort, direction: query.direction, value: sortValue(last, query.sort), id: last.id })
          : null,
    };
  }

  /** Runs the sweep when the calendar day has changed since the last one. */
  ensureSwept(): void {
    if (this.sweptDay !== today(this.clock)) this.sweep();
  }

  // ---- internals ----

  private toPageQuery(input: PositionListInput): PageQuery {
    const e = new FieldErrorCollector();
    const sort = input.sort ?? 'dueDate';
    if (!(POSITION_SORTS as readonly string[]).includes(sort)) e.add('sort', 'Ordinamento non valido: scadenza, data di creazione o importo.');
    const direction = input.direction ?? 'asc';
    if (direction !== 'asc' && direction !== 'desc') e.add('direction', 'Verso di ordinamento non valido.');
    const limit = input.limit ?? DEFAULT_PAGE_SIZE;
    if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
      e.add('limit', `Si possono chiedere da 1 a ${MAX_PAGE_SIZE} posizioni per pagina.`);
    }
    if (input.status !== undefined && !(POSITION_STATUSES as readonly string[]).includes(input.status)) {
      e.add('status', 'Stato della posizione non valido.');
    }
    for (const field of ['dueDateFrom', 'dueDateTo'] as const) {
      const v = input[field];
      if (v !== undefined && !isIsoDate(v)) e.add(field, 'Data non valida (formato atteso AAAA-MM-GG).');
    }
    if (input.dueDateFrom && input.dueDateTo && input.dueDateFrom > input.dueDateTo) {
      e.add('dueDateTo', 'La data finale non può precedere quella iniziale.');
    }
    let after: PageQuery['after'] = null;
    if (input.cursor) {
      const cursor = decodeCursor(input.cursor);
      const fits = cursor && cursor.sort === sort && cursor.direction === direction && typeof cursor.value === (sort === 'dueDate' ? 'string' : 'number');
      if (!fits) e.add('cursor', 'Il segnalibro della pagina non è valido per questo ordinamento: ricominciare dalla prima pagina.');
      else after = { value: cursor.value, id: cursor.id };
    }
    if (!e.empty) throw new AppError('IPC_INVALID_INPUT', { fieldErrors: e.errors });
    return {
      status: input.status,
      catalogueServiceId: input.catalogueServiceId,
      debtorFiscalCode: input.debtorFiscalCode === undefined ? undefined : normalizeFiscalCode(input.debtorFiscalCode),
      dueDateFrom: input.dueDateFrom,
      dueDateTo: input.dueDateTo,
      sort,
      direction,
      after,
      limit,
    };
  }

  private validateOrThrow(input: PositionInput, existing: DebtPosition | null): ValidPosition {
    const ec = this.requireEc();
    const ctx: ValidationContext = {
      ecFiscalCode: ec.fiscalCode,
      ecName: ec.name,
      today: today(this.clock),
      ibans: this.ibans,
      catalogueServiceExists: (id) => this.catalogue.findById(id) !== null,
    };
    const result = validatePosition(input, ctx, existing);
    if (!result.ok) throw new AppError('IPC_INVALID_INPUT', { fieldErrors: result.fieldErrors });
    return result.value;
  }

  private requireEc() {
    const ec = this.ecProfile.get();
    if (!ec) throw new AppError('SETUP_REQUIRED');
    return ec;
  }

  private assertIupdFree(iupd: string): void {
    if (this.positions.findByIupd(iupd)) {
      throw fieldError('POSITION_IUPD_TAKEN', 'iupd', 'Esiste già una posizione debitoria con questo codice identificativo (IUPD).');
    }
  }

  private requireVersion(id: number, expectedVersion: number | undefined): DebtPosition {
    const position = this.load(id);
    if (!position) throw new AppError('POSITION_NOT_FOUND');
    if (expectedVersion !== undefined && expectedVersion !== position.version) throw new AppError('DATA_CONFLICT');
    return position;
  }

  private setStatus(position: PositionSummary, status: PositionStatus): void {
    if (!canTransition(position.status, status)) throw new AppError('POSITION_STATUS_CONFLICT');
    if (!this.positions.setStatus(position.id, position.version, status, nowIso(this.clock))) {
      throw new AppError('DATA_CONFLICT');
    }
  }

  /** Aux-digit-3 notice number from the EC's segregation code and the sequence; IUV derived from it. */
  private nextNotice(): { noticeNumber: string; iuv: string } {
    const ec = this.requireEc();
    const base = this.positions.nextNoticeBase(ec.segregationCode);
    if (base > MAX_NOTICE_BASE) throw new AppError('NOTICE_NUMBERS_EXHAUSTED');
    const noticeNumber = generateNoticeNumber(ec.segregationCode, String(base).padStart(13, '0'));
    return { noticeNumber, iuv: iuvFromNoticeNumber(noticeNumber)! };
  }

  private insertPosition(valid: ValidPosition, status: PositionStatus, origin: 'ec' | 'spontaneous', publishedAt: string | null): number {
    const notices = valid.options.map(() => this.nextNotice());
    const iupd = valid.iupd ?? `${this.requireEc().fiscalCode}-${notices[0]!.iuv}`;
    if (valid.iupd === null) this.assertIupdFree(iupd);
    return this.positions.insertWithOptions(
      { ...valid, iupd, status, origin, publishedAt },
      valid.options.map((o, i) => ({ ...optionFields(o), ...notices[i]!, transfers: o.transfers })),
      nowIso(this.clock),
    );
  }

  private writeOptions(positionId: number, options: readonly ValidOption[], before: readonly PaymentOption[]): void {
    const kept = new Set(options.map((o) => o.existingId).filter((id): id is number => id !== null));
    for (const old of before) if (!kept.has(old.id)) this.positions.deleteOption(old.id);
    // kept options may swap instalment numbers: park them on free numbers first so the
    // (position, kind, number) unique index never sees two at once
    const beforeById = new Map(before.map((o) => [o.id, o]));
    const moving = options.filter((o) => {
      const old = o.existingId === null ? null : beforeById.get(o.existingId);
      return old && (old.kind !== o.kind || old.instalmentNumber !== o.instalmentNumber);
    });
    for (const o of moving) {
      const old = beforeById.get(o.existingId!)!;
      this.positions.updateOption(old.id, { ...optionFields(o), kind: 'instalment', instalmentNumber: 1_000_000 + old.id });
    }
    for (const o of options) {
      if (o.existingId !== null) {
        this.positions.updateOption(o.existingId, optionFields(o));
        this.positions.replaceTransfers(o.existingId, o.transfers);
      } else {
        const optionId = this.positions.insertOption(positionId, { ...optionFields(o), ...this.nextNotice() });
        this.positions.replaceTransfers(optionId, o.transfers);
      }
    }
  }

  private load(id: number): DebtPosition | null {
    const summary = this.positions.findById(id);
    return summary ? this.withOptions([summary])[0]! : null;
  }

  private withOptions(summaries: readonly PositionSummary[]): DebtPosition[] {
    const options = this.positions.optionsOf(summaries.map((s) => s.id));
    const allOptions = [...options.values()].flat();
    const transfers = this.positions.transfersOf(allOptions.map((o) => o.id));
    return summaries.map((s) => ({
      ...s,
      options: (options.get(s.id) ?? []).map((o) => ({ ...o, transfers: transfers.get(o.id) ?? [] })),
    }));
  }
}

function isPostal(iban: string): boolean {
  const check = validateIban(iban);
  return check.ok && check.value.isPostal;
}

/** The editable content of a position, as comparable text: equal keys mean an edit changes nothing. */
function contentKey(
  p: Pick<ValidPosition, 'debtor' | 'companyName' | 'officeName' | 'catalogueServiceId' | 'validityDate' | 'switchToExpired'>,
  options: ReadonlyArray<Pick<ValidOption, 'existingId' | 'kind' | 'instalmentNumber' | 'amount' | 'dueDate' | 'description' | 'transfers'>>,
): string {
  const d = p.debtor;
  return JSON.stringify([
    [d.type, d.fiscalCode, d.fullName, d.address, d.civicNumber, d.postalCode, d.city, d.province, d.country, d.email, d.phone],
    [p.companyName, p.officeName, p.catalogueServiceId, p.validityDate, p.switchToExpired],
    [...options]
      .sort((a, b) => (a.existingId ?? Infinity) - (b.existingId ?? Infinity))
      .map((o) => [
        o.existingId,
        o.kind,
        o.instalmentNumber,
        o.amount,
        o.dueDate,
        o.description,
        o.transfers.map((t) => [t.index, t.amount, t.ecFiscalCode, t.iban, t.remittance, t.taxonomy]),
      ]),
  ]);
}

function optionFields(o: ValidOption) {
  return { amount: o.amount, dueDate: o.dueDate, description: o.description, kind: o.kind, instalmentNumber: o.instalmentNumber };
}

/** What an edit changed, for the audit log: top-level fields and options by notice number. */
function describeChanges(before: DebtPosition, after: DebtPosition): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  const fields = ['companyName', 'officeName', 'catalogueServiceId', 'validityDate', 'switchToExpired', 'totalAmount'] as const;
  for (const f of fields) if (before[f] !== after[f]) changes[f] = { from: before[f], to: after[f] };
  const debtorChanged = (Object.keys(before.debtor) as Array<keyof DebtPosition['debtor']>).filter((k) => before.debtor[k] !== after.debtor[k]);
  if (debtorChanged.length > 0) changes.debtor = debtorChanged;
  const beforeNotices = new Map(before.options.map((o) => [o.noticeNumber, o]));
  const afterNotices = new Set(after.options.map((o) => o.noticeNumber));
  const added = after.options.filter((o) => !beforeNotices.has(o.noticeNumber)).map((o) => o.noticeNumber);
  const removed = before.options.filter((o) => !afterNotices.has(o.noticeNumber)).map((o) => o.noticeNumber);
  const changed = after.options
    .filter((o) => {
      const old = beforeNotices.get(o.noticeNumber);
      return old && JSON.stringify(old) !== JSON.stringify(o);
    })
    .map((o) => o.noticeNumber);
  if (added.length || removed.length || changed.length) changes.options = { added, removed, changed };
  return changes;
}
