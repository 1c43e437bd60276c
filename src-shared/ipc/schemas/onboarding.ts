import { z } from 'zod';
import { apiKeySlots, apiProducts } from '../../onboarding/apiProducts';
import { onboardingStepIds } from '../../onboarding/steps';
import { postalCode, province, text } from './common';
import { validateLegalFiscalCode } from '../../domain/fiscalCode';
import { environments } from './ec';

// --- Registrazione sul Nodo (censimento) ---

export const connectionTypes = ['direct', 'partner'] as const;
export type ConnectionType = (typeof connectionTypes)[number];


/** Empty, or an 11-digit fiscal code that passes the check digit (Italian message from the domain library). */
const optionalLegalFiscalCode = z
  .string()
  .trim()
  .max(32, { error: 'Codice fiscale non valido.' })
  .default('')
  .transform((v, ctx) => {
    if (v === '') return '';
    const check = validateLegalFiscalCode(v);
    if (!check.ok) {
      ctx.addIssue({ code: 'custom', message: check.message });
      return z.NEVER;
    }
    return check.value.code;
  });

/**
 * The form of "Registrazione sul Nodo". The EC's fiscal code and name are not asked: they are the
 * ones the EC was set up with. Flat fields, so each error lands on the input that caused it.
 */
export const registrationInput = z
  .object({
    address: text('Indirizzo', 140),
    city: text('Comune', 70),
    province,
    postalCode,
    /** empty: the same as the address */
    fiscalDomicile: z.string().trim().max(140, { error: 'Domicilio fiscale: al massimo 140 caratteri.' }).default(''),
    connectionType: z.enum(connectionTypes, { error: 'Indica se l’Ente si collega direttamente o tramite un partner tecnologico.' }),
    /** checked on its own, so its error shows with the others; required only with a partner */
    partnerFiscalCode: optionalLegalFiscalCode,
  })
  .transform((v, ctx) => {
    if (v.connectionType === 'direct') return { ...v, partnerFiscalCode: null };
    if (v.partnerFiscalCode === '') {
      ctx.addIssue({ code: 'custom', path: ['partnerFiscalCode'], message: 'Codice fiscale del partner tecnologico obbligatorio.' });
      return z.NEVER;
    }
    return { ...v, partnerFiscalCode: v.partnerFiscalCode };
  });
export type RegistrationInput = z.input<typeof registrationInput>;
export type ParsedRegistrationInput = z.output<typeof registrationInput>;

export const registration = z.object({
  fiscalCode: z.string(),
  name: z.string(),
  address: z.string(),
  city: z.string(),
  province: z.string(),
  postalCode: z.string(),
  fiscalDomicile: z.string().nullable(),
  connectionType: z.enum(connectionTypes),
  partnerFiscalCode: z.string().nullable(),
  brokerFiscalCode: z.string(),
  environment: z.enum(environments),
  registeredAt: z.string(),
  updatedAt: z.string(),
});
export type Registration = z.infer<typeof registration>;

/** What the page needs: the EC as set up locally, and its registration on the Nodo if any. */
export const registrationView = z.object({
  ec: z.object({ fiscalCode: z.string(), name: z.string() }),
  registration: registration.nullable(),
  /** the EC already has stations: the connection can no longer change */
  connectionLocked: z.boolean(),
});
export type RegistrationView = z.infer<typeof registrationView>;

// --- Onboarding status ---

export const onboardingStatus = z.object({
  registered: z.boolean(),
  environment: z.enum(environments),
  nodoApiKey: z.object({
    /** the Nodo has primary and secondary keys for `nodauth` */
    issued: z.boolean(),
    /** both are in the vault (false after a key loss until they are regenerated) */
    stored: z.boolean(),
  }),
  stations: z.object({ total: z.number().int(), active: z.number().int(), inReview: z.number().int(), toFix: z.number().int() }),
  ibans: z.object({
    /** live IBANs in Sportello's list */
    local: z.number().int(),
    /** IBANs the Nodo holds for the EC */
    onNodo: z.number().int(),
    /** the Nodo holds exactly Sportello's live IBANs */
    inSync: z.boolean(),
  }),
});
export type OnboardingStatus = z.infer<typeof onboardingStatus>;

export const onboardingStepId = z.enum(onboardingStepIds);

// --- API keys ---

export const apiProduct = z.enum(apiProducts, { error: 'Prodotto API sconosciuto.' });
export const apiKeySlot = z.enum(apiKeySlots, { error: 'Indicare la chiave primaria o secondaria.' });

export const apiKeySlotView = z.object({
  slot: apiKeySlot,
  /** issued on the Nodo */
  createdAt: z.string().nullable(),
  /** the vault holds it: "Mostra" and "Copia" can work */
  stored: z.boolean(),
});

export const apiKeyProductView = z.object({
  product: apiProduct,
  label: z.string(),
  issued: z.boolean(),
  primary: apiKeySlotView,
  secondary: apiKeySlotView,
});
export type ApiKeyProductView = z.infer<typeof apiKeyProductView>;

export const apiKeyList = z.object({
  registered: z.boolean(),
  products: z.array(apiKeyProductView),
});
export type ApiKeyList = z.infer<typeof apiKeyList>;

export const apiKeyProductInput = z.object({ product: apiProduct });
export const apiKeySlotInput = z.object({ product: apiProduct, slot: apiKeySlot });
export const apiKeyRevealInput = z.object({
  product: apiProduct,
  slot: apiKeySlot,
  /** recorded in the audit log: shown on screen or copied to the clipboard */
  purpose: z.enum(['show', 'copy']),
});
export const apiKeySecret = z.object({ product: apiProduct, slot: apiKeySlot, key: z.string() });

// --- Vault ---

export const vaultStates = ['ok', 'keychainUnavailable', 'keyLost', 'insecureBackend'] as const;

export const vaultStatusView = z.object({
  state: z.enum(vaultStates),
  backendLabel: z.string(),
  backendWarning: z.string().nullable(),
  secretCount: z.number().int(),
  /** credentials that must be regenerated or entered again */
  unreadableCount: z.number().int(),
  /** API keys among them */
  unreadableApiKeys: z.array(z.object({ product: apiProduct, slot: apiKeySlot })),
  errorCode: z.string().nullable(),
  message: z.string().nullable(),
  guidance: z.string().nullable(),
  /** whether "Ripristina l'archivio" applies (the key is lost, or held by another kind of keychain) */
  resettable: z.boolean(),
});
export type VaultStatusView = z.infer<typeof vaultStatusView>;

export const vaultResetInput = z.object({
  /** the person confirmed that unreadable credentials are deleted */
  confirm: z.literal(true, { error: 'Conferma il ripristino dell’archivio.' }),
});
export const vaultResetResult = z.object({
  droppedCount: z.number().int(),
  droppedApiKeys: z.array(z.object({ product: apiProduct, slot: apiKeySlot })),
});

// --- Audit export ---

export const auditExportInput = z.object({ action: z.string().max(64).optional() });
export const auditExport = z.object({
  fileName: z.string(),
  csv: z.string(),
  rows: z.number().int(),
});
