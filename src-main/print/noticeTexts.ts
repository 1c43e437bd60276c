import type { OnlineChannel } from '../../src-shared/ipc/schemas/noticeSettings';

/**
 * The fixed texts of the payment notice. Where pagoPA's guideline fixes a printed text (the Italian
 * strings of the models, version 3.2, and "Dove pagare", which says not to alter it) it is that
 * text, titles in capitals as the models print them; the few texts of ours are marked as such.
 */
export const NOTICE_TEXT = {
  title: 'AVVISO DI PAGAMENTO',
  ec: 'ENTE CREDITORE',
  debtor: 'DESTINATARIO',
  fiscalCode: 'Cod. Fiscale',
  amountTitle: 'QUANTO E QUANDO PAGARE?',
  euro: 'Euro',
  due: 'entro il',
  legal:
    'In fase di pagamento, se previsto dall’ente, l’importo potrebbe essere aggiornato automaticamente e subire variazioni in diminuzione (per sgravi, note di credito) o in aumento (per sanzioni, interessi, ecc.).',
  manyInstalments: 'Importi e scadenze sono riportati nel dettaglio di ogni singola rata.',
  whereTitle: 'DOVE PAGARE?',
  whereLink: 'vai su pagopa.gov.it',
  onlineTitle: 'PAGA CON L’APP IO',
  online: 'oppure dal tuo Home Banking, con la tua app di pagamento o con gli altri canali abilitati.',
  physicalTitle: 'PAGA SUL TERRITORIO',
  physical:
    'presso Banche e Sportelli ATM, negli Uffici Postali e Punti Postali, nei Bar, Edicole, Ricevitorie, Supermercati, Tabaccherie e altri Esercenti Convenzionati.',
  paymentTitle: 'DATI PER IL PAGAMENTO',
  // the data sit beside the QR code in every block we print, so always the "accanto" variant
  qrHint: 'Inquadra il codice QR con la tua app di pagamento o usa i dati accanto.',
  recipient: 'Destinatario',
  payee: 'Ente Creditore',
  subject: 'Oggetto del pagamento',
  cbill: 'Codice CBILL',
  noticeCode: 'Codice Avviso',
  ecFiscalCode: 'Codice Fiscale Ente',
  rataUnica: 'RATA UNICA',
  // guideline 2.x wording (3.2 has none): which part of the sheet to take to the counter
  usePortion: 'Utilizza la porzione di avviso relativa al canale di pagamento che preferisci.',
  usePortionPlan: 'Utilizza la porzione di avviso relativa alla rata e al canale di pagamento che preferisci.',
  postalTitle: 'BOLLETTINO POSTALE PA',
} as const;

const ONLINE_PLACES: Record<Exclude<OnlineChannel, 'none'>, string> = {
  site: 'sul sito di',
  app: 'sull’app di',
  siteOrApp: 'sul sito o app di',
};

/** "PAGA CON L'APP IO": the fixed text, with ENTE.CANALE.ONLINE when the EC's site or app takes payments. */
export function onlineChannelsText(channel: OnlineChannel, ecName: string): string {
  if (channel === 'none') return NOTICE_TEXT.online;
  return NOTICE_TEXT.online.replace(/^oppure /, `oppure ${ONLINE_PLACES[channel]} ${ecName}, `);
}

/** "PAGA SUL TERRITORIO": the fixed text, led by ENTE.CANALE.FISICO when the EC has a counter of its own. */
export function physicalChannelsText(counter: string): string {
  return counter === '' ? NOTICE_TEXT.physical : `${counter}, ${NOTICE_TEXT.physical}`;
}

/** AVVISO.RATE.INFO: only printed with 2 or more instalments to choose from. */
export function instalmentsInfo(count: number, withRataUnica: boolean): string | null {
  if (count < 2) return null;
  return withRataUnica ? `Puoi pagare per intero o in ${count} rate.` : `Puoi pagare in ${count} rate.`;
}
