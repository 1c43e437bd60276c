import type { OptionKind, OptionStatus, PositionSnapshot, PositionStatus } from '../../src-shared/domain/positionStatus';
import type { Db } from '../db/openDatabase';
import { cached } from '../db/statementCache';
import type { Debtor, PaymentOption, PositionOrigin, PositionSort, PositionSummary, Transfer } from './types';

interface PositionRow {
  id: number;
  iupd: string;
  status: PositionStatus;
  origin: PositionOrigin;
  debtor_type: 'F' | 'G';
  debtor_fiscal_code: string;
  debtor_full_name: string;
  debtor_address: string | null;
  debtor_civic_number: string | null;
  debtor_postal_code: string | null;
  debtor_city: string | null;
  debtor_province: string | null;
  debtor_country: string | null;
  debtor_email: string | null;
  debtor_phone: string | null;
  company_name: string;
  office_name: string | null;
  catalogue_service_id: number | null;
  validity_date: string | null;
  switch_to_expired: number;
  min_due_date: string;
  max_due_date: string;
  total_amount: number;
  published_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

interface OptionRow {
  id: number;
  position_id: number;
  notice_number: string;
  iuv: string;
  amount: number;
  due_date: string;
  description: string;
  kind: OptionKind;
  instalment_number: number | null;
  status: OptionStatus;
  paid_at: string | null;
  paid_receipt_id: number | null;
}

interface TransferRow {
  option_id: number;
  transfer_index: number;
  amount: number;
  ec_fiscal_code: string;
  iban: string;
  remittance: string;
  taxonomy: string;
}

function toSummary(row: PositionRow): PositionSummary {
  return {
    id: row.id,
    iupd: row.iupd,
    status: row.status,
    origin: row.origin,
    debtor: {
      type: row.debtor_type,
      fiscalCode: row.debtor_fiscal_code,
      fullName: row.debtor_full_name,
      address: row.debtor_address,
      civicNumber: row.debtor_civic_number,
      postalCode: row.debtor_postal_code,
      city: row.debtor_city,
      province: row.debtor_province,
      country: row.debtor_country,
      email: row.debtor_email,
      phone: row.debtor_phone,
    },
    companyName: row.company_name,
    officeName: row.office_name,
    catalogueServiceId: row.catalogue_service_id,
    validityDate: row.validity_date,
    switchToExpired: row.switch_to_expired === 1,
    minDueDate: row.min_due_date,
    maxDueDate: row.max_due_date,
    totalAmount: row.total_amount,
    publishedAt: row.published_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** How a position's options are listed: single payment or rata unica first, then instalments in order. */
function optionOrder(a: OptionRow, b: OptionRow): number {
  if (a.kind !== b.kind) return a.kind < b.kind ? 1 : -1;
  return (a.instalment_number ?? 0) - (b.instalment_number ?? 0) || a.id - b.id;
}

function toOption(row: OptionRow): PaymentOption & { positionId: number } {
  return {
    id: row.id,
    positionId: row.position_id,
    noticeNumber: row.notice_number,
    iuv: row.iuv,
    amount: row.amount,
    dueDate: row.due_date,
    description: row.description,
    kind: row.kind,
    instalmentNumber: row.instalment_number,
    status: row.status,
    paidAt: row.paid_at,
    paidReceiptId: row.paid_receipt_id,
  };
}

function toTransfer(row: TransferRow): Transfer {
  return {
    index: row.transfer_index,
    amount: row.amount,
    ecFiscalCode: row.ec_fiscal_code,
    iban: row.iban,
    remittance: row.remittance,
    taxonomy: row.taxonomy,
  };
}

/** Position columns a service writes; the aggregates (due dates, total) follow from the options. */
export interface PositionFields {
  debtor: Debtor;
  companyName: string;
  officeName: string | null;
  catalogueServiceId: number | null;
  validityDate: string | null;
  switchToExpired: boolean;
  minDueDate: string;
  maxDueDate: string;
  totalAmount: number;
}

export interface NewPosition extends PositionFields {
  iupd: string;
  status: PositionStatus;
  origin: PositionOrigin;
  publishedAt: string | null;
}

export interface OptionFields {
  amount: number;
  dueDate: string;
  description: string;
  kind: OptionKind;
  instalmentNumber: number | null;
}

export interface NewOption extends OptionFields {
  noticeNumber: string;
  iuv: string;
}

export interface PageQuery {
  status?: PositionStatus | undefined;
  catalogueServiceId?: number | undefined;
  debtorFiscalCode?: string | undefined;
  dueDateFrom?: string | undefined;
  dueDateTo?: string | undefined;
  sort: PositionSort;
  direction: 'asc' | 'desc';
  /** keyset: the sort value and id of the last row of the previous page */
  after?: { value: string | number; id: number } | null | undefined;
  limit: number;
}

const SORT_COLUMNS: Record<PositionSort, string | null> = {
  dueDate: 'min_due_date',
  amount: 'total_amount',
  // creation order is insertion order: the rowid, which every index already ends with
  createdAt: null,
};

/**
 * One keyset page: filters, then `(sortKey, id)` strictly after the cursor, in sort order. The id
 * breaks ties so rows with equal due dates are neither repeated nor skipped across pages.
 */
export function buildPageQuery(q: PageQuery): { sql: string; params: Array<string | number> } {
  const where: string[] = [];
  const params: Array<string | number> = [];
  if (q.status !== undefined) {
    where.push('status = ?');
    params.push(q.status);
  }
  if (q.catalogueServiceId !== undefined) {
    where.push('catalogue_service_id = ?');
    params.push(q.catalogueServiceId);
  }
  if (q.debtorFiscalCode !== undefined) {
    where.push('debtor_fiscal_code = ?');
    params.push(q.debtorFiscalCode);
  }
  if (q.dueDateFrom !== undefined) {
    where.push('min_due_date >= ?');
    params.push(q.dueDateFrom);
  }
  if (q.dueDateTo !== undefined) {
    where.push('min_due_date <= ?');
    params.push(q.dueDateTo);
  }
  const column = SORT_COLUMNS[q.sort];
  const cmp = q.direction === 'asc' ? '>' : '<';
  const dir = q.direction === 'asc' ? 'ASC' : 'DESC';
  if (q.after) {
    if (column === null) {
      where.push(`id ${cmp} ?`);
      params.push(q.after.id);
    } else {
      where.push(`(${column}, id) ${cmp} (?, ?)`);
      params.push(q.after.value, q.after.id);
    }
  }
  const order = column === null ? `id ${dir}` : `${column} ${dir}, id ${dir}`;
  // a debtor has a handful of positions: their index beats any other, but without statistics the
  // planner cannot know that (status = 'VALID' looks just as selective), so it is told
  const from = q.debtorFiscalCode !== undefined ? 'debt_position INDEXED BY debt_position_debtor' : 'debt_position';
  params.push(q.limit);
  return {
    sql: `SELECT * FROM ${from}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ?`,
    params,
  };
}

/** The lookups, named so a test can prove each one is an index search. */
export const positionSql = {
  byId: 'SELECT * FROM debt_position WHERE id = ?',
  byIupd: 'SELECT * FROM debt_position WHERE iupd = ?',
  optionByNoticeNumber: 'SELECT * FROM payment_option_now WHERE notice_number = ?',
  optionByIuv: 'SELECT * FROM payment_option_now WHERE iuv = ?',
  // in optionOrder, sorted here (see statementCache.ts on ORDER BY)
  optionsOfPosition: 'SELECT * FROM payment_option_now WHERE position_id = ?',
  // in transfer order, sorted here (see statementCache.ts on ORDER BY)
  transfersOfOption: 'SELECT * FROM transfer WHERE option_id = ?',
  // the partial indexes hold only the candidates; without statistics the planner would rather take
  // the status index, so it is named (INDEXED BY also fails loudly if the index ever stops fitting)
  dueForValidity:
    "SELECT id FROM debt_position INDEXED BY debt_position_to_validate WHERE status = 'PUBLISHED' AND validity_date <= ? ORDER BY validity_date LIMIT ?",
  dueForExpiry:
    "SELECT id FROM debt_position INDEXED BY debt_position_to_expire WHERE status = 'VALID' AND switch_to_expired = 1 AND max_due_date < ? ORDER BY max_due_date LIMIT ?",
} as const;

export type StatusSnapshot = PositionSnapshot & { id: number; version: number };

/** [id, version, status, validity date, switch to expired, options as JSON [kind, due date, status]] */
export type StatusSnapshotRow = [number, number, PositionStatus, string | null, number, string];

/**
 * The rows of `statusSnapshots`, with the options read through `optionsView`: the options as they
 * stand (payment_option_now), or, on reconciliation's lookup thread, the same view over the
 * transfers reported so far by the import under way (see lookupWorker.ts).
 */
export function statusSnapshotRows(db: Db, ids: readonly number[], optionsView: 'payment_option_now' | 'payment_option_so_far' = 'payment_option_now'): StatusSnapshotRow[] {
  if (ids.length === 0) return [];
  return cached<[string], StatusSnapshotRow>(
    db,
    `SELECT p.id, p.version, p.status, p.validity_date, p.switch_to_expired,
            (SELECT json_group_array(json_array(o.kind, o.due_date, o.status)) FROM ${optionsView} o WHERE o.position_id = p.id)
       FROM debt_position p WHERE p.id IN (SELECT value FROM json_each(?))`,
  )
    .raw()
    .all(JSON.stringify(ids));
}

export function toStatusSnapshot([id, version, status, validityDate, switchToExpired, options]: StatusSnapshotRow): StatusSnapshot {
  return {
    id,
    version,
    status,
    validityDate,
    switchToExpired: switchToExpired === 1,
    options: (JSON.parse(options) as Array<[OptionKind, string, OptionStatus]>).map(([kind, dueDate, optionStatus]) => ({ kind, dueDate, status: optionStatus })),
  };
}

export class PositionRepository {
  constructor(private readonly db: Db) {}

  findById(id: number): PositionSummary | null {
    const row = cached<[number], PositionRow>(this.db, positionSql.byId).get(id);
    return row ? toSummary(row) : null;
  }

  findByIupd(iupd: string): PositionSummary | null {
    const row = cached<[string], PositionRow>(this.db, positionSql.byIupd).get(iupd);
    return row ? toSummary(row) : null;
  }

  page(q: PageQuery): PositionSummary[] {
    const { sql, params } = buildPageQuery(q);
    return cached<Array<string | number>, PositionRow>(this.db, sql)
      .all(...params)
      .map(toSummary);
  }

  insert(p: NewPosition, at: string): number {
    const d = p.debtor;
    const result = cached(
      this.db,
      `INSERT INTO debt_position (iupd, status, origin, debtor_type, debtor_fiscal_code, debtor_full_name, debtor_address,
         debtor_civic_number, debtor_postal_code, debtor_city, debtor_province, debtor_country, debtor_email, debtor_phone,
         company_name, office_name, catalogue_service_id, validity_date, switch_to_expired, min_due_date, max_due_date,
         total_amount, published_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      p.iupd,
      p.status,
      p.origin,
      d.type,
      d.fiscalCode,
      d.fullName,
      d.address,
      d.civicNumber,
      d.postalCode,
      d.city,
      d.province,
      d.country,
      d.email,
      d.phone,
      p.companyName,
      p.officeName,
      p.catalogueServiceId,
      p.validityDate,
      p.switchToExpired ? 1 : 0,
      p.minDueDate,
      p.maxDueDate,
      p.totalAmount,
      p.publishedAt,
      at,
      at,
    );
    return Number(result.lastInsertRowid);
  }

  /** Optimistic: writes only if the row still has `version`, and bumps it. */
  update(id: number, version: number, p: PositionFields & { status: PositionStatus }, at: string): boolean {
    const d = p.debtor;
    const result = cached(
      this.db,
      `UPDATE debt_position SET status = ?, debtor_type = ?, debtor_fiscal_code = ?, debtor_full_name = ?, debtor_address = ?,
         debtor_civic_number = ?, debtor_postal_code = ?, debtor_city = ?, debtor_province = ?, debtor_country = ?,
         debtor_email = ?, debtor_phone = ?, company_name = ?, office_name = ?, catalogue_service_id = ?, validity_date = ?,
         switch_to_expired = ?, min_due_date = ?, max_due_date = ?, total_amount = ?, updated_at = ?, version = version + 1
       WHERE id = ? AND version = ?`,
    ).run(
      p.status,
      d.type,
      d.fiscalCode,
      d.fullName,
      d.address,
      d.civicNumber,
      d.postalCode,
      d.city,
      d.province,
      d.country,
      d.email,
      d.phone,
      p.companyName,
      p.officeName,
      p.catalogueServiceId,
      p.validityDate,
      p.switchToExpired ? 1 : 0,
      p.minDueDate,
      p.maxDueDate,
      p.totalAmount,
      at,
      id,
      version,
    );
    return result.changes === 1;
  }

  /** Status change guarded by the version the caller read; false when it changed meanwhile. */
  setStatus(id: number, version: number, status: PositionStatus, at: string): boolean {
    // only a publishing status may stamp published_at; the other statuses leave it alone, which
    // spares a bulk change (reconciliation's tens of thousands of REPORTED) the CASE and its CHECK
    const result =
      status === 'PUBLISHED' || status === 'VALID'
        ? cached(
            this.db,
            `UPDATE debt_position SET status = ?, updated_at = ?, version = version + 1, published_at = coalesce(published_at, ?)
             WHERE id = ? AND version = ?`,
          ).run(status, at, at, id, version)
        : cached(this.db, 'UPDATE debt_position SET status = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?').run(status, at, id, version);
    return result.changes === 1;
  }

  /**
   * What the status rule (positionStatusFor) reads, for many positions in one lean query: a bulk
   * status change (reconciliation) need not load debtors, descriptions and transfers.
   */
  statusSnapshots(ids: readonly number[]): StatusSnapshot[] {
    return statusSnapshotRows(this.db, ids).map(toStatusSnapshot);
  }

  /** setStatus for many positions, each still at the version read; returns how many changed. */
  setStatusMany(rows: ReadonlyArray<{ id: number; version: number }>, status: PositionStatus, at: string): number {
    // one prepared statement per row beats a set-wise UPDATE over json_each: no JSON to take apart per row
    let changed = 0;
    for (const row of rows) if (this.setStatus(row.id, row.version, status, at)) changed++;
    return changed;
  }

  options(positionId: number): Array<PaymentOption & { positionId: number }> {
    return cached<[number], OptionRow>(this.db, positionSql.optionsOfPosition).all(positionId).sort(optionOrder).map(toOption);
  }

  /** Options of many positions in one query (a list page), grouped by position. */
  optionsOf(positionIds: readonly number[]): Map<number, PaymentOption[]> {
    const byPosition = new Map<number, PaymentOption[]>(positionIds.map((id) => [id, []]));
    if (positionIds.length === 0) return byPosition;
    // one statement per page size, at most 100 distinct texts
    const sql = `SELECT * FROM payment_option_now WHERE position_id IN (${positionIds.map(() => '?').join(', ')})`;
    for (const row of cached<number[], OptionRow>(this.db, sql).all(...positionIds).sort(optionOrder)) {
      byPosition.get(row.position_id)?.push(toOption(row));
    }
    return byPosition;
  }

  findOptionByNoticeNumber(noticeNumber: string): (PaymentOption & { positionId: number }) | null {
    const row = cached<[string], OptionRow>(this.db, positionSql.optionByNoticeNumber).get(noticeNumber);
    return row ? toOption(row) : null;
  }

  findOptionByIuv(iuv: string): (PaymentOption & { positionId: number }) | null {
    const row = cached<[string], OptionRow>(this.db, positionSql.optionByIuv).get(iuv);
    return row ? toOption(row) : null;
  }

  /** A validated position with its options (each on its own notice number) and their transfers. */
  insertWithOptions(p: NewPosition, options: ReadonlyArray<NewOption & { transfers: readonly Transfer[] }>, at: string): number {
    const id = this.insert(p, at);
    for (const o of options) this.replaceTransfers(this.insertOption(id, o), o.transfers);
    return id;
  }

  insertOption(positionId: number, o: NewOption): number {
    const result = cached(
      this.db,
      `INSERT INTO payment_option (position_id, notice_number, iuv, amount, due_date, description, kind, instalment_number)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(positionId, o.noticeNumber, o.iuv, o.amount, o.dueDate, o.description, o.kind, o.instalmentNumber);
    return Number(result.lastInsertRowid);
  }

  updateOption(optionId: number, o: OptionFields): void {
    cached(
      this.db,
      'UPDATE payment_option SET amount = ?, due_date = ?, description = ?, kind = ?, instalment_number = ? WHERE id = ?',
    ).run(o.amount, o.dueDate, o.description, o.kind, o.instalmentNumber, optionId);
  }

  deleteOption(optionId: number): void {
    cached(this.db, 'DELETE FROM payment_option WHERE id = ?').run(optionId);
  }

  markOptionPaid(optionId: number, paidAt: string, receiptRowId: number): void {
    cached(this.db, "UPDATE payment_option SET status = 'paid', paid_at = ?, paid_receipt_id = ? WHERE id = ?").run(
      paidAt,
      receiptRowId,
      optionId,
    );
  }

  transfers(optionId: number): Transfer[] {
    return cached<[number], TransferRow>(this.db, positionSql.transfersOfOption)
      .all(optionId)
      .sort((a, b) => a.transfer_index - b.transfer_index)
      .map(toTransfer);
  }

  transfersOf(optionIds: readonly number[]): Map<number, Transfer[]> {
    const byOption = new Map<number, Transfer[]>(optionIds.map((id) => [id, []]));
    // chunks keep the statement text count small whatever the number of options on a page
    for (let i = 0; i < optionIds.length; i += 100) {
      const chunk = optionIds.slice(i, i + 100);
      const sql = `SELECT * FROM transfer WHERE option_id IN (${chunk.map(() => '?').join(', ')}) ORDER BY option_id, transfer_index`;
      for (const row of cached<number[], TransferRow>(this.db, sql).all(...chunk)) {
        byOption.get(row.option_id)?.push(toTransfer(row));
      }
    }
    return byOption;
  }

  replaceTransfers(optionId: number, transfers: readonly Transfer[]): void {
    cached(this.db, 'DELETE FROM transfer WHERE option_id = ?').run(optionId);
    const insert = cached(
      this.db,
      'INSERT INTO transfer (option_id, transfer_index, amount, ec_fiscal_code, iban, remittance, taxonomy) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const t of transfers) insert.run(optionId, t.index, t.amount, t.ecFiscalCode, t.iban, t.remittance, t.taxonomy);
  }

  /**
   * Next 13-digit base for the segregation code's notice numbers. Runs inside the caller's
   * transaction, so a rolled-back creation gives its number back and no number is handed out twice.
   */
  nextNoticeBase(segregationCode: string): number {
    return cached<[string], { last_value: number }>(
      this.db,
      `INSERT INTO notice_sequence (segregation_code, last_value) VALUES (?, 1)
       ON CONFLICT (segregation_code) DO UPDATE SET last_value = last_value + 1
       RETURNING last_value`,
    ).get(segregationCode)!.last_value;
  }

  idsDueForValidity(today: string, limit: number): number[] {
    return cached<[string, number], { id: number }>(this.db, positionSql.dueForValidity)
      .all(today, limit)
      .map((r) => r.id);
  }

  idsDueForExpiry(today: string, limit: number): number[] {
    return cached<[string, number], { id: number }>(this.db, positionSql.dueForExpiry)
      .all(today, limit)
      .map((r) => r.id);
  }
}
