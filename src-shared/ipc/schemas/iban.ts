import { z } from 'zod';
import { validateIban } from '../../domain/iban';
import { compareIsoDate } from '../../domain/date';
import { id, isoDate, optionalText } from './common';

export const ibanCode = z
  .string({ error: 'IBAN obbligatorio.' })
  .max(64, { error: 'IBAN non valido: troppo lungo.' })
  .transform((v, ctx) => {
    const check = validateIban(v);
    if (!check.ok) {
      ctx.addIssue({ code: 'custom', message: check.message });
      return z.NEVER;
    }
    return check.value.iban;
  });

const validity = {
  description: optionalText('Descrizione', 140),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
};

function validToAfterFrom<T extends { validFrom: string; validTo: string | null }>(v: T): boolean {
  return v.validTo === null || compareIsoDate(v.validTo, v.validFrom) >= 0;
}
const validToMessage = { error: 'La fine validità non può precedere l’inizio.', path: ['validTo'] };

export const ibanCreateInput = z
  .object({ iban: ibanCode, ...validity })
  .refine(validToAfterFrom, validToMessage);
export type IbanCreateInput = z.infer<typeof ibanCreateInput>;

export const ibanUpdateInput = z
  .object({ id, ...validity })
  .refine(validToAfterFrom, validToMessage);
export type IbanUpdateInput = z.infer<typeof ibanUpdateInput>;

export const ibanScheduleDeletionInput = z.object({ id, date: isoDate });
export const ibanIdInput = z.object({ id });

export const ibanStatuses = ['active', 'notYetValid', 'expired', 'deletionScheduled'] as const;
export type IbanStatus = (typeof ibanStatuses)[number];

export const ibanEntry = z.object({
  id: z.number().int(),
  iban: z.string(),
  description: z.string(),
  isPostal: z.boolean(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  deletionDate: z.string().nullable(),
  status: z.enum(ibanStatuses),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type IbanEntry = z.infer<typeof ibanEntry>;
