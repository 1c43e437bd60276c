/**
 * Stable error codes with the Italian message a user sees. Codes never change once released:
 * support staff and tests rely on them; messages may be reworded.
 */
export const errorMessages = {
  IPC_UNKNOWN_CHANNEL: 'Operazione sconosciuta.',
  IPC_INVALID_INPUT: 'Alcuni dati non sono validi: controlla i campi evidenziati.',
  IPC_UNAVAILABLE: 'Sportello non risponde: controlla che l’applicazione sia ancora in esecuzione e riprova.',
  IPC_FORBIDDEN_SENDER: 'Richiesta rifiutata: origine non autorizzata.',
  AUTH_REQUIRED: 'Accedi per continuare.',
  AUTH_FORBIDDEN: 'Non hai i permessi per questa operazione.',
  AUTH_INVALID_CREDENTIALS: 'E-mail o password non corretti.',
  AUTH_LOCKED: 'Account bloccato per troppi tentativi non riusciti. Riprova più tardi.',
  AUTH_DISABLED: 'Questo account è disabilitato. Rivolgiti al Referente dei Pagamenti.',
  AUTH_SESSION_EXPIRED: 'La sessione è scaduta per inattività. Accedi di nuovo.',
  SETUP_ALREADY_DONE: 'La configurazione iniziale è già stata completata.',
  SETUP_REQUIRED: 'Completa prima la configurazione iniziale dell’Ente.',
  STAFF_USERNAME_TAKEN: 'Esiste già un utente con questo indirizzo e-mail.',
  STAFF_NOT_FOUND: 'Utente non trovato.',
  STAFF_SELF_DISABLE: 'Non puoi disabilitare il tuo stesso account.',
  STAFF_LAST_ADMIN: 'Deve restare almeno un Referente dei Pagamenti attivo.',
  IBAN_DUPLICATE: 'Questo IBAN è già presente nell’elenco dell’Ente.',
  IBAN_NOT_FOUND: 'IBAN non trovato.',
  IBAN_DELETION_NOT_SCHEDULED: 'Per questo IBAN non è programmata alcuna cancellazione.',
  IBAN_DELETED: 'Questo IBAN è stato cancellato e non si può più modificare.',
  DATA_CONFLICT: 'I dati sono stati modificati nel frattempo: ricarica la pagina e riprova.',
  DB_NEWER_VERSION: 'Il database è stato creato da una versione più recente di Sportello: aggiorna l’applicazione.',
  DB_DAMAGED: 'Il database dei dati è danneggiato. Nessuna modifica è stata fatta: ripristina l’ultima copia di sicurezza.',
  RECON_WRONG_RECEIVER: 'Il flusso di rendicontazione è destinato a un altro Ente: non è stato importato.',
  RECON_STALE_REVISION: 'Di questo flusso è già stata importata una revisione più recente: questa non è stata importata.',
  INTERNAL: 'Si è verificato un errore imprevisto. Riprova; se il problema persiste contatta l’assistenza.',
  NODO_EC_NOT_REGISTERED: 'L’Ente non è registrato sul Nodo dei Pagamenti: completa prima il censimento.',
  NODO_BROKER_MISMATCH: 'L’intermediario indicato non è quello con cui l’Ente è collegato al Nodo dei Pagamenti.',
  NODO_STATION_NOT_FOUND: 'Stazione non trovata.',
  NODO_STATION_CODES_EXHAUSTED: 'Non è possibile creare altre stazioni: l’intermediario ha già usato tutti i codici da 01 a 99.',
  NODO_SEGREGATION_CODE_TAKEN: 'Il codice di segregazione è già associato a un’altra stazione dell’Ente.',
  NODO_API_KEYS_ALREADY_ISSUED: 'Le chiavi API per questo prodotto sono già state generate: usa «Rigenera».',
  NODO_API_KEYS_NOT_ISSUED: 'Le chiavi API per questo prodotto non sono ancora state generate.',
  NODO_ONBOARDING_INCOMPLETE: 'Per passare in esercizio servono una stazione attiva e la chiave API di connessione al Nodo.',
  NODO_FLOW_NOT_FOUND: 'Flusso di rendicontazione non trovato.',
  NODO_UNAVAILABLE: 'Il Nodo dei Pagamenti non ha risposto. Riprova: una richiesta ripetuta non viene eseguita due volte.',
  POSITION_NOT_FOUND: 'Posizione debitoria non trovata.',
  POSITION_IUPD_TAKEN: 'Esiste già una posizione debitoria con questo codice identificativo (IUPD).',
  POSITION_NOT_EDITABLE: 'Questa posizione debitoria non si può più modificare: è annullata, pagata o rendicontata.',
  POSITION_STATUS_CONFLICT: 'Operazione non consentita nello stato attuale della posizione debitoria.',
  CATALOGUE_SERVICE_NOT_FOUND: 'Servizio del catalogo non trovato.',
  CATALOGUE_CODE_TAKEN: 'Esiste già un servizio del catalogo con questo codice.',
  CATALOGUE_SERVICE_IN_USE: 'Il servizio è usato da posizioni debitorie e non si può cancellare: disattivalo.',
  SPONTANEOUS_NOT_ALLOWED: 'Questo servizio non consente pagamenti spontanei.',
  NOTICE_NUMBERS_EXHAUSTED: 'Sono esauriti i codici avviso per il codice di segregazione dell’Ente.',
  VAULT_KEYCHAIN_UNAVAILABLE: 'Il portachiavi del sistema operativo non è raggiungibile: le credenziali protette non si possono leggere né salvare. Verifica che il servizio portachiavi sia attivo e riprova.',
  VAULT_KEYCHAIN_LOCKED: 'Il portachiavi del sistema operativo è bloccato: sbloccalo (di solito con la password di accesso al computer) e riprova.',
  VAULT_KEY_LOST: 'La chiave che protegge le credenziali salvate non è più nel portachiavi del sistema operativo, o è cambiata: le credenziali esistenti non si possono leggere. Un Referente dei Pagamenti può ripristinare l’archivio e inserirle di nuovo.',
  VAULT_SECRET_CORRUPT: 'Una credenziale salvata è danneggiata o è stata alterata e non si può leggere: inseriscila di nuovo.',
  VAULT_INSECURE_BACKEND: 'Su questo computer non c’è un portachiavi sicuro: le credenziali sarebbero protette solo in apparenza. Configura un portachiavi (GNOME Keyring o KWallet) oppure, se l’amministratore lo accetta espressamente, abilita la modalità non sicura.',
  VAULT_KEYSTORE_MISMATCH: 'Le credenziali di questo archivio sono protette da un altro portachiavi (ad esempio sono state salvate dalla riga di comando e ora si usa l’applicazione desktop): apri Sportello nello stesso modo, oppure un Referente dei Pagamenti può ripristinare l’archivio.',
  SIMULATION_NO_IBANS: 'L’Ente non ha IBAN attivi: aggiungine almeno uno nel Back Office prima di generare dati di simulazione.',
  SIMULATION_STATION_NOT_ACTIVE: 'La stazione dell’Ente sul Nodo dei Pagamenti non è attiva: la simulazione dei pagamenti non può partire.',
  SIMULATION_NOTHING_TO_PAY: 'Non ci sono avvisi pagabili da simulare: genera prima delle posizioni debitorie («sportello seed»).',
  SIMULATION_INCONSISTENT: 'Dopo la simulazione i dati di Sportello e del Nodo dei Pagamenti non sono coerenti: vedi il dettaglio.',
  PRINT_NOT_PRINTABLE: 'Per questa posizione non si può stampare l’avviso di pagamento.',
  PRINT_NO_RECEIPT: 'Per questa posizione non c’è una ricevuta di pagamento da stampare.',
  PRINT_JOB_NOT_FOUND: 'Lavoro di stampa non trovato: potrebbe essere già terminato.',
  PRINT_JOB_RUNNING: 'È già in corso una stampa massiva: attendi che finisca o annullala.',
  PRINT_FAILED: 'La stampa non è riuscita: riprova; se il problema persiste contatta l’assistenza.',
  DELIVERY_NOT_SUPPORTED: 'Questa operazione non è disponibile in questa modalità di Sportello.',
  DELIVERY_DOCUMENT_NOT_FOUND: 'Documento non trovato: preparalo di nuovo con «Stampa avviso» o «Stampa ricevuta».',
  DELIVERY_PRINTER_NOT_FOUND: 'La stampante scelta non è più disponibile: scegline un’altra.',
  DELIVERY_SAVE_FAILED: 'Il documento non si è potuto salvare nella cartella scelta: controlla di poterci scrivere e che ci sia spazio libero.',
  DELIVERY_OPEN_FAILED: 'Il documento non si è potuto aprire: controlla che sul computer ci sia un programma per i file PDF.',
  CLI_USAGE: 'Comando o opzioni non validi: «sportello help» mostra come usarli.',
  CLI_FILE_UNREADABLE: 'Il file indicato non si può leggere o non contiene dati validi.',
  // onboarding: stations, test activities, esercizio
  TEST_PLAN_RUNNING: 'Un collaudo è già in corso: attendi che finisca.',
  TEST_PLAN_NO_STATION: 'Nessuna stazione dell’Ente serve il suo codice di segregazione: creala prima di avviare il collaudo.',
  TEST_PLAN_STATION_NOT_ACTIVE: 'La stazione dell’Ente non è attiva e abilitata: verificane la connessione («Verifica URL») prima di avviare il collaudo.',
  TEST_PLAN_NO_IBAN: 'L’Ente non ha IBAN attivi: il Referente dei Pagamenti deve registrarne almeno uno prima del collaudo.',
  TEST_PLAN_NOT_PASSED: 'Per passare in esercizio l’ultima esecuzione del collaudo deve aver superato tutti i casi obbligatori: avvia prima le attività di collaudo.',
  TEST_RUN_NOT_FOUND: 'Esecuzione del collaudo non trovata.',
  TEST_PLAN_IN_ESERCIZIO: 'L’Ente è in esercizio: le attività di collaudo creano avvisi e pagamenti di prova e si eseguono solo in collaudo. Il Referente dei Pagamenti può riportare l’Ente in collaudo.',
  // onboarding: registration, API keys (part A)
  ONBOARDING_NOT_REGISTERED: 'L’Ente non è ancora registrato sul Nodo dei Pagamenti: il Referente dei Pagamenti deve completare prima la «Registrazione sul Nodo».',
  API_KEY_NOT_STORED: 'Questa chiave API non è nell’archivio delle credenziali di Sportello (ad esempio dopo il ripristino dell’archivio): usa «Rigenera» per averne una nuova.',
  VAULT_NOT_READY: 'L’archivio delle credenziali non è utilizzabile in questo momento: segui le indicazioni mostrate nella pagina e riprova.',
  VAULT_RESET_NOT_NEEDED: 'L’archivio delle credenziali non ha bisogno di essere ripristinato.',
  // Pagatore: payer accounts, history, receipts
  PAYER_FISCAL_CODE_TAKEN: 'Con questo codice fiscale è già registrato un account: accedi, oppure, se non l’hai ancora attivato, chiedi un nuovo codice di attivazione.',
  PAYER_ACTIVATION_INVALID: 'Codice fiscale o codice di attivazione non corretti.',
  PAYER_ACTIVATION_EXPIRED: 'Il codice di attivazione è scaduto: chiedine uno nuovo.',
  PAYER_ACTIVATION_EXHAUSTED: 'Troppi tentativi con questo codice di attivazione: chiedine uno nuovo.',
  PAYER_RESEND_TOO_SOON: 'Un codice di attivazione è appena stato inviato: attendi qualche minuto prima di chiederne un altro.',
  PAYER_RESEND_LIMIT: 'Hai chiesto troppi codici di attivazione oggi: riprova domani o rivolgiti allo sportello.',
  PAYER_INVALID_CREDENTIALS: 'Codice fiscale o password non corretti.',
  PAYER_NOT_ACTIVE: 'L’account non è ancora attivo: inserisci il codice di attivazione ricevuto per e-mail.',
  PAYER_ACCOUNT_CLOSED: 'Questo account è stato chiuso: per usare di nuovo i servizi del Pagatore serve una nuova registrazione.',
  PAYER_WRONG_PASSWORD: 'La password non è corretta.',
  PAYER_RECEIPT_NOT_FOUND: 'Ricevuta non trovata tra i tuoi pagamenti.',
  MAIL_OUTBOX_FAILED: 'Il messaggio di posta non si è potuto preparare nella cartella della posta in uscita: controlla che ci sia spazio libero e riprova.',
  CLI_NO_DATA: 'Nella cartella indicata non ci sono dati di Sportello: indica quella giusta con --data-dir, oppure aggiungi --demo per crearla con l’Ente dimostrativo.',
} as const;

export type ErrorCode = keyof typeof errorMessages;

/** field path (dot separated) -> Italian messages */
export type FieldErrors = Record<string, string[]>;

export interface AppErrorPayload {
  code: ErrorCode;
  message: string;
  fieldErrors?: FieldErrors;
}

/** An error meant for the user: thrown by services, turned into `{ ok: false, error }` by the router. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors: FieldErrors | undefined;

  constructor(code: ErrorCode, options: { message?: string; fieldErrors?: FieldErrors } = {}) {
    super(options.message ?? errorMessages[code]);
    this.name = 'AppError';
    this.code = code;
    this.fieldErrors = options.fieldErrors;
  }

  toPayload(): AppErrorPayload {
    return {
      code: this.code,
      message: this.message,
      ...(this.fieldErrors ? { fieldErrors: this.fieldErrors } : {}),
    };
  }
}

/** A single-field validation failure raised by a service after zod passed (duplicates, cross-row rules). */
export function fieldError(code: ErrorCode, field: string, message: string): AppError {
  return new AppError(code, { fieldErrors: { [field]: [message] } });
}
