import { z } from 'zod';
import { optionalText } from './common';

/**
 * What an EC prints on its payment notices (pagoPA guideline 3.4), part of the EC profile and edited
 * by the Referente dei Pagamenti. Empty strings mean "not set".
 */

export const DEFAULT_WHERE_TO_PAY_ONLINE =
  'del tuo Ente Creditore, di Poste Italiane, della tua Banca o degli altri canali di pagamento. Potrai pagare con carte, conto corrente, CBILL.';
export const DEFAULT_WHERE_TO_PAY_PHYSICAL =
  'in tutti gli Uffici Postali, in Banca, in Ricevitoria, dal Tabaccaio, al Bancomat, al Supermercato. Potrai pagare in contanti, con carte o conto corrente.';

/** The logo as a data-free pair: PNG or JPEG bytes in base64, at most 256 KB. */
export const LOGO_MAX_BYTES = 256 * 1024;
export const noticeLogo = z.object({
  mediaType: z.enum(['image/png', 'image/jpeg']),
  dataBase64: z
    .string()
    .max(Math.ceil(LOGO_MAX_BYTES / 3) * 4, { error: 'Il logo può pesare al massimo 256 KB.' })
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, { error: 'Logo non valido.' }),
});
export type NoticeLogo = z.infer<typeof noticeLogo>;

export const noticeSettings = z.object({
  logo: noticeLogo.nullable(),
  /** settore / area / ufficio shown under the EC's name */
  sector: optionalText('Settore', 70),
  /** information for the debtor: office hours, site, phone */
  info: optionalText('Informazioni per il cittadino', 200),
  /** the EC's CBILL code (5 alphanumeric characters) */
  cbill: z
    .string()
    .trim()
    .toUpperCase()
    .refine((v) => v === '' || /^[A-Z0-9]{5}$/.test(v), { error: 'Il codice CBILL è di 5 caratteri alfanumerici.' }),
  /** Poste's authorisation to print the postal bollettino, e.g. "AUT. 08/5 S3/81 53079 08129.07.20211"; empty: no bollettino */
  posteAuthorisation: optionalText('Autorizzazione di Poste Italiane', 80),
  whereToPayOnline: optionalText('Dove pagare: siti e app', 300),
  whereToPayPhysical: optionalText('Dove pagare: sul territorio', 300),
});
export type NoticeSettings = z.infer<typeof noticeSettings>;

export const defaultNoticeSettings: NoticeSettings = {
  logo: null,
  sector: '',
  info: '',
  cbill: '',
  posteAuthorisation: '',
  whereToPayOnline: DEFAULT_WHERE_TO_PAY_ONLINE,
  whereToPayPhysical: DEFAULT_WHERE_TO_PAY_PHYSICAL,
};
