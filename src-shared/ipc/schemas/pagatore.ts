import { z } from 'zod';
import { normalizeFiscalCode, validatePersonFiscalCode } from '../../domain/fiscalCode';
import { ACTIVATION_CODE_LENGTH, PRIVACY_NOTICE_VERSION } from '../../pagatore/privacyNotice';
import { email, id, newPassword, text, withPasswordConfirmation } from './common';
import { printedDocumentFile } from './print';

/** A person's codice fiscale (16 characters, check letter and date verified): accounts are personal. */
export const personFiscalCode = z
  .string({ error: 'Inserire il codice fiscale.' })
  .max(32, { error: 'Codice fiscale non valido.' })
  .transform(normalizeFiscalCode)
  .superRefine((value, ctx) => {
    const check = validatePersonFiscalCode(value);
    if (!check.ok) ctx.addIssue({ code: 'custom', message: check.message });
  });

/** As typed at a kiosk: spaces and a dash between groups are tolerated. */
export const activationCode = z
  .string({ error: 'Inserire il codice di attivazione.' })
  .max(32)
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(new RegExp(`^\\d{${ACTIVATION_CODE_LENGTH}}$`), { error: `Il codice di attivazione è di ${ACTIVATION_CODE_LENGTH} cifre.` }));

export const payerRegisterInput = withPasswordConfirmation(
  z.object({
    fiscalCode: personFiscalCode,
    firstName: text('Nome', 100),
    lastName: text('Cognome', 100),
    email,
    password: newPassword,
    passwordConfirm: z.string(),
    privacyAccepted: z.literal(true, { error: 'Per registrarti devi accettare l’informativa sul trattamento dei dati personali.' }),
    /** the version of the notice the form showed: main refuses a stale one */
    privacyVersion: z.literal(PRIVACY_NOTICE_VERSION, { error: 'L’informativa privacy è stata aggiornata: rileggila e accettala di nuovo.' }),
  }),
);
export type PayerRegisterInput = z.infer<typeof payerRegisterInput>;

export const payerRegistration = z.object({
  fiscalCode: z.string(),
  /** the address the code went to, partly hidden (m••••@esempio.it): enough to recognise it */
  emailHint: z.string(),
  codeExpiresAt: z.string(),
});
export type PayerRegistration = z.infer<typeof payerRegistration>;

export const payerActivateInput = z.object({ fiscalCode: personFiscalCode, code: activationCode });
export const payerResendInput = z.object({ fiscalCode: personFiscalCode });

export const payerSignInInput = z.object({
  fiscalCode: personFiscalCode,
  password: z.string().min(1, { error: 'Inserisci la password.' }).max(128),
});

export const payerSessionUser = z.object({
  id: z.number().int(),
  fiscalCode: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
});
export type PayerSessionUser = z.infer<typeof payerSessionUser>;

export const payerRevokeConsentInput = z.object({ password: z.string().min(1, { error: 'Inserisci la password.' }).max(128) });

export const payerHistoryInput = z.object({
  limit: z.number().int().min(1).max(100).default(20),
  cursor: z.string().regex(/^\d{1,16}$/).nullable().optional(),
});

/** One paid notice in the payer's history: one receipt the EC holds. */
export const payerReceiptRow = z.object({
  /** the receipt's row id: what "Stampa ricevuta" sends back */
  id,
  ecName: z.string(),
  ecFiscalCode: z.string(),
  description: z.string(),
  noticeNumber: z.string(),
  amount: z.number().int(),
  fee: z.number().int(),
  /** when the payer paid, as the PSP stated it */
  paidAt: z.string(),
  pspName: z.string(),
  /** the account holder was the debtor, the one who paid, or both */
  relation: z.enum(['debtor', 'payer', 'both']),
});
export type PayerReceiptRow = z.infer<typeof payerReceiptRow>;
export const payerHistoryPage = z.object({ items: z.array(payerReceiptRow), nextCursor: z.string().nullable() });

/** A notice still to pay, owed by the account holder. */
export const payerOpenNotice = z.object({
  positionId: id,
  ecName: z.string(),
  description: z.string(),
  noticeNumber: z.string(),
  amount: z.number().int(),
  dueDate: z.string(),
});
export type PayerOpenNotice = z.infer<typeof payerOpenNotice>;

export const payerPrintReceiptInput = z.object({ receiptId: id });
export { printedDocumentFile };
