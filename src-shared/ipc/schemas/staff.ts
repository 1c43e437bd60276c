import { z } from 'zod';
import { staffRoles } from '../../auth/roles';
import { email, id, newPassword, text, withPasswordConfirmation } from './common';

export const staffMember = z.object({
  id: z.number().int(),
  username: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  role: z.enum(staffRoles),
  enabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
});
export type StaffMember = z.infer<typeof staffMember>;

export const staffCreateInput = withPasswordConfirmation(
  z.object({
    firstName: text('Nome', 100),
    lastName: text('Cognome', 100),
    email,
    role: z.enum(staffRoles, { error: 'Ruolo non valido.' }),
    password: newPassword,
    passwordConfirm: z.string(),
  }),
);
export type StaffCreateInput = z.infer<typeof staffCreateInput>;

export const staffSetEnabledInput = z.object({ id, enabled: z.boolean() });
