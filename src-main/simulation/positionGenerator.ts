import { addDaysIso } from '../../src-shared/domain/date';
import type { SeededRandom } from '../platform/random';
import type { CatalogueEntry, DebtorInput, PaymentOptionInput, PositionInput, TransferInput } from '../positions/types';
import { accountIban, SIMULATED_SERVICES, type EcAccounts, type SimulatedService } from './catalogue';

export interface GeneratorContext {
  /** the first due date may be today; all fall within the following year */
  today: string;
  accounts: EcAccounts;
  /** catalogue entries of the simulated services, by code */
  services: ReadonlyMap<string, CatalogueEntry>;
}

type Kind = 'tari' | 'mensa' | 'trasporto' | 'tosap' | 'votiva' | 'sanzione';

/** How often each kind of debt appears, roughly as in a municipality's books. */
const KIND_WEIGHTS: ReadonlyArray<[Kind, number]> = [
  ['tari', 30],
  ['mensa', 25],
  ['sanzione', 15],
  ['trasporto', 10],
  ['tosap', 10],
  ['votiva', 10],
];
const TOTAL_WEIGHT = KIND_WEIGHTS.reduce((s, [, w]) => s + w, 0);

const SERVICE_OF: Record<Kind, string> = { tari: '21', mensa: '08', trasporto: '10', tosap: '14', votiva: '17', sanzione: '31' };

const MONTHS = ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'];

function pickKind(rng: SeededRandom): Kind {
  let roll = rng.int(1, TOTAL_WEIGHT);
  for (const [kind, weight] of KIND_WEIGHTS) {
    roll -= weight;
    if (roll <= 0) return kind;
  }
  return 'tari';
}

function template(code: string): SimulatedService {
  return SIMULATED_SERVICES.find((s) => s.code === code)!;
}

/** Splits a total into n instalments in whole cents; the last one takes the remainder. */
export function splitAmount(total: number, n: number): number[] {
  const share = Math.floor(total / n);
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? total - share * (n - 1) : share));
}

/**
 * One synthetic debt position for a debtor: a TARI instalment plan with rata unica, a school meals or
 * transport fee, a temporary TOSAP, a cemetery lamp fee or a traffic fine (sanction plus notification
 * costs, two transfers). Amounts in cents; due dates spread over the year from `today`.
 */
export function generatePositionInput(rng: SeededRandom, debtor: DebtorInput, ctx: GeneratorContext): PositionInput {
  const kind = pickKind(rng);
  const code = SERVICE_OF[kind];
  const service = ctx.services.get(code);
  const t = template(code);
  const iban = accountIban(ctx.accounts, t.account);
  const taxonomy = service?.taxonomy ?? t.taxonomy;
  const year = Number(ctx.today.slice(0, 4));
  const due = (from: number, to: number): string => addDaysIso(ctx.today, rng.int(from, to));
  const transfer = (amount: number, remittance: string, over: Partial<TransferInput> = {}): TransferInput => ({
    id: 1,
    amount,
    iban,
    remittance,
    taxonomy,
    ...over,
  });
  const single = (amount: number, dueDate: string, description: string, transfers?: TransferInput[]): PaymentOptionInput => ({
    kind: 'single',
    amount,
    dueDate,
    description,
    transfers: transfers ?? [transfer(amount, description)],
  });
  const base = { debtor, officeName: t.officeName, catalogueServiceId: service?.id ?? null, switchToExpired: false };

  switch (kind) {
    case 'tari': {
      // two to four instalments two months apart; the rata unica falls due with the first one
      const n = rng.int(2, 4);
      const total = rng.int(9_000, 90_000);
      const first = rng.int(0, 365 - 60 * (n - 1));
      const amounts = splitAmount(total, n);
      const options: PaymentOptionInput[] = amounts.map((amount, i) => ({
        kind: 'instalment',
        instalmentNumber: i + 1,
        amount,
        dueDate: addDaysIso(ctx.today, first + 60 * i),
        description: `TARI ${year} - rata ${i + 1} di ${n}`,
        transfers: [transfer(amount, `TARI ${year} rata ${i + 1}/${n} - ${debtor.fiscalCode}`)],
      }));
      options.unshift({
        kind: 'rataUnica',
        amount: total,
        dueDate: addDaysIso(ctx.today, first),
        description: `TARI ${year} - rata unica`,
        transfers: [transfer(total, `TARI ${year} rata unica - ${debtor.fiscalCode}`)],
      });
      return { ...base, options };
    }
    case 'mensa': {
      const dueDate = due(0, 365);
      const month = MONTHS[Number(dueDate.slice(5, 7)) - 1];
      const amount = rng.int(2_500, 16_000);
      return { ...base, options: [single(amount, dueDate, `Mensa scolastica - ${month} ${dueDate.slice(0, 4)}`)] };
    }
    case 'trasporto': {
      const total = rng.int(12_000, 40_000);
      const first = rng.int(0, 240);
      const [a, b] = splitAmount(total, 2) as [number, number];
      const schoolYear = `${year}/${year + 1}`;
      return {
        ...base,
        options: [
          { kind: 'rataUnica', amount: total, dueDate: addDaysIso(ctx.today, first), description: `Trasporto scolastico a.s. ${schoolYear} - rata unica`, transfers: [transfer(total, `Trasporto scolastico ${schoolYear}`)] },
          { kind: 'instalment', instalmentNumber: 1, amount: a, dueDate: addDaysIso(ctx.today, first), description: `Trasporto scolastico a.s. ${schoolYear} - rata 1 di 2`, transfers: [transfer(a, `Trasporto scolastico ${schoolYear} rata 1/2`)] },
          { kind: 'instalment', instalmentNumber: 2, amount: b, dueDate: addDaysIso(ctx.today, first + 120), description: `Trasporto scolastico a.s. ${schoolYear} - rata 2 di 2`, transfers: [transfer(b, `Trasporto scolastico ${schoolYear} rata 2/2`)] },
        ],
      };
    }
    case 'tosap': {
      const amount = rng.int(2_000, 120_000);
      const permit = `${rng.int(1, 9999)}/${year}`;
      return { ...base, options: [single(amount, due(0, 365), `TOSAP temporanea - autorizzazione n. ${permit}`)] };
    }
    case 'votiva': {
      const amount = rng.int(1_500, 4_500);
      return { ...base, options: [single(amount, due(0, 365), `Illuminazione votiva ${year} - loculo ${rng.int(1, 4000)}`)] };
    }
    case 'sanzione': {
      // the fine itself and the notification costs, credited as two transfers of the same EC
      const fine = rng.pick([4_200, 8_700, 17_300, 34_400]);
      const costs = rng.int(1_200, 1_900);
      const report = `${rng.int(1, 99_999)}/${year}/PL`;
      const description = `Verbale n. ${report} - violazione codice della strada`;
      return {
        ...base,
        options: [
          single(fine + costs, due(0, 365), description, [
            transfer(fine, `Sanzione verbale ${report}`),
            transfer(costs, `Spese di notifica verbale ${report}`, { id: 2, taxonomy: '9/0101109AP/' }),
          ]),
        ],
      };
    }
  }
}
