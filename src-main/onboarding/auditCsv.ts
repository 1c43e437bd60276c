import { formatItalianDateTime } from '../../src-shared/domain/date';
import type { AuditEntry } from '../../src-shared/ipc/schemas/audit';
import type { Clock } from '../platform/clock';
import type { Actor } from '../services/actor';
import type { AuditService } from '../services/auditService';

/**
 * CSV for Excel as Italian offices use it: `;` between fields (Excel's list separator where the
 * decimal separator is the comma, so a plain `,` file opens as one column), UTF-8 with a BOM (or
 * Excel reads accented letters as Windows-1252), CRLF line ends and RFC 4180 quoting.
 */
export const CSV_SEPARATOR = ';';
const BOM = '\uFEFF';

const header = ['Data e ora (ora italiana)', 'Istante (UTC)', 'Attività', 'Eseguita da', 'Oggetto', 'Identificativo', 'Dettagli'];


/** One field: quoted when it holds a separator, a quote or a line break; inner quotes doubled. */
export function csvField(value: string): string {
  // a cell starting with = + - @ (or a tab/CR) is run as a formula by spreadsheets: neutralise it
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /["\r\n]/.test(safe) || safe.includes(CSV_SEPARATOR) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function auditCsv(entries: readonly AuditEntry[]): string {
  const lines = [header, ...entries.map((e) => [
    formatItalianDateTime(e.at),
    e.at,
    e.action,
    e.actorName,
    e.entity,
    e.entityId ?? '',
    Object.keys(e.details).length > 0 ? JSON.stringify(e.details) : '',
  ])];
  return BOM + lines.map((fields) => fields.map(csvField).join(CSV_SEPARATOR)).join('\r\n') + '\r\n';
}

/** The whole log (or one action), newest first like the page, as a CSV file's text. */
export class AuditExport {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly fiscalCode: () => string | null,
  ) {}

  export(actor: Actor, action: string | undefined): { fileName: string; csv: string; rows: number } {
    const entries: AuditEntry[] = [];
    let beforeId: number | undefined;
    for (;;) {
      const page = this.audit.page({ limit: 500, beforeId, action });
      entries.push(...page.items);
      if (page.nextBeforeId === null) break;
      beforeId = page.nextBeforeId;
    }
    const stamp = this.clock.now().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
    const ec = this.fiscalCode();
    const fileName = `registro-attivita${ec ? `-${ec}` : ''}${action ? `-${action.replace(/[^A-Za-z0-9_-]+/g, '_')}` : ''}-${stamp}.csv`;
    const csv = auditCsv(entries);
    // reading the whole trail out of Sportello is worth a line of its own
    this.audit.record(actor, 'audit.exported', 'audit', null, { rows: entries.length, ...(action ? { action } : {}) });
    return { fileName, csv, rows: entries.length };
  }
}
