import { z } from 'zod';
import { optionalText } from './common';

/**
 * What an EC prints on its payment notices (pagoPA guideline 3.4), part of the EC profile and edited
 * by the Referente dei Pagamenti. Empty strings mean "not set".
 */

/**
 * "Dove pagare" is fixed text the EC may not alter; it may only name its own channels where the
 * guideline leaves room (ENTE.CANALE.ONLINE, ENTE.CANALE.FISICO): its site and/or app, and a counter.
 */
export const ONLINE_CHANNELS = ['none', 'site', 'app', 'siteOrApp'] as const;
export type OnlineChannel = (typeof ONLINE_CHANNELS)[number];
/** ENTE.CANALE.FISICO: at most 50 characters */
export const PHYSICAL_CHANNEL_MAX = 50;

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
  /** whether the notice can be paid on the EC's own site or app */
  onlineChannel: z.enum(ONLINE_CHANNELS, { error: 'Scegli se si può pagare sul sito o sull’app dell’Ente.' }),
  /** the EC's own counter where the notice can be paid, e.g. "Presso Lo Sportello Tributi"; empty: none */
  physicalChannel: optionalText('Sportello dell’Ente', PHYSICAL_CHANNEL_MAX),
});
export type NoticeSettings = z.infer<typeof noticeSettings>;

export const defaultNoticeSettings: NoticeSettings = {
  logo: null,
  sector: '',
  info: '',
  cbill: '',
  posteAuthorisation: '',
  onlineChannel: 'none',
  physicalChannel: '',
};
