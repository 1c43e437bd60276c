import { formatEuro, isValidAmountCents } from '../../src-shared/domain/amount';
import { isIsoDate } from '../../src-shared/domain/date';
import { normalizeFiscalCode, validateFiscalCode, validateLegalFiscalCode } from '../../src-shared/domain/fiscalCode';
import { normalizeIban, validateIban } from '../../src-shared/domain/iban';
import { normalizeNoticeNumber } from '../../src-shared/domain/noticeNumber';
import { OPTION_KINDS, type OptionKind, type PositionStatus } from '../../src-shared/domain/positionStatus';
import { parseTransferCategory } from '../../src-shared/domain/taxonomy';
import type { FieldErrors } from '../../src-shared/errors';
import type { IbanRepository } from '../repositories/ibanRepository';
import type { Debtor, DebtorInput, PaymentOption, PaymentOptionInput, PositionInput, Transfer } from './types';

export const MAX_OPTIONS = 100;
export const MAX_TRANSFERS = 5;
/** Guideline 3.4: a plan of more than 9 instalments has no rata unica block. */
export const MAX_INSTALMENTS_WITH_RATA_UNICA = 9;

/** Collects Italian messages per field path (dot separated, 0-based indexes as zod reports them). */
export class FieldErrorCollector {
  readonly errors: FieldErrors = {};
  add(path: string, message: string): void {
    (this.errors[path] ??= []).push(message);
  }
  get empty(): boolean {
    return Object.keys(this.errors).length === 0;
  }
}

/** A live IBAN of the EC's list: not deleted and not past its end of validity. */
export function isLiveEcIban(ibans: IbanRepository, iban: string, today: string): boolean {
  const record = ibans.findLiveByCode(iban);
  return record !== null && (record.validTo === null || record.validTo >= today);
}

/** Trimmed text or null when empty; records an error when longer than `max`. */
function optionalText(e: FieldErrorCollector, path: string, label: string, value: unknown, max: number): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') {
    e.add(path, `${label}: valore non valido.`);
    return null;
  }
  const text = value.trim();
  if (text === '') return null;
  if (text.length > max) e.add(path, `${label}: al massimo ${max} caratteri.`);
  return text;
}

function requiredText(e: FieldErrorCollector, path: string, label: string, value: unknown, max: number): string {
  const text = optionalText(e, path, label, value, max);
  if (text === null && !e.errors[path]) e.add(path, `${label}: campo obbligatorio.`);
  return text ?? '';
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 ]{4,18}[0-9]$/;

export function validateDebtor(e: FieldErrorCollector, input: DebtorInput | undefined, prefix = 'debtor'): Debtor {
  const d = (input ?? {}) as Partial<DebtorInput>;
  const type = d.type;
  if (type !== 'F' && type !== 'G') {
    e.add(`${prefix}.type`, 'Tipo di debitore non valido: F (persona fisica) o G (persona giuridica).');
  }
  const fiscalCode = typeof d.fiscalCode === 'string' ? normalizeFiscalCode(d.fiscalCode) : '';
  // a person may also be identified by 11 digits (e.g. a sole trader's partita IVA); an entity only so
  const check = type === 'G' ? validateLegalFiscalCode(fiscalCode) : validateFiscalCode(fiscalCode);
  if (!check.ok) e.add(`${prefix}.fiscalCode`, check.message);

  const fullName = requiredText(e, `${prefix}.fullName`, 'Nome e cognome o ragione sociale', d.fullName, 70);
  const country = optionalText(e, `${prefix}.country`, 'Nazione', d.country, 2)?.toUpperCase() ?? null;
  if (country !== null && !/^[A-Z]{2}$/.test(country)) {
    e.add(`${prefix}.country`, 'Nazione non valida: usare il codice di due lettere (ad esempio IT).');
  }
  const italian = country === null || country === 'IT';
  const postalCode = optionalText(e, `${prefix}.postalCode`, 'CAP', d.postalCode, 16);
  if (postalCode !== null && italian && !/^[0-9]{5}$/.test(postalCode)) {
    e.add(`${prefix}.postalCode`, 'CAP non valido: servono 5 cifre.');
  }
  const provinceText = optionalText(e, `${prefix}.province`, 'Provincia', d.province, 35);
  const province = provinceText !== null && italian ? provinceText.toUpperCase() : provinceText;
  if (province !== null && italian && !/^[A-Z]{2}$/.test(province)) {
    e.add(`${prefix}.province`, 'Provincia non valida: usare la sigla di due lettere (ad esempio RM).');
  }
  const email = optionalText(e, `${prefix}.email`, 'E-mail', d.email, 256)?.toLowerCase() ?? null;
  if (email !== null && !EMAIL.test(email)) e.add(`${prefix}.email`, 'Indirizzo e-mail non valido.');
  const phone = optionalText(e, `${prefix}.phone`, 'Telefono', d.phone, 20);
  if (phone !== null && !PHONE.test(phone)) {
    e.add(`${prefix}.phone`, 'Numero di telefono non valido: solo cifre, con il prefisso + facoltativo.');
  }
  return {
    type: type === 'G' ? 'G' : 'F',
    fiscalCode,
    fullName,
    address: optionalText(e, `${prefix}.address`, 'Indirizzo', d.address, 70),
    civicNumber: optionalText(e, `${prefix}.civicNumber`, 'Numero civico', d.civicNumber, 16),
    postalCode,
    city: optionalText(e, `${prefix}.city`, 'Comune', d.city, 35),
    province,
    country,
    email,
    phone,
  };
}

export interface ValidationContext {
  ecFiscalCode: string;
  ecName: string;
  today: string;
  ibans: IbanRepository;
  catalogueServiceExists(id: number): boolean;
}

/** The position being edited, when this is an update. */
export interface ExistingPosition {
  status: PositionStatus;
  options: readonly PaymentOption[];
}

export interface ValidOption {
  /** the existing option kept by notice number, on update */
  existingId: number | null;
  kind: OptionKind;
  instalmentNumber: number | null;
  amount: number;
  dueDate: string;
  description: string;
  transfers: Transfer[];
}

export interface ValidPosition {
  iupd: string | null;
  debtor: Debtor;
  companyName: string;
  officeName: string | null;
  catalogueServiceId: number | null;
  validityDate: string | null;
  switchToExpired: boolean;
  options: ValidOption[];
  minDueDate: string;
  maxDueDate: string;
  /** the whole debt: the single payment, or the sum of the instalments */
  totalAmount: number;
}

const IUPD = /^[\x21-\x7E]{1,35}$/;

export function validatePosition(
  input: PositionInput,
  ctx: ValidationContext,
  existing: ExistingPosition | null,
): { ok: true; value: ValidPosition } | { ok: false; fieldErrors: FieldErrors } {
  const e = new FieldErrorCollector();
  let iupd: string | null = null;
  if (existing === null && input.iupd !== undefined && input.iupd !== null) {
    iupd = typeof input.iupd === 'string' ? input.iupd.trim() : '';
    if (!IUPD.test(iupd)) e.add('iupd', 'Codice IUPD non valido: da 1 a 35 caratteri, senza spazi né lettere accentate.');
  }
  const debtor = validateDebtor(e, input.debtor);
  const companyName = optionalText(e, 'companyName', 'Ente creditore', input.companyName, 140) ?? ctx.ecName.slice(0, 140);
  const officeName = optionalText(e, 'officeName', 'Ufficio', input.officeName, 140);

  let catalogueServiceId: number | null = null;
  if (input.catalogueServiceId !== undefined && input.catalogueServiceId !== null) {
    catalogueServiceId = input.catalogueServiceId;
    if (!Number.isSafeInteger(catalogueServiceId) || !ctx.catalogueServiceExists(catalogueServiceId)) {
      e.add('catalogueServiceId', 'Servizio del catalogo non trovato.');
    }
  }
  const switchToExpired = input.switchToExpired === true;

  const options = validateOptions(e, input.options, ctx, existing);
  const dueDates = options.map((o) => o.dueDate).filter(isIsoDate).sort();
  const minDueDate = dueDates[0] ?? ctx.today;
  const maxDueDate = dueDates[dueDates.length - 1] ?? ctx.today;

  let validityDate: string | null = null;
  if (input.validityDate !== undefined && input.validityDate !== null && input.validityDate !== '') {
    validityDate = input.validityDate;
    if (!isIsoDate(validityDate)) {
      e.add('validityDate', 'Data di validità non valida (formato atteso AAAA-MM-GG).');
    } else if (dueDates.length > 0 && validityDate > minDueDate) {
      e.add('validityDate', 'La data di validità non può essere successiva alla prima scadenza.');
    } else if (existing && (existing.status === 'VALID' || existing.status === 'EXPIRED') && validityDate > ctx.today) {
      e.add('validityDate', 'La posizione è già pagabile: la data di validità non può essere spostata nel futuro.');
    }
  }

  if (!e.empty) return { ok: false, fieldErrors: e.errors };
  const hasSingle = options.some((o) => o.kind === 'single');
  const totalAmount = options
    .filter((o) => (hasSingle ? o.kind === 'single' : o.kind === 'instalment'))
    .reduce((sum, o) => sum + o.amount, 0);
  return {
    ok: true,
    value: {
      iupd,
      debtor,
      companyName,
      officeName,
      catalogueServiceId,
      validityDate,
      switchToExpired,
      options,
      minDueDate,
      maxDueDate,
      totalAmount,
    },
  };
}

function validateOptions(
  e: FieldErrorCollector,
  input: PaymentOptionInput[] | undefined,
  ctx: ValidationContext,
  existing: ExistingPosition | null,
): ValidOption[] {
  if (!Array.isArray(input) || input.length === 0) {
    e.add('options', 'Inserire almeno un’opzione di pagamento.');
    return [];
  }
  if (input.length > MAX_OPTIONS) {
    e.add('options', `Al massimo ${MAX_OPTIONS} opzioni di pagamento per posizione.`);
    return [];
  }
  const existingByNotice = new Map((existing?.options ?? []).map((o) => [o.noticeNumber, o]));
  const seenNotices = new Set<string>();
  const options = input.map((o, i) => validateOption(e, o ?? ({} as PaymentOptionInput), `options.${i}`, ctx, existingByNotice, seenNotices));

  const kinds = options.map((o) => o.kind);
  if (kinds.includes('single')) {
    if (options.length > 1) {
      e.add('options', 'Un pagamento in unica soluzione ha una sola opzione di pagamento: per più rate usare un piano rateale.');
    }
    return options;
  }
  const instalments = options.map((o, i) => ({ o, i })).filter(({ o }) => o.kind === 'instalment');
  const rateUniche = options.filter((o) => o.kind === 'rataUnica');
  if (instalments.length < 2) e.add('options', 'Un piano rateale deve avere almeno due rate.');
  if (rateUniche.length > 1) e.add('options', 'Un piano rateale può avere una sola rata unica.');
  if (rateUniche.length > 0 && instalments.length > MAX_INSTALMENTS_WITH_RATA_UNICA) {
    e.add('options', `Con più di ${MAX_INSTALMENTS_WITH_RATA_UNICA} rate non si può offrire la rata unica.`);
  }
  // instalments numbered exactly 1..N, each once
  const numbers = new Map<number, number>();
  for (const { o, i } of instalments) {
    const n = o.instalmentNumber;
    if (n === null) continue;
    if (n < 1 || n > instalments.length || numbers.has(n)) {
      e.add(`options.${i}.instalmentNumber`, `Le rate vanno numerate da 1 a ${instalments.length}, senza salti né ripetizioni.`);
    } else {
      numbers.set(n, i);
    }
  }
  // a later instalment cannot fall due before an earlier one
  let previous: { n: number; due: string } | null = null;
  for (let n = 1; n <= instalments.length; n++) {
    const i = numbers.get(n);
    if (i === undefined) continue;
    const due = options[i]!.dueDate;
    if (!isIsoDate(due)) continue;
    if (previous && due < previous.due) {
      e.add(`options.${i}.dueDate`, `La scadenza della rata ${n} non può precedere quella della rata ${previous.n}.`);
    }
    previous = { n, due };
  }
  return options;
}

function validateOption(
  e: FieldErrorCollector,
  o: PaymentOptionInput,
  path: string,
  ctx: ValidationContext,
  existingByNotice: ReadonlyMap<string, PaymentOption>,
  seenNotices: Set<string>,
): ValidOption {
  let kept: PaymentOption | null = null;
  if (o.noticeNumber !== undefined && o.noticeNumber !== null && o.noticeNumber !== '') {
    const notice = typeof o.noticeNumber === 'string' ? normalizeNoticeNumber(o.noticeNumber) : '';
    kept = existingByNotice.get(notice) ?? null;
    if (!kept) e.add(`${path}.noticeNumber`, 'Questo codice avviso non appartiene alla posizione: per una nuova opzione lasciarlo vuoto.');
    else if (seenNotices.has(notice)) e.add(`${path}.noticeNumber`, 'Lo stesso codice avviso compare in due opzioni.');
    seenNotices.add(notice);
  }

  const kind = (OPTION_KINDS as readonly string[]).includes(o.kind) ? o.kind : null;
  if (kind === null) e.add(`${path}.kind`, 'Tipo di opzione non valido: unica soluzione, rata o rata unica.');
  let instalmentNumber: number | null = null;
  if (kind === 'instalment') {
    if (typeof o.instalmentNumber !== 'number' || !Number.isSafeInteger(o.instalmentNumber)) {
      e.add(`${path}.instalmentNumber`, 'Indicare il numero della rata.');
    } else {
      instalmentNumber = o.instalmentNumber;
    }
  } else if (o.instalmentNumber !== undefined && o.instalmentNumber !== null) {
    e.add(`${path}.instalmentNumber`, 'Il numero di rata si indica solo per le rate.');
  }

  const amount = o.amount;
  const amountOk = typeof amount === 'number' && isValidAmountCents(amount);
  if (!amountOk) e.add(`${path}.amount`, 'Importo non valido: deve essere tra 0,01 € e 999.999.999,99 €.');

  const dueDate = typeof o.dueDate === 'string' ? o.dueDate : '';
  if (!isIsoDate(dueDate)) {
    e.add(`${path}.dueDate`, 'Data di scadenza non valida (formato atteso AAAA-MM-GG).');
  } else if (dueDate < ctx.today && !(kept && kept.dueDate === dueDate)) {
    // an unchanged due date of an option being kept may have passed; a new or moved one may not
    e.add(`${path}.dueDate`, 'La data di scadenza non può essere nel passato.');
  }
  const description = requiredText(e, `${path}.description`, 'Descrizione', o.description, 140);
  const transfers = validateTransfers(e, o.transfers, `${path}.transfers`, ctx);
  if (amountOk && transfers.length > 0 && transfers.every((t) => isValidAmountCents(t.amount))) {
    const sum = transfers.reduce((s, t) => s + t.amount, 0);
    if (sum !== amount) {
      e.add(
        `${path}.transfers`,
        `La somma dei trasferimenti (${formatEuro(sum)}) deve essere uguale all’importo dell’opzione (${formatEuro(amount)}).`,
      );
    }
  }
  return {
    existingId: kept?.id ?? null,
    kind: kind ?? 'single',
    instalmentNumber,
    amount: amountOk ? amount : 0,
    dueDate,
    description,
    transfers,
  };
}

function validateTransfers(e: FieldErrorCollector, input: unknown, path: string, ctx: ValidationContext): Transfer[] {
  if (!Array.isArray(input) || input.length === 0 || input.length > MAX_TRANSFERS) {
    e.add(path, `Servono da 1 a ${MAX_TRANSFERS} trasferimenti.`);
    return [];
  }
  return (input as Array<Partial<Transfer> & { id?: unknown; ecFiscalCode?: unknown }>).map((t, j) => {
    const p = `${path}.${j}`;
    if (t.id !== j + 1) e.add(`${p}.id`, `I trasferimenti vanno numerati da 1 a ${input.length} nell’ordine: questo deve essere il ${j + 1}.`);
    const amount = t.amount;
    if (typeof amount !== 'number' || !isValidAmountCents(amount)) {
      e.add(`${p}.amount`, 'Importo non valido: deve essere tra 0,01 € e 999.999.999,99 €.');
    }
    const ecFiscalCode =
      t.ecFiscalCode === undefined || t.ecFiscalCode === null || t.ecFiscalCode === ''
        ? ctx.ecFiscalCode
        : typeof t.ecFiscalCode === 'string'
          ? normalizeFiscalCode(t.ecFiscalCode)
          : '';
    const primary = ecFiscalCode === ctx.ecFiscalCode;
    if (j === 0 && !primary) {
      e.add(`${p}.ecFiscalCode`, 'Il primo trasferimento spetta all’Ente creditore della posizione: usare il suo codice fiscale.');
    }
    const iban = typeof t.iban === 'string' ? normalizeIban(t.iban) : '';
    const ibanCheck = validateIban(iban);
    if (!ibanCheck.ok) {
      e.add(`${p}.iban`, ibanCheck.message);
    } else if (primary && !ibanCheck.value.isPostal && !isLiveEcIban(ctx.ibans, iban, ctx.today)) {
      e.add(`${p}.iban`, 'IBAN non ammesso: deve essere un IBAN attivo dell’elenco dell’Ente oppure un IBAN postale.');
    }
    if (!primary) {
      const fc = validateLegalFiscalCode(ecFiscalCode);
      if (!fc.ok) e.add(`${p}.ecFiscalCode`, `Codice fiscale dell’Ente beneficiario non valido. ${fc.message}`);
    }
    const remittance = requiredText(e, `${p}.remittance`, 'Causale del trasferimento', t.remittance, 140);
    const taxonomy = typeof t.taxonomy === 'string' ? parseTransferCategory(t.taxonomy) : parseTransferCategory('');
    if (!taxonomy.ok) e.add(`${p}.taxonomy`, taxonomy.message);
    return {
      index: j + 1,
      amount: typeof amount === 'number' ? amount : 0,
      ecFiscalCode,
      iban,
      remittance,
      taxonomy: taxonomy.ok ? taxonomy.value.code : '',
    };
  });
}
