import { create } from 'zustand';
import type { DeliveryCapabilities } from '../../src-shared/ipc/schemas/delivery';
import { api } from '../api/client';

/** What the web host offers, and what is assumed until main has answered or if it cannot. */
export const downloadOnly: DeliveryCapabilities = { download: true, saveToFolder: false, openInViewer: false, print: 'none' };

interface DeliveryState {
  capabilities: DeliveryCapabilities | null;
  /** asks main once; later calls reuse the answer (a host never changes what it offers while running) */
  load(): Promise<DeliveryCapabilities>;
}

let pending: Promise<DeliveryCapabilities> | null = null;

export const useDelivery = create<DeliveryState>()((set, get) => ({
  capabilities: null,
  load() {
    const known = get().capabilities;
    if (known) return Promise.resolve(known);
    pending ??= api.invoke('delivery.capabilities').then((result) => {
      const capabilities = result.ok ? result.data : downloadOnly;
      // a failed answer is not cached: the next page asks again
      if (result.ok) set({ capabilities });
      pending = null;
      return capabilities;
    });
    return pending;
  },
}));

/** Only the download: the host hands the bytes to the browser and nothing more (web host). */
export function isDownloadOnly(c: DeliveryCapabilities): boolean {
  return !c.saveToFolder && !c.openInViewer && c.print === 'none';
}

/** A kiosk: printing to the default printer is the one thing to do with a document. */
export function isPrintOnly(c: DeliveryCapabilities): boolean {
  return c.print === 'defaultPrinter' && !c.saveToFolder && !c.openInViewer && !c.download;
}
