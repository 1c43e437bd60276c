import { z } from 'zod';
import { flowOutcomeCodes, type Flow } from '../nodo/nodoClient';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Data non valida (AAAA-MM-GG).' });

/**
 * A settlement flow (FdR) as the EC receives it, from the Nodo's API or from a file: checked at the
 * edge, field by field, before anything is matched.
 */
export const settlementFlow = z.object({
  identificativoFlusso: z.string().min(1).max(70),
  revision: z.number().int().min(1).default(1),
  dataOraFlusso: z.string().min(1).max(40),
  dataRegolamento: isoDate,
  identificativoUnivocoRegolamento: z.string().min(1).max(70),
  idPSP: z.string().min(1).max(35),
  pspName: z.string().min(1).max(140),
  receiverFiscalCode: z.string().regex(/^\d{11}$/, { error: 'Codice fiscale del ricevente non valido.' }),
  iban: z.string().min(15).max(34),
  totalPayments: z.number().int().min(0),
  totalAmount: z.number().int().min(0),
  bankTransfer: z
    .object({
      iban: z.string().min(15).max(34),
      amount: z.number().int().min(0),
      date: isoDate,
      remittanceInformation: z.string().max(140),
    })
    .optional(),
  lines: z
    .array(
      z.object({
        iuv: z.string().min(1).max(35),
        iur: z.string().min(1).max(35),
        transferIndex: z.number().int().min(1).max(5),
        amount: z.number().int(),
        outcomeCode: z.literal(flowOutcomeCodes, { error: 'Codice esito non valido (ammessi 0, 3, 4, 8, 9).' }),
        outcomeDate: isoDate,
      }),
    )
    .max(500_000, { error: 'Il flusso ha troppe righe.' }),
});
export type SettlementFlow = z.output<typeof settlementFlow>;

/** A flow fetched from the Nodo is already in this shape: the compiler keeps the two in step. */
export const nodoFlowFits: Flow extends z.input<typeof settlementFlow> ? true : never = true;

const remittancePrefix = '/PUR/LGPE-RIVERSAMENTO/URI/';

/** The flow id in a bank transfer's remittance text, or null when it is not a pagoPA settlement transfer. */
export function flowIdFromRemittance(remittance: string): string | null {
  const text = remittance.trim();
  return text.startsWith(remittancePrefix) && text.length > remittancePrefix.length ? text.slice(remittancePrefix.length) : null;
}
