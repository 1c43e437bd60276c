import type { Environment } from '../../src-shared/ipc/schemas/ec';
import type { Db } from '../db/openDatabase';
import { cached } from '../db/statementCache';

/** The one column of ec_profile the collaudo/esercizio switch writes. */
export class EcEnvironmentRepository {
  constructor(private readonly db: Db) {}

  set(environment: Environment, at: string): void {
    cached(this.db, 'UPDATE ec_profile SET environment = ?, updated_at = ? WHERE id = 1').run(environment, at);
  }
}
