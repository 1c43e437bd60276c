import { z } from 'zod';
import { isIsoDate } from '../../domain/date';

/** Text from a form: trimmed, bounded so a hostile payload cannot bloat the database. */
export function text(label: string, max: number) {
  return z
    .string({ error: `${label}: campo obbligatorio.` })
    .trim()
    .min(1, { error: `${label}: campo obbligatorio.` })
    .max(max, { error: `${label}: al massimo ${max} caratteri.` });
}

export function optionalText(label: string, max: number) {
  return z
    .string()
    .trim()
    .max(max, { error: `${label}: al massimo ${max} caratteri.` });
}

export const isoDate = z
  .string({ error: 'Data obbligatoria.' })
  .refine(isIsoDate, { error: 'Data non valida (formato atteso AAAA-MM-GG).' });

export const isoInstant = z.string();

export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const email = z
  .string({ error: 'E-mail obbligatoria.' })
  .trim()
  .toLowerCase()
  .max(254, { error: 'E-mail troppo lunga.' })
  .pipe(z.email({ error: 'Indirizzo e-mail non valido.' }));

/** Password policy for staff accounts: long enough to resist guessing, no arbitrary composition rules. */
export const newPassword = z
  .string({ error: 'Password obbligatoria.' })
  .min(10, { error: 'La password deve avere almeno 10 caratteri.' })
  .max(128, { error: 'La password può avere al massimo 128 caratteri.' })
  .refine((p) => /[A-Za-z]/.test(p) && /[0-9]/.test(p), {
    error: 'La password deve contenere almeno una lettera e una cifra.',
  });

/** Adds the "passwords differ" check to an object with password + passwordConfirm. */
export function withPasswordConfirmation<T extends z.ZodObject<{ password: z.ZodType<string>; passwordConfirm: z.ZodType<string> }>>(
  schema: T,
) {
  return schema.refine((v) => v.password === v.passwordConfirm, {
    error: 'Le due password non coincidono.',
    path: ['passwordConfirm'],
  });
}

/** Italian province as its two-letter sigla (RM), upper-cased. */
export const province = z
  .string({ error: 'Provincia obbligatoria.' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, { error: 'Provincia: indicare la sigla di due lettere (es. RM).' });

/** Italian CAP: five digits. */
export const postalCode = z
  .string({ error: 'CAP obbligatorio.' })
  .trim()
  .regex(/^\d{5}$/, { error: 'Il CAP è di 5 cifre.' });

export const noInput = z.undefined();
