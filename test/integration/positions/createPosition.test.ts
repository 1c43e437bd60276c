import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseNoticeNumber } from '../../../src-shared/domain/noticeNumber';
import { AppError } from '../../../src-shared/errors';
import type { PositionInput } from '../../../src-main/positions/types';
import { dumpDatabase } from '../../support/testCore';
import {
  DEBTOR_CF,
  EC,
  EC_IBAN,
  EC_POSTAL_IBAN,
  OTHER_EC,
  OTHER_IBAN,
  TAXONOMY,
  createPositionsTest,
  instalment,
  operator,
  positionInput,
  rataUnica,
  single,
  transfer,
  type PositionsTest,
} from '../../support/positionsFixture';

let p: PositionsTest;
beforeEach(async () => {
  p = await createPositionsTest();
});
afterEach(() => p.close());

/** The field errors a create call fails with (the test fails if it succeeds). */
function fieldErrorsOf(input: PositionInput): Record<string, string[]> {
  try {
    p.positions.create(operator, input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('IPC_INVALID_INPUT');
    return (error as AppError).fieldErrors ?? {};
  }
  throw new Error('la creazione doveva fallire');
}

describe('creating a debt position', () => {
  it('stores a draft with a valid aux-3 notice number, its IUV, transfers and an audit entry', () => {
    const created = p.positions.create(operator, positionInput({ iupd: 'TARI-2026-0001' }));
    expect(created).toMatchObject({
      iupd: 'TARI-2026-0001',
      status: 'DRAFT',
      origin: 'ec',
      companyName: EC.name,
      officeName: 'Ufficio Tributi',
      totalAmount: 10_000,
      minDueDate: '2026-12-31',
      maxDueDate: '2026-12-31',
      version: 1,
      debtor: { type: 'F', fiscalCode: DEBTOR_CF, fullName: 'Emanuele Rocca', province: 'RM' },
    });
    const [option] = created.options;
    // the very first number of segregation code 01 is DOMAIN.md's demo notice
    expect(option).toMatchObject({ noticeNumber: '301000000000000144', iuv: '01000000000000144', kind: 'single', status: 'unpaid' });
    expect(option!.transfers).toEqual([
      { index: 1, amount: 10_000, ecFiscalCode: EC.fiscalCode, iban: EC_IBAN, remittance: 'TARI 2026', taxonomy: TAXONOMY },
    ]);
    const audit = p.t.core.services.audit.page({ limit: 5, action: 'position.created' }).items;
    expect(audit[0]).toMatchObject({ entityId: String(created.id), actorName: operator.name, details: { iupd: 'TARI-2026-0001' } });
  });

  it('generates unique notice numbers with correct check digits, and IUVs derived from them', () => {
    const notices = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const created = p.positions.create(
        operator,
        positionInput({ options: [instalment(1, '2026-12-31'), instalment(2, '2027-01-31'), rataUnica('2026-12-31', 10_000)] }),
      );
      for (const o of created.options) {
        const parsed = parseNoticeNumber(o.noticeNumber);
        expect(parsed.ok && parsed.value).toMatchObject({ auxDigit: 3, segregationCode: EC.segregationCode, checkDigitsValid: true, iuv: o.iuv });
        notices.add(o.noticeNumber);
      }
    }
    expect(notices.size).toBe(90);
  });

  it('generates an IUPD from the EC and the first IUV when none is given, and refuses a taken one', () => {
    const created = p.positions.create(operator, positionInput());
    expect(created.iupd).toBe(`${EC.fiscalCode}-${created.options[0]!.iuv}`);
    p.positions.create(operator, positionInput({ iupd: 'A-1' }));
    expect(() => p.positions.create(operator, positionInput({ iupd: 'A-1' }))).toThrow(
      expect.objectContaining({ code: 'POSITION_IUPD_TAKEN', fieldErrors: { iupd: [expect.stringMatching(/IUPD/)] } }),
    );
  });

  it('accepts a postal IBAN and transfers to another EC with its own IBAN', () => {
    const created = p.positions.create(
      operator,
      positionInput({
        options: [
          single({
            amount: 12_000,
            transfers: [
              transfer({ id: 1, amount: 7_000, iban: EC_POSTAL_IBAN }),
              transfer({ id: 2, amount: 5_000, ecFiscalCode: OTHER_EC, iban: OTHER_IBAN, remittance: 'Quota provinciale' }),
            ],
          }),
        ],
      }),
    );
    expect(created.options[0]!.transfers.map((t) => [t.ecFiscalCode, t.iban])).toEqual([
      [EC.fiscalCode, EC_POSTAL_IBAN],
      [OTHER_EC, OTHER_IBAN],
    ]);
  });

  it('stores an instalment plan with its rata unica, rata unica first', () => {
    const created = p.positions.create(
      operator,
      positionInput({ options: [instalment(1, '2026-12-31', 4_000), instalment(2, '2027-01-31', 6_000), rataUnica('2026-12-31', 9_500)] }),
    );
    expect(created.options.map((o) => [o.kind, o.instalmentNumber])).toEqual([
      ['rataUnica', null],
      ['instalment', 1],
      ['instalment', 2],
    ]);
    // the debt is the plan's total; the rata unica may carry a discount
    expect(created).toMatchObject({ totalAmount: 10_000, minDueDate: '2026-12-31', maxDueDate: '2027-01-31' });
  });
});

describe('validation, field by field, in Italian', () => {
  it('checks the debtor fiscal code against the debtor type', () => {
    expect(fieldErrorsOf(positionInput({ debtor: { type: 'F', fiscalCode: 'FFFCST83A15L113V', fullName: 'X' } }))).toEqual({
      'debtor.fiscalCode': [expect.stringMatching(/carattere di controllo/)],
    });
    expect(fieldErrorsOf(positionInput({ debtor: { type: 'G', fiscalCode: DEBTOR_CF, fullName: 'X' } }))).toEqual({
      'debtor.fiscalCode': [expect.stringMatching(/11 cifre/)],
    });
    expect(fieldErrorsOf(positionInput({ debtor: { type: 'G', fiscalCode: '77777777777', fullName: 'X' } }))).toEqual({
      'debtor.fiscalCode': [expect.stringMatching(/cifra di controllo/)],
    });
    // a person identified by 11 digits, and a company
    expect(p.positions.create(operator, positionInput({ debtor: { type: 'F', fiscalCode: '01234567897', fullName: 'Ditta Rossi' } })).debtor.fiscalCode).toBe('01234567897');
    expect(p.positions.create(operator, positionInput({ debtor: { type: 'G', fiscalCode: ' 00743110157 ', fullName: 'ACME S.p.A.' } })).debtor.fiscalCode).toBe('00743110157');
  });

  it('checks the rest of the debtor', () => {
    const errors = fieldErrorsOf(
      positionInput({
        debtor: {
          type: 'F',
          fiscalCode: DEBTOR_CF,
          fullName: 'x'.repeat(71),
          postalCode: '0010',
          province: 'Roma',
          email: 'non-una-mail',
          phone: 'abc',
          city: 'x'.repeat(36),
        },
      }),
    );
    expect(Object.keys(errors).sort()).toEqual([
      'debtor.city',
      'debtor.email',
      'debtor.fullName',
      'debtor.phone',
      'debtor.postalCode',
      'debtor.province',
    ]);
    expect(errors['debtor.fullName']).toEqual(['Nome e cognome o ragione sociale: al massimo 70 caratteri.']);
    expect(errors['debtor.province']).toEqual(['Provincia non valida: usare la sigla di due lettere (ad esempio RM).']);
    // abroad, postal codes and regions are free text; the country is a two-letter code
    expect(fieldErrorsOf(positionInput({ debtor: { type: 'F', fiscalCode: DEBTOR_CF, fullName: 'X', country: 'ITA' } }))).toEqual({
      'debtor.country': [expect.stringMatching(/al massimo 2 caratteri/), expect.stringMatching(/due lettere/)],
    });
    const abroad = p.positions.create(
      operator,
      positionInput({ debtor: { type: 'F', fiscalCode: DEBTOR_CF, fullName: 'X', country: 'de', postalCode: 'D-10115', province: 'Berlin' } }),
    );
    expect(abroad.debtor).toMatchObject({ country: 'DE', postalCode: 'D-10115', province: 'Berlin' });
    expect(fieldErrorsOf(positionInput({ debtor: { type: 'X' as 'F', fiscalCode: DEBTOR_CF, fullName: '  ' } }))).toEqual({
      'debtor.type': [expect.stringMatching(/persona fisica/)],
      'debtor.fullName': ['Nome e cognome o ragione sociale: campo obbligatorio.'],
    });
  });

  it('requires transfers 1..5, numbered 1..N in order', () => {
    expect(fieldErrorsOf(positionInput({ options: [single({ transfers: [] })] }))).toEqual({
      'options.0.transfers': ['Servono da 1 a 5 trasferimenti.'],
    });
    const six = Array.from({ length: 6 }, (_, i) => transfer({ id: i + 1, amount: 1_000 }));
    expect(fieldErrorsOf(positionInput({ options: [single({ amount: 6_000, transfers: six })] }))).toEqual({
      'options.0.transfers': ['Servono da 1 a 5 trasferimenti.'],
    });
    const errors = fieldErrorsOf(
      positionInput({ options: [single({ transfers: [transfer({ id: 2, amount: 5_000 }), transfer({ id: 1, amount: 5_000 })] })] }),
    );
    expect(errors['options.0.transfers.0.id']![0]).toMatch(/da 1 a 2 nell’ordine/);
    expect(errors['options.0.transfers.1.id']).toBeDefined();
  });

  it('requires transfer amounts to add up exactly to the option amount', () => {
    expect(
      fieldErrorsOf(positionInput({ options: [single({ amount: 10_000, transfers: [transfer({ amount: 6_000 }), transfer({ id: 2, amount: 3_999 })] })] })),
    ).toEqual({ 'options.0.transfers': ['La somma dei trasferimenti (99,99 €) deve essere uguale all’importo dell’opzione (100,00 €).'] });
    expect(fieldErrorsOf(positionInput({ options: [single({ amount: 0, transfers: [transfer({ amount: 0.5 })] })] }))).toEqual({
      'options.0.amount': [expect.stringMatching(/Importo non valido/)],
      'options.0.transfers.0.amount': [expect.stringMatching(/Importo non valido/)],
    });
  });

  it('allows the EC’s own transfers only to its live IBANs or a postal IBAN', () => {
    expect(fieldErrorsOf(positionInput({ options: [single({ transfers: [transfer({ iban: OTHER_IBAN })] })] }))).toEqual({
      'options.0.transfers.0.iban': ['IBAN non ammesso: deve essere un IBAN attivo dell’elenco dell’Ente oppure un IBAN postale.'],
    });
    expect(fieldErrorsOf(positionInput({ options: [single({ transfers: [transfer({ iban: 'IT02L1234512345123456789012' })] })] }))).toEqual({
      'options.0.transfers.0.iban': [expect.stringMatching(/^IBAN non valido/)],
    });
    // a postal IBAN need not be on the list
    const postal = 'IT33I0760103200001234567890';
    expect(p.positions.create(operator, positionInput({ options: [single({ transfers: [transfer({ iban: postal })] })] })).options[0]!.transfers[0]!.iban).toBe(postal);
    // an IBAN whose validity ended is no longer live
    p.t.core.db.prepare("UPDATE iban SET valid_from = '2025-01-01', valid_to = '2026-11-21' WHERE iban = ?").run(EC_IBAN);
    expect(fieldErrorsOf(positionInput())).toHaveProperty(['options.0.transfers.0.iban']);
  });

  it('gives the first transfer to the EC, and checks other ECs’ fiscal codes and IBANs', () => {
    expect(fieldErrorsOf(positionInput({ options: [single({ transfers: [transfer({ ecFiscalCode: OTHER_EC, iban: OTHER_IBAN })] })] }))).toEqual({
      'options.0.transfers.0.ecFiscalCode': [expect.stringMatching(/primo trasferimento spetta all’Ente/)],
    });
    const errors = fieldErrorsOf(
      positionInput({
        options: [
          single({
            transfers: [transfer({ amount: 5_000 }), transfer({ id: 2, amount: 5_000, ecFiscalCode: '1234567890', iban: 'IT00X0000000000000000000000' })],
          }),
        ],
      }),
    );
    expect(errors['options.0.transfers.1.ecFiscalCode']![0]).toMatch(/Ente beneficiario non valido/);
    expect(errors['options.0.transfers.1.iban']![0]).toMatch(/^IBAN non valido/);
  });

  it('checks taxonomy, remittance and description', () => {
    const errors = fieldErrorsOf(
      positionInput({ options: [single({ description: 'x'.repeat(141), transfers: [transfer({ taxonomy: '9/0101108XX/', remittance: '' })] })] }),
    );
    expect(errors).toEqual({
      'options.0.description': ['Descrizione: al massimo 140 caratteri.'],
      'options.0.transfers.0.taxonomy': [expect.stringMatching(/motivo giuridico/)],
      'options.0.transfers.0.remittance': ['Causale del trasferimento: campo obbligatorio.'],
    });
    // the newer opt-out prefixes are accepted, and codes are stored normalised
    const created = p.positions.create(operator, positionInput({ options: [single({ transfers: [transfer({ taxonomy: ' 8/0101108ts/ ' })] })] }));
    expect(created.options[0]!.transfers[0]!.taxonomy).toBe('8/0101108TS/');
  });

  it('checks due dates and the validity date', () => {
    expect(fieldErrorsOf(positionInput({ options: [single({ dueDate: '2026-11-21' })] }))).toEqual({
      'options.0.dueDate': ['La data di scadenza non può essere nel passato.'],
    });
    expect(fieldErrorsOf(positionInput({ options: [single({ dueDate: '2026-02-30' })] }))).toEqual({
      'options.0.dueDate': [expect.stringMatching(/non valida/)],
    });
    expect(fieldErrorsOf(positionInput({ validityDate: '2027-01-01' }))).toEqual({
      validityDate: ['La data di validità non può essere successiva alla prima scadenza.'],
    });
    // due today is fine
    expect(p.positions.create(operator, positionInput({ options: [single({ dueDate: '2026-11-22' })] })).minDueDate).toBe('2026-11-22');
  });

  it('applies the instalment plan rules', () => {
    expect(fieldErrorsOf(positionInput({ options: [single(), single()] }))).toEqual({
      options: [expect.stringMatching(/una sola opzione/)],
    });
    expect(fieldErrorsOf(positionInput({ options: [instalment(1, '2026-12-31')] }))).toEqual({
      options: ['Un piano rateale deve avere almeno due rate.'],
    });
    expect(fieldErrorsOf(positionInput({ options: [instalment(1, '2026-12-31'), instalment(3, '2027-01-31')] }))).toEqual({
      'options.1.instalmentNumber': ['Le rate vanno numerate da 1 a 2, senza salti né ripetizioni.'],
    });
    expect(fieldErrorsOf(positionInput({ options: [instalment(1, '2027-01-31'), instalment(2, '2026-12-31')] }))).toEqual({
      'options.1.dueDate': ['La scadenza della rata 2 non può precedere quella della rata 1.'],
    });
    expect(
      fieldErrorsOf(positionInput({ options: [instalment(1, '2026-12-31'), instalment(2, '2027-01-31'), rataUnica('2026-12-31', 1), rataUnica('2026-12-31', 2)] })),
    ).toEqual({ options: ['Un piano rateale può avere una sola rata unica.'] });
    const ten = Array.from({ length: 10 }, (_, i) => instalment(i + 1, `2027-${String(i + 1).padStart(2, '0')}-15`));
    expect(fieldErrorsOf(positionInput({ options: [...ten, rataUnica('2027-01-15', 50_000)] }))).toEqual({
      options: ['Con più di 9 rate non si può offrire la rata unica.'],
    });
    // ten instalments without a rata unica are fine, and nine with one
    expect(p.positions.create(operator, positionInput({ options: ten })).options).toHaveLength(10);
    expect(p.positions.create(operator, positionInput({ options: [...ten.slice(0, 9), rataUnica('2027-01-15', 45_000)] })).options).toHaveLength(10);
    expect(fieldErrorsOf(positionInput({ options: [{ ...single(), instalmentNumber: 1 }] }))).toEqual({
      'options.0.instalmentNumber': ['Il numero di rata si indica solo per le rate.'],
    });
  });

  it('checks the position fields and the catalogue service', () => {
    expect(fieldErrorsOf(positionInput({ iupd: 'con spazi', companyName: 'x'.repeat(141), catalogueServiceId: 99, options: [] }))).toEqual({
      iupd: [expect.stringMatching(/IUPD non valido/)],
      companyName: ['Ente creditore: al massimo 140 caratteri.'],
      catalogueServiceId: ['Servizio del catalogo non trovato.'],
      options: ['Inserire almeno un’opzione di pagamento.'],
    });
  });

  it('writes nothing when the input is refused', () => {
    const before = dumpDatabase(p.t.core.db);
    fieldErrorsOf(positionInput({ options: [single({ dueDate: '2020-01-01' })] }));
    expect(dumpDatabase(p.t.core.db)).toBe(before);
  });

  it('leaves nothing half-done when a write fails midway, and gives the notice number back', () => {
    const before = dumpDatabase(p.t.core.db);
    const audit = p.t.core.services.audit;
    const record = audit.record.bind(audit);
    // the audit entry is the last write of a creation: failing there must undo position, options,
    // transfers and the sequence step
    audit.record = () => {
      throw new Error('disco pieno');
    };
    expect(() => p.positions.create(operator, positionInput({ options: [instalment(1, '2026-12-31'), instalment(2, '2027-01-31')] }))).toThrow('disco pieno');
    audit.record = record;
    expect(dumpDatabase(p.t.core.db)).toBe(before);
    expect(p.positions.create(operator, positionInput()).options[0]!.noticeNumber).toBe('301000000000000144');
  });
});
