import { z } from 'zod';

/**
 * How a produced PDF reaches the person: what the host offers (web: download; desktop: save to a
 * folder, open in the system viewer, print; kiosk: print to the default printer only) and the
 * channels that act on a document. A document is named by the core's own ids, never by a path.
 */

export const printMode = z.enum([
  /** no printing from Sportello (web host: the browser's own viewer prints the download) */
  'none',
  /** the person picks one of the system's printers */
  'choosePrinter',
  /** kiosk: straight to the system's default printer, no dialog */
  'defaultPrinter',
]);
export type PrintMode = z.infer<typeof printMode>;

export const deliveryCapabilities = z.object({
  download: z.boolean(),
  saveToFolder: z.boolean(),
  openInViewer: z.boolean(),
  print: printMode,
});
export type DeliveryCapabilities = z.infer<typeof deliveryCapabilities>;

/** Ids the core handed out: a single notice or receipt, or one file of a batch print job. */
export const documentRef = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('document'), documentId: z.string().regex(/^[a-f0-9]{32}$/, { error: 'Documento non valido.' }) }),
  z.object({ kind: z.literal('batchFile'), jobId: z.string().min(1).max(64), index: z.number().int().min(0).max(100_000) }),
]);
export type DocumentRef = z.infer<typeof documentRef>;

export const deliveryInput = z.object({ document: documentRef });
export const deliveryPrintInput = z.object({
  document: documentRef,
  /** the system name of the printer (PrinterEntry.name); omitted: the default printer */
  deviceName: z.string().trim().min(1).max(256).optional(),
});

export const printerEntry = z.object({
  /** the name the OS knows the printer by, what `deviceName` takes */
  name: z.string(),
  displayName: z.string(),
  isDefault: z.boolean(),
});
export type PrinterEntry = z.infer<typeof printerEntry>;
export const printerList = z.object({ printers: z.array(printerEntry) });

export const savedDocument = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('saved'), path: z.string() }),
  /** the person closed the folder dialog: nothing was written */
  z.object({ outcome: z.literal('cancelled') }),
]);
export type SavedDocument = z.infer<typeof savedDocument>;

export const printedDocument = z.object({
  /** the printer's display name; null when the system's default printer took it without saying which */
  printer: z.string().nullable(),
});
export type PrintedDocument = z.infer<typeof printedDocument>;
