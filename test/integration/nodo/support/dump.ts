import type { Db } from '../../../../src-main/db/openDatabase';

/** Every row of every table of nodo.db plus its schema version: equal dumps mean nothing was written. */
export function dumpNodo(db: Db, options: { except?: string[] } = {}): string {
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all()
    .filter((t) => !(options.except ?? []).includes(t.name));
  const dump: Record<string, unknown> = { user_version: db.pragma('user_version', { simple: true }) };
  for (const { name } of tables) dump[name] = db.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).all();
  return JSON.stringify(dump);
}
