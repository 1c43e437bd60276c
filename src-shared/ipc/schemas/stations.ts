import { z } from 'zod';
import { segregationCode } from './ec';

/**
 * Stations of the EC on the Nodo dei Pagamenti, as the Referente Tecnico manages them. The broker and
 * the EC come from the EC's registration on the Nodo, never from the form.
 */
export const stationStates = ['In revisione', 'Attiva', 'Da correggere'] as const;
export type StationState = (typeof stationStates)[number];

const stationCode = z.string().trim().regex(/^\d{11}_\d{2}$/, { error: 'Codice stazione non valido.' });

export const stationConnectionInput = z.object({
  protocol: z.enum(['http', 'https'], { error: 'Protocollo: scegliere http o https.' }),
  host: z
    .string({ error: 'Host obbligatorio.' })
    .trim()
    .min(1, { error: 'Host obbligatorio.' })
    .max(253, { error: 'Host troppo lungo: al massimo 253 caratteri.' }),
  port: z
    .number({ error: 'Porta obbligatoria: un numero tra 1 e 65535.' })
    .int({ error: 'La porta è un numero intero.' })
    .min(1, { error: 'Porta non valida: indicare un numero tra 1 e 65535.' })
    .max(65535, { error: 'Porta non valida: indicare un numero tra 1 e 65535.' }),
  path: z
    .string({ error: 'Percorso obbligatorio.' })
    .trim()
    .min(1, { error: 'Percorso obbligatorio (es. /pagopa/nodo).' })
    .max(255, { error: 'Percorso troppo lungo: al massimo 255 caratteri.' }),
});

const timeoutMs = z
  .number({ error: 'Timeout obbligatorio, in millisecondi.' })
  .int({ error: 'Il timeout è un numero intero di millisecondi.' })
  .min(100, { error: 'Timeout troppo breve: almeno 100 ms.' })
  .max(120_000, { error: 'Timeout troppo lungo: al massimo 120.000 ms.' });

export const stationTimeoutsInput = z.object({
  verifyMs: timeoutMs,
  getPaymentMs: timeoutMs,
  sendReceiptMs: timeoutMs,
});

export const stationPasswordInput = z
  .string({ error: 'Password della stazione obbligatoria.' })
  .min(8, { error: 'La password della stazione deve avere almeno 8 caratteri.' })
  .max(64, { error: 'La password della stazione può avere al massimo 64 caratteri.' });

const primitiveVersion = z.union([z.literal(1), z.literal(2)], { error: 'Versione delle primitive: 1 o 2.' });

export const stationCreateInput = z.object({
  connection: stationConnectionInput,
  primitiveVersion,
  password: stationPasswordInput,
  timeouts: stationTimeoutsInput,
  flagStandIn: z.boolean(),
  segregationCode,
  broadcast: z.boolean(),
});
export type StationCreateInput = z.input<typeof stationCreateInput>;

/** Everything but the code is optional: what is left out keeps its value (the password too). */
export const stationUpdateInput = z.object({
  code: stationCode,
  /** the version the user edited: a station changed meanwhile is not overwritten */
  version: z.number().int().min(1),
  connection: stationConnectionInput.optional(),
  primitiveVersion: primitiveVersion.optional(),
  password: stationPasswordInput.optional(),
  timeouts: stationTimeoutsInput.optional(),
  flagStandIn: z.boolean().optional(),
  broadcast: z.boolean().optional(),
});
export type StationUpdateInput = z.input<typeof stationUpdateInput>;

export const stationCodeInput = z.object({ code: stationCode });
export const stationSetEnabledInput = z.object({ code: stationCode, enabled: z.boolean() });

export const stationListInput = z
  .object({
    state: z.enum(stationStates).optional(),
    enabled: z.boolean().optional(),
  })
  .optional();
export type StationListInput = z.input<typeof stationListInput>;

export const stationView = z.object({
  code: z.string(),
  brokerFiscalCode: z.string(),
  enabled: z.boolean(),
  version: z.number().int(),
  primitiveVersion: z.union([z.literal(1), z.literal(2)]),
  connection: z.object({ protocol: z.enum(['http', 'https']), host: z.string(), port: z.number().int(), path: z.string() }),
  /** protocol://host:port/path */
  url: z.string(),
  timeouts: z.object({ verifyMs: z.number().int(), getPaymentMs: z.number().int(), sendReceiptMs: z.number().int() }),
  flagStandIn: z.boolean(),
  state: z.enum(stationStates),
  stateReason: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  auxDigit: z.literal(3),
  segregationCode: z.string(),
  broadcast: z.boolean(),
  /** whether the vault holds the station's password (never the password itself) */
  passwordStored: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StationView = z.infer<typeof stationView>;

/** The list with what the create form needs to know about the EC's registration. */
export const stationList = z.object({
  /** false until the EC is registered on the Nodo: no station can be created before */
  registered: z.boolean(),
  brokerFiscalCode: z.string().nullable(),
  ecSegregationCode: z.string().nullable(),
  /** the code the next station will get (`<broker>_NN`), null when none is left or not registered */
  nextCode: z.string().nullable(),
  stations: z.array(stationView),
});
export type StationList = z.infer<typeof stationList>;
