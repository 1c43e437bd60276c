import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogueEntryInput, SpontaneousPaymentInput } from '../../../src-main/positions/types';
import { paVerifyPaymentNoticeRes } from '../../../src-shared/sanp/messages';
import { dumpDatabase } from '../../support/testCore';
import {
  DEBTOR_CF,
  EC,
  EC_IBAN,
  EC_POSTAL_IBAN,
  OTHER_IBAN,
  address,
  createPositionsTest,
  operator,
  positionInput,
  type PositionsTest,
} from '../../support/positionsFixture';

let p: PositionsTest;
beforeEach(async () => {
  p = await createPositionsTest();
});
afterEach(() => p.close());

const mensa: CatalogueEntryInput = {
  code: '08',
  name: 'MENSA SCOLASTICA',
  description: 'Buoni pasto della mensa scolastica',
  taxonomy: '9/0101108TS/',
  iban: EC_IBAN,
  spontaneous: true,
  minAmount: 500,
  maxAmount: 50_000,
  payerInstructions: 'Indicare nella causale nome e classe dell’alunno.',
};
const citizen = { id: null, name: 'Pagatore RCCMNL83S18D969H' };
const payer = { type: 'F' as const, fiscalCode: DEBTOR_CF, fullName: 'Emanuele Rocca' };

describe('service catalogue', () => {
  it('creates, lists, updates with a version check and deletes an unused service, auditing each step', () => {
    const created = p.catalogue.create(operator, { ...mensa, code: ' 08 ', taxonomy: '9/0101108ts/' });
    expect(created).toMatchObject({ code: '08', name: 'MENSA SCOLASTICA', taxonomy: '9/0101108TS/', active: true, version: 1 });
    expect(p.catalogue.list().map((s) => s.code)).toEqual(['08']);
    const updated = p.catalogue.update(operator, { ...mensa, id: created.id, version: 1, maxAmount: 60_000 });
    expect(updated).toMatchObject({ maxAmount: 60_000, version: 2 });
    expect(() => p.catalogue.update(operator, { ...mensa, id: created.id, version: 1 })).toThrow(expect.objectContaining({ code: 'DATA_CONFLICT' }));
    // an update that changes nothing writes nothing
    expect(p.catalogue.update(operator, { ...mensa, id: created.id, version: 2, maxAmount: 60_000 }).version).toBe(2);
    p.catalogue.delete(operator, created.id);
    expect(p.catalogue.list()).toEqual([]);
    const log = p.t.core.services.audit.page({ limit: 10 }).items.map((e) => e.action).filter((a) => a.startsWith('catalogue.'));
    expect(log.reverse()).toEqual(['catalogue.created', 'catalogue.updated', 'catalogue.deleted']);
    expect(p.t.core.services.audit.page({ limit: 1, action: 'catalogue.updated' }).items[0]!.details).toEqual({
      code: '08',
      changes: { maxAmount: { from: 50_000, to: 60_000 } },
    });
  });

  it('validates every field in Italian', () => {
    expect(() =>
      p.catalogue.create(operator, { code: '0 8', name: '', taxonomy: '9/01011TS/', iban: OTHER_IBAN, spontaneous: true, minAmount: 5_000, maxAmount: 100 }),
    ).toThrow(
      expect.objectContaining({
        code: 'IPC_INVALID_INPUT',
        fieldErrors: {
          code: [expect.stringMatching(/Codice non valido/)],
          name: ['Nome del servizio: campo obbligatorio.'],
          taxonomy: [expect.stringMatching(/Codice tassonomico non valido/)],
          iban: ['IBAN non ammesso: deve essere un IBAN attivo dell’elenco dell’Ente.'],
          maxAmount: ['L’importo massimo non può essere inferiore al minimo.'],
        },
      }),
    );
    // the postal account is on the demo EC's list, so it qualifies
    expect(p.catalogue.create(operator, { ...mensa, code: '09', iban: EC_POSTAL_IBAN }).iban).toBe(EC_POSTAL_IBAN);
  });

  it('refuses a duplicate code and deleting a service in use', () => {
    const created = p.catalogue.create(operator, mensa);
    expect(() => p.catalogue.create(operator, mensa)).toThrow(expect.objectContaining({ code: 'CATALOGUE_CODE_TAKEN', fieldErrors: { code: [expect.any(String)] } }));
    p.positions.create(operator, positionInput({ catalogueServiceId: created.id }));
    expect(() => p.catalogue.delete(operator, created.id)).toThrow(
      expect.objectContaining({ code: 'CATALOGUE_SERVICE_IN_USE', message: expect.stringMatching(/disattivalo/) }),
    );
    expect(() => p.catalogue.get(999)).toThrow(expect.objectContaining({ code: 'CATALOGUE_SERVICE_NOT_FOUND' }));
  });
});

describe('spontaneous payments', () => {
  function request(over: Partial<SpontaneousPaymentInput> = {}): SpontaneousPaymentInput {
    return { catalogueServiceId: p.catalogue.list()[0]!.id, amount: 2_500, causale: 'Mensa di Marco Rocca, classe 3B, dicembre', debtor: payer, ...over };
  }

  it('creates a payable position the Nodo can verify at once', async () => {
    p.catalogue.create(operator, mensa);
    const position = p.positions.createSpontaneous(citizen, request());
    expect(position).toMatchObject({
      status: 'VALID',
      origin: 'spontaneous',
      companyName: EC.name,
      switchToExpired: false,
      totalAmount: 2_500,
      options: [
        {
          kind: 'single',
          amount: 2_500,
          dueDate: '2026-12-22',
          description: 'Mensa di Marco Rocca, classe 3B, dicembre',
          transfers: [{ index: 1, amount: 2_500, ecFiscalCode: EC.fiscalCode, iban: EC_IBAN, taxonomy: '9/0101108TS/' }],
        },
      ],
    });
    expect(p.t.core.services.audit.page({ limit: 1, action: 'position.spontaneousCreated' }).items[0]).toMatchObject({
      actorName: citizen.name,
      details: { service: '08', amount: 2_500 },
    });
    const verify = await p.station.paVerifyPaymentNotice({ ...address, qrCode: { fiscalCode: EC.fiscalCode, noticeNumber: position.options[0]!.noticeNumber } });
    expect(paVerifyPaymentNoticeRes.parse(verify)).toMatchObject({ outcome: 'OK', paymentList: [{ amount: 2_500 }] });
  });

  it('keeps the amount within the service’s minimum and maximum, and requires a causale', () => {
    p.catalogue.create(operator, mensa);
    expect(() => p.positions.createSpontaneous(citizen, request({ amount: 499 }))).toThrow(
      expect.objectContaining({ fieldErrors: { amount: ['Per questo servizio l’importo minimo è 5,00 €.'] } }),
    );
    expect(() => p.positions.createSpontaneous(citizen, request({ amount: 50_001 }))).toThrow(
      expect.objectContaining({ fieldErrors: { amount: ['Per questo servizio l’importo massimo è 500,00 €.'] } }),
    );
    expect(() => p.positions.createSpontaneous(citizen, request({ causale: ' ', debtor: { ...payer, fiscalCode: 'X' } }))).toThrow(
      expect.objectContaining({ fieldErrors: { causale: ['Causale: campo obbligatorio.'], 'debtor.fiscalCode': [expect.any(String)] } }),
    );
    expect(p.positions.createSpontaneous(citizen, request({ amount: 500 })).totalAmount).toBe(500);
    expect(p.positions.createSpontaneous(citizen, request({ amount: 50_000 })).totalAmount).toBe(50_000);
  });

  it('is refused for services that do not allow it, are switched off, or whose IBAN is gone', () => {
    const closed = p.catalogue.create(operator, { ...mensa, code: '01', spontaneous: false });
    expect(() => p.positions.createSpontaneous(citizen, request({ catalogueServiceId: closed.id }))).toThrow(
      expect.objectContaining({ code: 'SPONTANEOUS_NOT_ALLOWED' }),
    );
    const off = p.catalogue.create(operator, { ...mensa, code: '02', active: false });
    expect(p.catalogue.listSpontaneous()).toEqual([]);
    expect(() => p.positions.createSpontaneous(citizen, request({ catalogueServiceId: off.id }))).toThrow(expect.objectContaining({ code: 'SPONTANEOUS_NOT_ALLOWED' }));
    const open = p.catalogue.create(operator, { ...mensa, code: '03' });
    p.t.core.db.prepare("UPDATE iban SET deleted_at = '2026-11-22T09:30:00.000Z' WHERE iban = ?").run(EC_IBAN);
    const before = dumpDatabase(p.t.core.db);
    expect(() => p.positions.createSpontaneous(citizen, request({ catalogueServiceId: open.id }))).toThrow(
      expect.objectContaining({ code: 'SPONTANEOUS_NOT_ALLOWED', message: expect.stringMatching(/conto di accredito/) }),
    );
    expect(() => p.positions.createSpontaneous(citizen, request({ catalogueServiceId: 999 }))).toThrow(expect.objectContaining({ code: 'CATALOGUE_SERVICE_NOT_FOUND' }));
    expect(dumpDatabase(p.t.core.db)).toBe(before);
  });
});
