import { z } from 'zod';
import { staffRoles } from '../../auth/roles';
import { email, newPassword, noInput, text, withPasswordConfirmation } from './common';
import { ecInput, ecProfile } from './ec';
import { payerSessionUser } from './pagatore';

export const sessionUser = z.object({
  id: z.number().int(),
  username: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  role: z.enum(staffRoles),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const appStatus = z.object({
  setupDone: z.boolean(),
  ec: ecProfile.nullable(),
  user: sessionUser.nullable(),
  /** the signed-in payer (Pagatore) of this window; null whenever `user` is set */
  payer: payerSessionUser.nullable(),
  idleTimeoutMinutes: z.number().int(),
  version: z.string(),
});
export type AppStatus = z.infer<typeof appStatus>;

export const signInInput = z.object({
  username: z.string().trim().toLowerCase().min(1, { error: 'Inserisci il nome utente.' }).max(254),
  password: z.string().min(1, { error: 'Inserisci la password.' }).max(128),
});

export const setupInput = z.object({
  ec: ecInput,
  admin: withPasswordConfirmation(
    z.object({
      firstName: text('Nome', 100),
      lastName: text('Cognome', 100),
      email,
      password: newPassword,
      passwordConfirm: z.string(),
    }),
  ),
});
export type SetupInput = z.infer<typeof setupInput>;

export { noInput };
