import type { EcProfile, Environment } from '../../src-shared/ipc/schemas/ec';
import type { Db } from '../db/openDatabase';
import { cached } from '../db/statementCache';

interface EcProfileRow {
  name: string;
  fiscal_code: string;
  segregation_code: string;
  environment: Environment;
}

export class EcProfileRepository {
  constructor(private readonly db: Db) {}

  get(): EcProfile | null {
    const row = cached<[], EcProfileRow>(
      this.db,
      'SELECT name, fiscal_code, segregation_code, environment FROM ec_profile WHERE id = 1',
    ).get();
    if (!row) return null;
    return {
      name: row.name,
      fiscalCode: row.fiscal_code,
      segregationCode: row.segregation_code,
      environment: row.environment,
    };
  }

  insert(profile: Omit<EcProfile, 'environment'>, at: string): void {
    cached(
      this.db,
      `INSERT INTO ec_profile (id, name, fiscal_code, segregation_code, environment, created_at, updated_at)
         VALUES (1, ?, ?, ?, 'collaudo', ?, ?)`,
    ).run(profile.name, profile.fiscalCode, profile.segregationCode, at, at);
  }
}
