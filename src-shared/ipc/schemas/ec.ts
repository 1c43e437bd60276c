import { z } from 'zod';
import { validateLegalFiscalCode } from '../../domain/fiscalCode';
import { isAllowedSegregationCode } from '../../domain/noticeNumber';
import { text } from './common';

export const environments = ['collaudo', 'esercizio'] as const;
export type Environment = (typeof environments)[number];

export const ecFiscalCode = z
  .string({ error: 'Codice fiscale obbligatorio.' })
  .trim()
  .max(32, { error: 'Codice fiscale non valido.' })
  .transform((v, ctx) => {
    const check = validateLegalFiscalCode(v);
    if (!check.ok) {
      ctx.addIssue({ code: 'custom', message: check.message });
      return z.NEVER;
    }
    return check.value.code;
  });

export const segregationCode = z
  .string({ error: 'Codice di segregazione obbligatorio.' })
  .trim()
  .regex(/^\d{2}$/, { error: 'Il codice di segregazione è di due cifre (00-45).' })
  .refine(isAllowedSegregationCode, {
    error: 'Codice di segregazione non ammesso: usa un valore tra 00 e 45.',
  });

export const ecInput = z.object({
  name: text('Denominazione dell’Ente', 140),
  fiscalCode: ecFiscalCode,
  segregationCode,
});
export type EcInput = z.infer<typeof ecInput>;

export const ecProfile = z.object({
  name: z.string(),
  fiscalCode: z.string(),
  segregationCode: z.string(),
  environment: z.enum(environments),
});
export type EcProfile = z.infer<typeof ecProfile>;
