/** Faults an EC station returns (PAA) and the Nodo returns (PPT), per SANP 3. */
export const paaFaultCodes = [
  'PAA_PAGAMENTO_SCONOSCIUTO',
  'PAA_PAGAMENTO_SCADUTO',
  'PAA_PAGAMENTO_ANNULLATO',
  'PAA_PAGAMENTO_DUPLICATO',
  'PAA_PAGAMENTO_IN_CORSO',
  'PAA_ID_DOMINIO_ERRATO',
  'PAA_STAZIONE_INT_ERRATA',
  'PAA_SEMANTICA',
  'PAA_SYSTEM_ERROR',
  'PAA_RECEIPT_DUPLICATA',
] as const;
export type PaaFaultCode = (typeof paaFaultCodes)[number];

export const pptFaultCodes = [
  'PPT_ERRORE_EMESSO_DA_PAA',
  'PPT_STAZIONE_INT_PA_IRRAGGIUNGIBILE',
  'PPT_STAZIONE_INT_PA_TIMEOUT',
  'PPT_PAGAMENTO_DUPLICATO',
  'PPT_PAGAMENTO_IN_CORSO',
  'PPT_TOKEN_SCONOSCIUTO',
  'PPT_TOKEN_SCADUTO',
  'PPT_ESITO_GIA_ACQUISITO',
  'PPT_ERRORE_IDEMPOTENZA',
  'PPT_DOMINIO_SCONOSCIUTO',
  'PPT_IBAN_NON_CENSITO',
  'PPT_SYSTEM_ERROR',
] as const;
export type PptFaultCode = (typeof pptFaultCodes)[number];

/** What the payer is told, in pagoPA Checkout's words; every message shows the code for support. */
export const payerFaultMessages: Record<PaaFaultCode | PptFaultCode, string> = {
  PAA_PAGAMENTO_SCONOSCIUTO: 'Non riusciamo a trovare l’avviso: controlla il codice avviso e il codice fiscale dell’Ente.',
  PAA_PAGAMENTO_SCADUTO: 'L’avviso è scaduto e non è più possibile pagarlo.',
  PAA_PAGAMENTO_ANNULLATO: 'L’Ente Creditore ha revocato questo avviso.',
  PAA_PAGAMENTO_DUPLICATO: 'Questo avviso è stato già pagato!',
  PAA_PAGAMENTO_IN_CORSO: 'Il pagamento di questo avviso è già in corso: riprova tra qualche minuto.',
  PAA_ID_DOMINIO_ERRATO: 'Il codice fiscale dell’Ente non corrisponde all’avviso.',
  PAA_STAZIONE_INT_ERRATA: 'La stazione dell’Ente non è corretta.',
  PAA_SEMANTICA: 'La richiesta non è corretta.',
  PAA_SYSTEM_ERROR: 'L’Ente Creditore ha avuto un problema tecnico: riprova più tardi.',
  PAA_RECEIPT_DUPLICATA: 'La ricevuta era già stata consegnata.',
  PPT_ERRORE_EMESSO_DA_PAA: 'L’Ente Creditore ha rifiutato la richiesta.',
  PPT_STAZIONE_INT_PA_IRRAGGIUNGIBILE: 'L’Ente Creditore non risponde: riprova più tardi.',
  PPT_STAZIONE_INT_PA_TIMEOUT: 'L’Ente Creditore non risponde: riprova più tardi.',
  PPT_PAGAMENTO_DUPLICATO: 'Questo avviso è stato già pagato!',
  PPT_PAGAMENTO_IN_CORSO: 'Il pagamento di questo avviso è già in corso: riprova tra qualche minuto.',
  PPT_TOKEN_SCONOSCIUTO: 'La sessione di pagamento non esiste.',
  PPT_TOKEN_SCADUTO: 'La sessione di pagamento è scaduta: ricomincia il pagamento.',
  PPT_ESITO_GIA_ACQUISITO: 'L’esito di questo pagamento è già stato registrato.',
  PPT_ERRORE_IDEMPOTENZA: 'La richiesta è stata ripetuta con dati diversi.',
  PPT_DOMINIO_SCONOSCIUTO: 'L’Ente Creditore non è registrato su pagoPA.',
  PPT_IBAN_NON_CENSITO: 'L’IBAN di accredito non è registrato su pagoPA.',
  PPT_SYSTEM_ERROR: 'Si è verificato un errore del sistema pagoPA: riprova più tardi.',
};
