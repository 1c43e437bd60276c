import type { Db } from '../db/openDatabase';
import { cached } from '../db/statementCache';
import type { CatalogueEntry } from './types';

interface CatalogueRow {
  id: number;
  code: string;
  name: string;
  description: string;
  taxonomy: string;
  iban: string;
  spontaneous: number;
  min_amount: number | null;
  max_amount: number | null;
  payer_instructions: string;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
}

function toService(row: CatalogueRow): CatalogueEntry {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    description: row.description,
    taxonomy: row.taxonomy,
    iban: row.iban,
    spontaneous: row.spontaneous === 1,
    minAmount: row.min_amount,
    maxAmount: row.max_amount,
    payerInstructions: row.payer_instructions,
    active: row.active === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Fields a service stores, already validated and normalised. */
export type CatalogueFields = Omit<CatalogueEntry, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

export class CatalogueRepository {
  constructor(private readonly db: Db) {}

  list(): CatalogueEntry[] {
    return cached<[], CatalogueRow>(this.db, 'SELECT * FROM catalogue_service ORDER BY code').all().map(toService);
  }

  findById(id: number): CatalogueEntry | null {
    const row = cached<[number], CatalogueRow>(this.db, 'SELECT * FROM catalogue_service WHERE id = ?').get(id);
    return row ? toService(row) : null;
  }

  findByCode(code: string): CatalogueEntry | null {
    const row = cached<[string], CatalogueRow>(this.db, 'SELECT * FROM catalogue_service WHERE code = ?').get(code);
    return row ? toService(row) : null;
  }

  insert(fields: CatalogueFields, at: string): number {
    const result = cached(
      this.db,
      `INSERT INTO catalogue_service (code, name, description, taxonomy, iban, spontaneous, min_amount, max_amount,
         payer_instructions, active, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      fields.code,
      fields.name,
      fields.description,
      fields.taxonomy,
      fields.iban,
      fields.spontaneous ? 1 : 0,
      fields.minAmount,
      fields.maxAmount,
      fields.payerInstructions,
      fields.active ? 1 : 0,
      at,
      at,
    );
    return Number(result.lastInsertRowid);
  }

  /** Writes only when the row still has `version`; false means someone else changed it first. */
  update(id: number, version: number, fields: CatalogueFields, at: string): boolean {
    const result = cached(
      this.db,
      `UPDATE catalogue_service SET code = ?, name = ?, description = ?, taxonomy = ?, iban = ?, spontaneous = ?,
         min_amount = ?, max_amount = ?, payer_instructions = ?, active = ?, updated_at = ?, version = version + 1
       WHERE id = ? AND version = ?`,
    ).run(
      fields.code,
      fields.name,
      fields.description,
      fields.taxonomy,
      fields.iban,
      fields.spontaneous ? 1 : 0,
      fields.minAmount,
      fields.maxAmount,
      fields.payerInstructions,
      fields.active ? 1 : 0,
      at,
      id,
      version,
    );
    return result.changes === 1;
  }

  delete(id: number): void {
    cached(this.db, 'DELETE FROM catalogue_service WHERE id = ?').run(id);
  }

  /** Served by debt_position_service_due: stops at the first position found. */
  isUsed(id: number): boolean {
    return (
      cached<[number], { used: number }>(
        this.db,
        'SELECT EXISTS (SELECT 1 FROM debt_position WHERE catalogue_service_id = ?) AS used',
      ).get(id)!.used === 1
    );
  }
}
