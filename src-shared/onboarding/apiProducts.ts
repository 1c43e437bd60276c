/**
 * The pagoPA products an EC gets API keys for (DOMAIN.md): one list for the IPC contract, the renderer
 * and the mock Nodo.
 */
export const apiProducts = ['nodauth', 'gpd', 'gpdrep', 'gpdpay', 'biz', 'fdrorg', 'printnotice', 'aca', 'mbd'] as const;
export type ApiProduct = (typeof apiProducts)[number];

export const apiKeySlots = ['primary', 'secondary'] as const;
export type ApiKeySlot = (typeof apiKeySlots)[number];

/** The key the Nodo connection needs: onboarding step 2. */
export const NODO_API_PRODUCT: ApiProduct = 'nodauth';

/** Names as pagoPA's back office shows them. */
export const apiProductLabels: Record<ApiProduct, string> = {
  nodauth: 'Connessione con Nodo',
  gpd: 'GPD - Posizioni Debitorie',
  gpdrep: 'GPD - Rendicontazione',
  gpdpay: 'GPD - Recupero ricevute',
  biz: 'BIZ Ricevute EC',
  fdrorg: 'FdR - Flussi di Rendicontazione EC',
  printnotice: 'Stampa Avvisi',
  aca: 'ACA',
  mbd: '@e.bollo',
};
