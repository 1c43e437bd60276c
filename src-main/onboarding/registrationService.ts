import { AppError, type FieldErrors } from '../../src-shared/errors';
import type { ParsedRegistrationInput, Registration, RegistrationView } from '../../src-shared/ipc/schemas/onboarding';
import type { NodoClient, EcRegistration } from '../nodo/nodoClient';
import type { EcProfileRepository } from '../repositories/ecProfileRepository';
import type { Actor } from '../services/actor';
import type { AuditService } from '../services/auditService';
import type { IbanSync } from './ibanSync';

type Nodo = Pick<NodoClient, 'registerEc' | 'getEcRegistration' | 'listStations'>;

/** The Nodo's field paths (its censimento object) -> the fields of Sportello's form. */
function formFieldErrors(fieldErrors: FieldErrors | undefined): FieldErrors | undefined {
  if (!fieldErrors) return undefined;
  const out: FieldErrors = {};
  for (const [key, messages] of Object.entries(fieldErrors)) {
    const field = key === 'connection.partnerFiscalCode' ? 'partnerFiscalCode' : key.startsWith('connection') ? 'connectionType' : key;
    (out[field] ??= []).push(...messages);
  }
  return out;
}

export function toRegistration(r: EcRegistration): Registration {
  return {
    fiscalCode: r.fiscalCode,
    name: r.name,
    address: r.address,
    city: r.city,
    province: r.province,
    postalCode: r.postalCode,
    fiscalDomicile: r.fiscalDomicile,
    connectionType: r.connection === 'direct' ? 'direct' : 'partner',
    partnerFiscalCode: r.connection === 'direct' ? null : r.connection.partnerFiscalCode,
    brokerFiscalCode: r.brokerFiscalCode,
    environment: r.environment,
    registeredAt: r.registeredAt,
    updatedAt: r.updatedAt,
  };
}

const auditedFields = ['address', 'city', 'province', 'postalCode', 'fiscalDomicile', 'connectionType', 'partnerFiscalCode'] as const;

/**
 * "Registrazione sul Nodo" (censimento) by the Referente dei Pagamenti. The Nodo holds the
 * registration (nodo.db: it is the other party); Sportello audits each submission and, once
 * registered, keeps the Nodo's IBAN list equal to its own.
 */
export class RegistrationService {
  constructor(
    private readonly nodo: Nodo,
    private readonly ecProfile: EcProfileRepository,
    private readonly audit: AuditService,
    private readonly ibanSync: IbanSync,
  ) {}

  private requireEc() {
    const ec = this.ecProfile.get();
    if (!ec) throw new AppError('SETUP_REQUIRED');
    return ec;
  }

  async view(): Promise<RegistrationView> {
    const ec = this.requireEc();
    const found = await this.nodo.getEcRegistration(ec.fiscalCode);
    const stations = found ? await this.nodo.listStations({ ecFiscalCode: ec.fiscalCode }) : [];
    return {
      ec: { fiscalCode: ec.fiscalCode, name: ec.name },
      registration: found ? toRegistration(found) : null,
      connectionLocked: stations.length > 0,
    };
  }

  async submit(actor: Actor, input: ParsedRegistrationInput): Promise<RegistrationView> {
    const ec = this.requireEc();
    if (input.partnerFiscalCode === ec.fiscalCode) {
      throw new AppError('IPC_INVALID_INPUT', {
        fieldErrors: { partnerFiscalCode: ['Il partner tecnologico non può essere l’Ente stesso: scegli il collegamento diretto.'] },
      });
    }
    const before = await this.nodo.getEcRegistration(ec.fiscalCode);
    let after: EcRegistration;
    try {
      after = await this.nodo.registerEc({
        fiscalCode: ec.fiscalCode,
        name: ec.name,
        address: input.address,
        city: input.city,
        province: input.province,
        postalCode: input.postalCode,
        ...(input.fiscalDomicile !== '' ? { fiscalDomicile: input.fiscalDomicile } : {}),
        connection: input.partnerFiscalCode === null ? 'direct' : { partnerFiscalCode: input.partnerFiscalCode },
      });
    } catch (error) {
      if (error instanceof AppError && error.fieldErrors) {
        throw new AppError(error.code, { message: error.message, fieldErrors: formFieldErrors(error.fieldErrors) });
      }
      throw error;
    }
    const next = toRegistration(after);
    if (!before) {
      this.audit.record(actor, 'nodo.registered', 'ec', ec.fiscalCode, {
        ...Object.fromEntries(auditedFields.map((f) => [f, next[f]])),
        brokerFiscalCode: next.brokerFiscalCode,
      });
    } else {
      const prev = toRegistration(before);
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const f of auditedFields) if (prev[f] !== next[f]) changes[f] = { from: prev[f], to: next[f] };
      if (Object.keys(changes).length > 0) this.audit.record(actor, 'nodo.registrationUpdated', 'ec', ec.fiscalCode, { changes });
    }
    // step 4 needs the Nodo to know the IBANs the EC already keeps
    await this.ibanSync.push(actor);
    return this.view();
  }
}
