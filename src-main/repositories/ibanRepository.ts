import type { Db } from '../db/openDatabase';
import { cached } from '../db/statementCache';

export interface IbanRecord {
  id: number;
  iban: string;
  description: string;
  isPostal: boolean;
  validFrom: string;
  validTo: string | null;
  deletionDate: string | null;
  deletedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

interface IbanRow {
  id: number;
  iban: string;
  description: string;
  is_postal: number;
  valid_from: string;
  valid_to: string | null;
  deletion_date: string | null;
  deleted_at: string | null;
  created_at: string;
  updated_at: string;
}

function toRecord(row: IbanRow): IbanRecord {
  return {
    id: row.id,
    iban: row.iban,
    description: row.description,
    isPostal: row.is_postal === 1,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    deletionDate: row.deletion_date,
    deletedAt: row.deleted_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface NewIban {
  iban: string;
  description: string;
  isPostal: boolean;
  validFrom: string;
  validTo: string | null;
}

export class IbanRepository {
  constructor(private readonly db: Db) {}

  /** Live (not deleted) IBANs, in the order they were registered. */
  listLive(): IbanRecord[] {
    return cached<[], IbanRow>(this.db, 'SELECT * FROM iban WHERE deleted_at IS NULL ORDER BY id').all().map(toRecord);
  }

  findLiveById(id: number): IbanRecord | null {
    const row = cached<[number], IbanRow>(this.db, 'SELECT * FROM iban WHERE id = ? AND deleted_at IS NULL').get(id);
    return row ? toRecord(row) : null;
  }

  findById(id: number): IbanRecord | null {
    const row = cached<[number], IbanRow>(this.db, 'SELECT * FROM iban WHERE id = ?').get(id);
    return row ? toRecord(row) : null;
  }

  findLiveByCode(iban: string): IbanRecord | null {
    const row = cached<[string], IbanRow>(this.db, 'SELECT * FROM iban WHERE iban = ? AND deleted_at IS NULL').get(iban);
    return row ? toRecord(row) : null;
  }

  /** Live IBANs whose scheduled deletion date has come. */
  listDueForDeletion(today: string): IbanRecord[] {
    return cached<[string], IbanRow>(
      this.db,
      'SELECT * FROM iban WHERE deleted_at IS NULL AND deletion_date IS NOT NULL AND deletion_date <= ? ORDER BY id',
    )
      .all(today)
      .map(toRecord);
  }

  insert(iban: NewIban, at: string): number {
    const result = cached(
      this.db,
      `INSERT INTO iban (iban, description, is_postal, valid_from, valid_to, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(iban.iban, iban.description, iban.isPostal ? 1 : 0, iban.validFrom, iban.validTo, at, at);
    return Number(result.lastInsertRowid);
  }

  update(id: number, fields: { description: string; validFrom: string; validTo: string | null }, at: string): void {
    cached(this.db, 'UPDATE iban SET description = ?, valid_from = ?, valid_to = ?, updated_at = ? WHERE id = ?').run(
      fields.description,
      fields.validFrom,
      fields.validTo,
      at,
      id,
    );
  }

  setDeletionDate(id: number, date: string | null, at: string): void {
    cached(this.db, 'UPDATE iban SET deletion_date = ?, updated_at = ? WHERE id = ?').run(date, at, id);
  }

  markDeleted(id: number, at: string): void {
    cached(this.db, 'UPDATE iban SET deleted_at = ?, updated_at = ? WHERE id = ?').run(at, at, id);
  }
}
