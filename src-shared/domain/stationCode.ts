import type { Check } from './result';
import { fail, ok } from './result';

export type StationCodeInvalidReason = 'EMPTY' | 'FORMAT' | 'NUMBER';

export const stationCodeInvalidMessages: Record<StationCodeInvalidReason, string> = {
  EMPTY: 'Inserire il codice della stazione.',
  FORMAT:
    "Codice stazione non valido: il formato atteso è il codice fiscale dell'intermediario (11 cifre), _ e due cifre, ad esempio 80215430580_01.",
  NUMBER: 'Codice stazione non valido: il numero progressivo deve essere tra 01 e 99.',
};

export const stationCodesExhaustedMessage =
  "Non è possibile creare altre stazioni: l'intermediario ha già usato tutti i codici da 01 a 99.";

export interface StationCode {
  code: string;
  brokerFiscalCode: string;
  /** 1..99 */
  index: number;
}

const BROKER_FISCAL_CODE = /^[0-9]{11}$/;
const STATION_CODE = /^([0-9]{11})_([0-9]{2})$/;

export function parseStationCode(input: string): Check<StationCode, StationCodeInvalidReason> {
  const code = input.trim();
  if (code === '') return fail('EMPTY', stationCodeInvalidMessages);
  const m = STATION_CODE.exec(code);
  if (!m) return fail('FORMAT', stationCodeInvalidMessages);
  const index = Number(m[2]);
  if (index < 1) return fail('NUMBER', stationCodeInvalidMessages);
  return ok({ code, brokerFiscalCode: m[1] ?? '', index });
}

export function stationCodeFor(brokerFiscalCode: string, index: number): string {
  if (!BROKER_FISCAL_CODE.test(brokerFiscalCode)) {
    throw new RangeError("Il codice fiscale dell'intermediario deve essere di 11 cifre.");
  }
  if (!Number.isInteger(index) || index < 1 || index > 99) {
    throw new RangeError(stationCodeInvalidMessages.NUMBER);
  }
  return `${brokerFiscalCode}_${String(index).padStart(2, '0')}`;
}

/**
 * Next station code for a broker: `<fiscal code>_NN` with the first free NN in 01..99 (gaps left by
 * deleted stations are reused). Codes of other brokers in the list are ignored. Throws RangeError with
 * an Italian message when all 99 are taken.
 */
export function nextStationCode(brokerFiscalCode: string, existingCodes: string[]): string {
  const broker = brokerFiscalCode.trim();
  if (!BROKER_FISCAL_CODE.test(broker)) {
    throw new RangeError("Il codice fiscale dell'intermediario deve essere di 11 cifre.");
  }
  const used = new Set<number>();
  for (const existing of existingCodes) {
    const parsed = parseStationCode(existing);
    if (parsed.ok && parsed.value.brokerFiscalCode === broker) used.add(parsed.value.index);
  }
  for (let i = 1; i <= 99; i++) {
    if (!used.has(i)) return stationCodeFor(broker, i);
  }
  throw new RangeError(stationCodesExhaustedMessage);
}
