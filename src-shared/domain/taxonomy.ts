import type { Check } from './result';
import { fail, ok } from './result';

export type TaxonomyInvalidReason = 'EMPTY' | 'FORMAT' | 'PREFIX' | 'LEGAL_REASON';

export const taxonomyInvalidMessages: Record<TaxonomyInvalidReason, string> = {
  EMPTY: 'Inserire il codice tassonomico.',
  FORMAT:
    'Codice tassonomico non valido: il formato atteso è 9/ seguito da 7 cifre, dal motivo giuridico e da /, ad esempio 9/0101108TS/.',
  PREFIX: 'Codice tassonomico non valido: deve iniziare con 6/, 7/, 8/ o 9/.',
  LEGAL_REASON: 'Codice tassonomico non valido: il motivo giuridico deve essere IM, TS, SP, SA o AP.',
};

export const LEGAL_REASONS = ['IM', 'TS', 'SP', 'SA', 'AP'] as const;
export type LegalReason = (typeof LEGAL_REASONS)[number];

export const TAXONOMY_PREFIXES = ['6', '7', '8', '9'] as const;
export type TaxonomyPrefix = (typeof TAXONOMY_PREFIXES)[number];

export interface TransferCategory {
  /** Normalized code, e.g. "9/0101108TS/". */
  code: string;
  prefix: TaxonomyPrefix;
  /** 6/, 7/ and 8/ opt the position out of SEPA Request-to-Pay. */
  rtpOptOut: boolean;
  /** Type of creditor body (2 digits). */
  ecType: string;
  /** Macro-area (2 digits). */
  macroArea: string;
  /** Service type (3 digits). */
  serviceType: string;
  legalReason: LegalReason;
  /** ecType + macroArea + serviceType + legalReason, the taxonomy entry without prefix and slashes. */
  taxonomy: string;
}

const SHAPE = /^([0-9])\/([0-9]{2})([0-9]{2})([0-9]{3})([A-Z]{2})\/$/;

export function parseTransferCategory(input: string): Check<TransferCategory, TaxonomyInvalidReason> {
  const code = input.trim().toUpperCase();
  if (code === '') return fail('EMPTY', taxonomyInvalidMessages);
  const m = SHAPE.exec(code);
  if (!m) return fail('FORMAT', taxonomyInvalidMessages);
  const [, prefix = '', ecType = '', macroArea = '', serviceType = '', legalReason = ''] = m;
  if (!(TAXONOMY_PREFIXES as readonly string[]).includes(prefix)) return fail('PREFIX', taxonomyInvalidMessages);
  if (!(LEGAL_REASONS as readonly string[]).includes(legalReason)) {
    return fail('LEGAL_REASON', taxonomyInvalidMessages);
  }
  return ok({
    code,
    prefix: prefix as TaxonomyPrefix,
    rtpOptOut: prefix !== '9',
    ecType,
    macroArea,
    serviceType,
    legalReason: legalReason as LegalReason,
    taxonomy: ecType + macroArea + serviceType + legalReason,
  });
}

/** Same as parseTransferCategory; the name reads better at validation sites. */
export const validateTransferCategory = parseTransferCategory;

export function isValidTransferCategory(input: string): boolean {
  return parseTransferCategory(input).ok;
}
