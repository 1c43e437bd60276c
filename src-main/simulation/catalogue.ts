import { AppError } from '../../src-shared/errors';
import type { Core } from '../core/createCore';
import type { CatalogueEntry } from '../positions/types';
import type { Actor } from '../services/actor';
import { systemActor } from '../services/actor';

/** Who simulations are attributed to in the audit log. */
export const simulationActor: Actor = { ...systemActor, name: 'Sistema (simulazione)' };

/** Which of the EC's accounts a service credits: the treasury, or the postal account for bollettini. */
export type Account = 'treasury' | 'postal';

export interface SimulatedService {
  code: string;
  name: string;
  description: string;
  /**
   * transferCategory. The shape is pagoPA's (`9/` + EC type + macro-area + service type + legal reason);
   * the service digits are illustrative, as each EC takes them from the taxonomy it has adopted.
   */
  taxonomy: string;
  account: Account;
  spontaneous: boolean;
  minAmount: number | null;
  maxAmount: number | null;
  payerInstructions: string;
  officeName: string;
}

/** A municipality's usual services, numbered as its own catalogue numbers them. */
export const SIMULATED_SERVICES: readonly SimulatedService[] = [
  {
    code: '08',
    name: 'MENSA SCOLASTICA',
    description: 'Quote del servizio di refezione scolastica',
    taxonomy: '9/0101105SP/',
    account: 'treasury',
    spontaneous: true,
    minAmount: 500,
    maxAmount: 50_000,
    payerInstructions: 'Indicare nella causale il nome dell’alunno e il mese di riferimento.',
    officeName: 'Servizi Scolastici',
  },
  {
    code: '10',
    name: 'TRASPORTO SCOLASTICO',
    description: 'Quote del servizio di trasporto scolastico',
    taxonomy: '9/0101106SP/',
    account: 'treasury',
    spontaneous: true,
    minAmount: 1_000,
    maxAmount: 60_000,
    payerInstructions: 'Indicare nella causale il nome dell’alunno e l’anno scolastico.',
    officeName: 'Servizi Scolastici',
  },
  {
    code: '14',
    name: 'TOSAP TEMPORANEA',
    description: 'Tassa per l’occupazione temporanea di spazi e aree pubbliche',
    taxonomy: '9/0101104TS/',
    account: 'postal',
    spontaneous: true,
    minAmount: 1_000,
    maxAmount: 500_000,
    payerInstructions: 'Indicare nella causale il numero dell’autorizzazione di occupazione del suolo pubblico.',
    officeName: 'SUAP - Occupazione suolo pubblico',
  },
  {
    code: '17',
    name: 'ILLUMINAZIONE VOTIVA',
    description: 'Canone annuo per l’illuminazione votiva nei cimiteri comunali',
    taxonomy: '9/0101107SP/',
    account: 'postal',
    spontaneous: true,
    minAmount: 500,
    maxAmount: 20_000,
    payerInstructions: 'Indicare nella causale il cimitero e il numero del loculo.',
    officeName: 'Servizi Cimiteriali',
  },
  {
    code: '21',
    name: 'TARI',
    description: 'Tassa sui rifiuti: avvisi emessi dall’Ufficio Tributi',
    taxonomy: '9/0101108TS/',
    account: 'treasury',
    spontaneous: false,
    minAmount: null,
    maxAmount: null,
    payerInstructions: '',
    officeName: 'Ufficio Tributi',
  },
  {
    code: '31',
    name: 'SANZIONI CODICE DELLA STRADA',
    description: 'Verbali della Polizia Locale',
    taxonomy: '9/0101109SA/',
    account: 'treasury',
    spontaneous: false,
    minAmount: null,
    maxAmount: null,
    payerInstructions: '',
    officeName: 'Polizia Locale',
  },
];

export interface EcAccounts {
  treasury: string;
  postal: string;
  /** every live IBAN of the EC, as the Nodo must know them */
  all: string[];
}

/**
 * The EC's accounts for simulated transfers: the first active ordinary IBAN as treasury, the first
 * active postal IBAN for bollettini (the treasury when there is none, and vice versa).
 */
export function ecAccounts(core: Core): EcAccounts {
  const live = core.services.iban.list();
  const active = live.filter((e) => e.status === 'active');
  const treasury = active.find((e) => !e.isPostal) ?? active[0];
  if (!treasury) throw new AppError('SIMULATION_NO_IBANS');
  const postal = active.find((e) => e.isPostal) ?? treasury;
  return { treasury: treasury.iban, postal: postal.iban, all: live.map((e) => e.iban) };
}

export function accountIban(accounts: EcAccounts, account: Account): string {
  return account === 'postal' ? accounts.postal : accounts.treasury;
}

/**
 * Makes sure the simulated services are in the EC's catalogue (added through the catalogue service,
 * so they are validated and audited like any other). Existing entries with the same code are kept as
 * they are. Returns the catalogue entry of each simulated service by code.
 */
export function ensureSimulationCatalogue(core: Core, accounts: EcAccounts): Map<string, CatalogueEntry> {
  const catalogue = core.positions.catalogue;
  const byCode = new Map(catalogue.list().map((e) => [e.code, e]));
  const out = new Map<string, CatalogueEntry>();
  for (const s of SIMULATED_SERVICES) {
    const entry =
      byCode.get(s.code) ??
      catalogue.create(simulationActor, {
        code: s.code,
        name: s.name,
        description: s.description,
        taxonomy: s.taxonomy,
        iban: accountIban(accounts, s.account),
        spontaneous: s.spontaneous,
        minAmount: s.minAmount,
        maxAmount: s.maxAmount,
        payerInstructions: s.payerInstructions,
      });
    out.set(s.code, entry);
  }
  return out;
}
