import { describe, expect, it } from 'vitest';
import { auditCsv, csvField } from '../../../src-main/onboarding';
import type { AuditEntry } from '../../../src-shared/ipc/schemas/audit';

const entry = (patch: Partial<AuditEntry>): AuditEntry => ({
  id: 1,
  at: '2026-11-22T09:00:00.000Z',
  actorId: 1,
  actorName: 'Maria Rossi (referente.pagamenti@comune-test.it)',
  action: 'iban.created',
  entity: 'iban',
  entityId: '1',
  details: {},
  ...patch,
});

describe('audit CSV', () => {
  it('quotes only what needs it, doubling inner quotes (RFC 4180)', () => {
    expect(csvField('semplice')).toBe('semplice');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('detto "così"')).toBe('"detto ""così"""');
    expect(csvField('riga\r\naltra')).toBe('"riga\r\naltra"');
    // commas are ordinary characters with the ; separator
    expect(csvField('Roma, centro')).toBe('Roma, centro');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+39 06')).toBe("'+39 06");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('starts with a BOM and a header, uses ; and CRLF, Italian time next to the UTC instant', () => {
    const csv = auditCsv([entry({ details: { iban: 'IT60X0542811101000000123456', description: 'Tesoreria; conto "A"' } })]);
    expect(csv.startsWith('\uFEFFData e ora (ora italiana);Istante (UTC);Attività;Eseguita da;Oggetto;Identificativo;Dettagli\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(lines[1]).toBe(
      '22/11/2026, 10:00:00;2026-11-22T09:00:00.000Z;iban.created;Maria Rossi (referente.pagamenti@comune-test.it);iban;1;' +
        '"{""iban"":""IT60X0542811101000000123456"",""description"":""Tesoreria; conto \\""A\\""""}"',
    );
  });

  it('an empty log is a header alone', () => {
    expect(auditCsv([])).toBe('\uFEFFData e ora (ora italiana);Istante (UTC);Attività;Eseguita da;Oggetto;Identificativo;Dettagli\r\n');
  });
});
