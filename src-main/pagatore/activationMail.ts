import { ACTIVATION_CODE_TTL_HOURS } from '../../src-shared/pagatore/privacyNotice';
import { formatItalianDateTime } from '../../src-shared/domain/date';
import type { MailMessage } from '../mail/pickupOutbox';

/**
 * The sender of Sportello's own messages. The relay that drains the pickup folder usually sends
 * as the EC's domain and may rewrite it; the display name says which EC the message is from.
 */
export const OUTBOX_SENDER = 'noreply@sportello.local';

/** "1234 5678": easier to read off a phone and type at a kiosk. */
export function groupCode(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, '$1 ');
}

export interface ActivationMailInput {
  ecName: string;
  to: { name: string; address: string };
  fiscalCode: string;
  code: string;
  expiresAt: string;
  date: Date;
  /** a re-sent code: the message says the earlier one no longer works */
  resent: boolean;
}

/** The activation message, in Italian, with the code and how long it lasts. */
export function activationMail(m: ActivationMailInput): MailMessage {
  const lines = [
    `Gentile ${m.to.name},`,
    '',
    m.resent
      ? `ecco il nuovo codice per attivare il tuo account del Pagatore di ${m.ecName} (codice fiscale ${m.fiscalCode}). Il codice inviato in precedenza non è più valido.`
      : `grazie per esserti registrato al Pagatore di ${m.ecName} con il codice fiscale ${m.fiscalCode}.`,
    '',
    'Il tuo codice di attivazione è:',
    '',
    `    ${groupCode(m.code)}`,
    '',
    `Inseriscilo nella pagina «Attiva l’account» entro ${ACTIVATION_CODE_TTL_HOURS} ore (scade il ${formatItalianDateTime(m.expiresAt, ' alle ')}).`,
    'Poi potrai accedere con il tuo codice fiscale e la password che hai scelto.',
    '',
    'Se non hai chiesto tu la registrazione, ignora questo messaggio: senza il codice l’account non viene attivato.',
    '',
    `${m.ecName} – Sportello pagoPA`,
    'Messaggio automatico: non rispondere a questo indirizzo.',
  ];
  return {
    from: { name: `${m.ecName} – Sportello pagoPA`, address: OUTBOX_SENDER },
    to: m.to,
    subject: m.resent ? 'Nuovo codice di attivazione del tuo account' : 'Codice di attivazione del tuo account',
    text: lines.join('\n'),
    date: m.date,
  };
}
