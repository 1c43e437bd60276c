import { formatEuro } from '../../../src-shared/domain/amount';
import type { TestCaseId } from '../../../src-shared/ipc/schemas/testActivities';
import type { Fault } from '../../../src-shared/sanp/messages';
import { TEST_AMOUNT_CENTS } from './testPositions';

export interface TestCaseDef {
  id: TestCaseId;
  title: string;
  /** a failed mandatory case keeps the EC in collaudo */
  mandatory: boolean;
  expected: string;
}

const amount = formatEuro(TEST_AMOUNT_CENTS);

/**
 * The plan, in the order it runs: the happy path on one notice (verify, activate, pay, receipt,
 * receipt again), then the faults the EC must raise itself, then the Nodo's station timeout. The
 * timeout is the Nodo's verdict on the network rather than something the EC answers, so it is
 * reported but does not block production.
 */
export const testPlan: readonly TestCaseDef[] = [
  {
    id: 'verify',
    title: 'Verifica dell’avviso (verifyPaymentNotice → paVerifyPaymentNotice)',
    mandatory: true,
    expected: `OK con importo ${amount} e lo IUV dell’avviso`,
  },
  {
    id: 'activate',
    title: 'Attivazione del pagamento (activatePaymentNoticeV2 → paGetPaymentV2)',
    mandatory: true,
    expected: `OK con un token di pagamento, importo ${amount} e un trasferimento sull’IBAN dell’Ente`,
  },
  {
    id: 'pay',
    title: 'Esito del pagamento (sendPaymentOutcomeV2)',
    mandatory: true,
    expected: 'OK',
  },
  {
    id: 'receipt',
    title: 'Consegna della ricevuta (paSendRTV2)',
    mandatory: true,
    expected: 'La stazione risponde OK; in Sportello la posizione è pagata, con una ricevuta registrata',
  },
  {
    id: 'duplicateReceipt',
    title: 'Ricevuta consegnata una seconda volta (paSendRTV2 ripetuto)',
    mandatory: true,
    expected: 'KO PAA_RECEIPT_DUPLICATA; nessuna nuova ricevuta registrata',
  },
  {
    id: 'expired',
    title: 'Avviso scaduto',
    mandatory: true,
    expected: 'KO PPT_ERRORE_EMESSO_DA_PAA (PAA_PAGAMENTO_SCADUTO)',
  },
  {
    id: 'cancelled',
    title: 'Avviso annullato dall’Ente',
    mandatory: true,
    expected: 'KO PPT_ERRORE_EMESSO_DA_PAA (PAA_PAGAMENTO_ANNULLATO)',
  },
  {
    id: 'unknown',
    title: 'Avviso sconosciuto',
    mandatory: true,
    expected: 'KO PPT_ERRORE_EMESSO_DA_PAA (PAA_PAGAMENTO_SCONOSCIUTO)',
  },
  {
    id: 'stationTimeout',
    title: 'Timeout della stazione',
    mandatory: false,
    expected: 'KO PPT_STAZIONE_INT_PA_TIMEOUT; nessun pagamento avviato',
  },
];

/** "KO PPT_ERRORE_EMESSO_DA_PAA (PAA_PAGAMENTO_SCADUTO)" */
export function describeFault(fault: Fault): string {
  return `KO ${fault.faultCode}${fault.originalFaultCode ? ` (${fault.originalFaultCode})` : ''}`;
}

export function isEcFault(fault: Fault, code: NonNullable<Fault['originalFaultCode']>): boolean {
  return fault.faultCode === 'PPT_ERRORE_EMESSO_DA_PAA' && fault.originalFaultCode === code;
}
