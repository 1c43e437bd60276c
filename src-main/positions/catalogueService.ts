import { isValidAmountCents } from '../../src-shared/domain/amount';
import { normalizeIban, validateIban } from '../../src-shared/domain/iban';
import { parseTransferCategory } from '../../src-shared/domain/taxonomy';
import { AppError, fieldError } from '../../src-shared/errors';
import type { Db } from '../db/openDatabase';
import type { Clock } from '../platform/clock';
import { nowIso, today } from '../platform/clock';
import type { IbanRepository } from '../repositories/ibanRepository';
import type { Actor } from '../services/actor';
import type { AuditService } from '../services/auditService';
import type { CatalogueFields, CatalogueRepository } from './catalogueRepository';
import { FieldErrorCollector, isLiveEcIban } from './positionValidation';
import type { CatalogueEntry, CatalogueEntryInput, CatalogueEntryUpdateInput } from './types';

const CODE = /^[A-Z0-9_-]{1,16}$/;

/**
 * The EC's service catalogue (e.g. "08 - MENSA SCOLASTICA"): what a spontaneous payment is for, where
 * the money goes and within which amounts.
 */
export class CatalogueService {
  constructor(
    private readonly db: Db,
    private readonly catalogue: CatalogueRepository,
    private readonly ibans: IbanRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  list(): CatalogueEntry[] {
    return this.catalogue.list();
  }

  /** What the payer may choose from for a spontaneous payment. */
  listSpontaneous(): CatalogueEntry[] {
    return this.catalogue.list().filter((s) => s.active && s.spontaneous);
  }

  get(id: number): CatalogueEntry {
    const service = this.catalogue.findById(id);
    if (!service) throw new AppError('CATALOGUE_SERVICE_NOT_FOUND');
    return service;
  }

  create(actor: Actor, input: CatalogueEntryInput): CatalogueEntry {
    return this.db.transaction(() => {
      const fields = this.validate(input);
      if (this.catalogue.findByCode(fields.code)) {
        throw fieldError('CATALOGUE_CODE_TAKEN', 'code', 'Esiste già un servizio del catalogo con questo codice.');
      }
      const id = this.catalogue.insert(fields, nowIso(this.clock));
      this.audit.record(actor, 'catalogue.created', 'catalogueService', id, { ...fields });
      return this.catalogue.findById(id)!;
    })();
  }

  update(actor: Actor, input: CatalogueEntryUpdateInput): CatalogueEntry {
    return this.db.transaction(() => {
      const before = this.get(input.id);
      if (before.version !== input.version) throw new AppError('DATA_CONFLICT');
      const fields = this.validate(input);
      const other = this.catalogue.findByCode(fields.code);
      if (other && other.id !== before.id) {
        throw fieldError('CATALOGUE_CODE_TAKEN', 'code', 'Esiste già un servizio del catalogo con questo codice.');
      }
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const key of Object.keys(fields) as Array<keyof CatalogueFields>) {
        if (before[key] !== fields[key]) changes[key] = { from: before[key], to: fields[key] };
      }
      if (Object.keys(changes).length === 0) return before;
      if (!this.catalogue.update(before.id, input.version, fields, nowIso(this.clock))) throw new AppError('DATA_CONFLICT');
      this.audit.record(actor, 'catalogue.updated', 'catalogueService', before.id, { code: fields.code, changes });
      return this.catalogue.findById(before.id)!;
    })();
  }

  /** Only a service no position refers to; others are switched off with `active: false`. */
  delete(actor: Actor, id: number): void {
    this.db.transaction(() => {
      const service = this.get(id);
      if (this.catalogue.isUsed(id)) throw new AppError('CATALOGUE_SERVICE_IN_USE');
      this.catalogue.delete(id);
      this.audit.record(actor, 'catalogue.deleted', 'catalogueService', id, { code: service.code, name: service.name });
    })();
  }

  private validate(input: CatalogueEntryInput): CatalogueFields {
    const e = new FieldErrorCollector();
    const code = typeof input.code === 'string' ? input.code.trim().toUpperCase() : '';
    if (!CODE.test(code)) e.add('code', 'Codice non valido: da 1 a 16 caratteri tra lettere, cifre, - e _ (ad esempio 08).');
    const name = typeof input.name === 'string' ? input.name.trim() : '';
    if (name === '') e.add('name', 'Nome del servizio: campo obbligatorio.');
    else if (name.length > 140) e.add('name', 'Nome del servizio: al massimo 140 caratteri.');
    const description = typeof input.description === 'string' ? input.description.trim() : '';
    if (description.length > 500) e.add('description', 'Descrizione: al massimo 500 caratteri.');
    const taxonomy = parseTransferCategory(typeof input.taxonomy === 'string' ? input.taxonomy : '');
    if (!taxonomy.ok) e.add('taxonomy', taxonomy.message);

    const iban = typeof input.iban === 'string' ? normalizeIban(input.iban) : '';
    const ibanCheck = validateIban(iban);
    if (!ibanCheck.ok) e.add('iban', ibanCheck.message);
    else if (!isLiveEcIban(this.ibans, iban, today(this.clock))) {
      e.add('iban', 'IBAN non ammesso: deve essere un IBAN attivo dell’elenco dell’Ente.');
    }

    const amount = (field: 'minAmount' | 'maxAmount', label: string): number | null => {
      const v = input[field];
      if (v === undefined || v === null) return null;
      if (!isValidAmountCents(v)) {
        e.add(field, `${label} non valido: deve essere tra 0,01 € e 999.999.999,99 €.`);
        return null;
      }
      return v;
    };
    const minAmount = amount('minAmount', 'Importo minimo');
    const maxAmount = amount('maxAmount', 'Importo massimo');
    if (minAmount !== null && maxAmount !== null && minAmount > maxAmount) {
      e.add('maxAmount', 'L’importo massimo non può essere inferiore al minimo.');
    }
    const payerInstructions = typeof input.payerInstructions === 'string' ? input.payerInstructions.trim() : '';
    if (payerInstructions.length > 2000) e.add('payerInstructions', 'Istruzioni per il pagatore: al massimo 2000 caratteri.');
    if (typeof input.spontaneous !== 'boolean') e.add('spontaneous', 'Indicare se il servizio ammette pagamenti spontanei.');

    if (!e.empty) throw new AppError('IPC_INVALID_INPUT', { fieldErrors: e.errors });
    return {
      code,
      name,
      description,
      taxonomy: taxonomy.ok ? taxonomy.value.code : '',
      iban,
      spontaneous: input.spontaneous,
      minAmount,
      maxAmount,
      payerInstructions,
      active: input.active ?? true,
    };
  }
}
