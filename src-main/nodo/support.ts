import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { AppError, type FieldErrors } from '../../src-shared/errors';
import { paaFaultCodes, payerFaultMessages, type PaaFaultCode, type PptFaultCode } from '../../src-shared/sanp/faults';
import type { Fault } from '../../src-shared/sanp/messages';
import type { NetworkResult } from './network';

/** Parses a call's input; a bad one becomes the same typed error the IPC router uses. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '_';
    (fieldErrors[key] ??= []).push(issue.message);
  }
  throw new AppError('IPC_INVALID_INPUT', { fieldErrors });
}

export function invalidField(field: string, message: string): AppError {
  return new AppError('IPC_INVALID_INPUT', { fieldErrors: { [field]: [message] } });
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The Nodo's own identifier as fault emitter. */
export const NODO_ID = 'NodoDeiPagamentiSPC';

export function pptFault(code: PptFaultCode, description?: string): Fault {
  return { faultCode: code, faultString: payerFaultMessages[code], id: NODO_ID, ...(description ? { description } : {}) };
}

const paaCodes: ReadonlySet<string> = new Set(paaFaultCodes);

/** An EC's fault as the Nodo passes it on to the PSP: PPT_ERRORE_EMESSO_DA_PAA with the original inside. */
export function wrapEcFault(ecFault: Fault, ecFiscalCode: string): Fault {
  if (!paaCodes.has(ecFault.faultCode)) {
    return pptFault('PPT_SYSTEM_ERROR', `La stazione dell’Ente ha risposto con un codice non ammesso: ${ecFault.faultCode}.`);
  }
  return {
    faultCode: 'PPT_ERRORE_EMESSO_DA_PAA',
    faultString: payerFaultMessages.PPT_ERRORE_EMESSO_DA_PAA,
    id: ecFiscalCode,
    originalFaultCode: ecFault.faultCode as PaaFaultCode,
    originalFaultString: ecFault.faultString,
    ...(ecFault.description ? { description: ecFault.description } : {}),
  };
}

export function networkFault(result: Extract<NetworkResult<unknown>, { ok: false }>): Fault {
  return pptFault(result.failure, result.description);
}

export function ko(fault: Fault): { outcome: 'KO'; fault: Fault } {
  return { outcome: 'KO', fault };
}
