/**
 * Who may talk to main, and where a window may go. Pure functions (no electron import) so the rules
 * are unit-tested without the Electron runtime; main.ts feeds them what Electron reports.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'sportello';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_URL = `${APP_ORIGIN}/`;

/**
 * The origin of a URL as Chromium sees it for our privileged standard scheme. Node's URL reports
 * `null` as the origin of non-special schemes such as `app:`, so that case is built by hand.
 * URLs carrying credentials are refused outright: nothing of ours ever has them.
 */
export function originOf(url: string | null | undefined): string | null {
  if (typeof url !== 'string' || url.length === 0) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.username !== '' || parsed.password !== '') return null;
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === '' ? null : `${APP_SCHEME}://${parsed.host.toLowerCase()}`;
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.origin;
  return null;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The electron-vite dev server's origin, trusted only in an unpackaged run and only on loopback:
 * an environment variable must never widen what a packaged app trusts.
 */
export function devOriginFrom(rendererUrl: string | undefined, isPackaged: boolean): string | null {
  if (isPackaged || !rendererUrl) return null;
  let parsed: URL;
  try {
    parsed = new URL(rendererUrl);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (!LOOPBACK_HOSTS.has(parsed.hostname)) return null;
  return originOf(rendererUrl);
}

/** True when `url` belongs to the app itself (the app:// origin, or the dev server when given). */
export function isAppUrl(url: string | null | undefined, devOrigin: string | null = null): boolean {
  const origin = originOf(url);
  if (origin === null) return false;
  return origin === APP_ORIGIN || (devOrigin !== null && origin === devOrigin);
}

export interface SenderFacts {
  /** URL of the frame that sent the message (`event.senderFrame.url`); null when the frame is gone */
  frameUrl: string | null | undefined;
  /** whether that frame is its page's main frame (no subframe may call main) */
  isMainFrame: boolean;
  /** `event.sender.id` */
  webContentsId: number;
  /** ids of the webContents of the windows this host created */
  knownIds: ReadonlySet<number>;
  /** the dev server origin, or null in production */
  devOrigin?: string | null;
}

/** The check every IPC call passes before it reaches the router. */
export function isTrustedSender(facts: SenderFacts): boolean {
  if (!facts.isMainFrame) return false;
  if (!facts.knownIds.has(facts.webContentsId)) return false;
  return isAppUrl(facts.frameUrl, facts.devOrigin ?? null);
}

/** Chromium's built-in PDF viewer, an extension with a fixed id that renders a PDF inside its own frame. */
export const PDF_VIEWER_ORIGIN = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai';

/**
 * Where a hidden print window may go: the one file it was opened for (exact file:// URL) and the PDF
 * viewer's frame that renders it. Nothing else, and nothing at all for a window that is not printing.
 */
export function isPrintWindowUrl(allowedFileUrl: string | undefined, url: string): boolean {
  if (allowedFileUrl === undefined) return false;
  if (url === allowedFileUrl) return true;
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}` === PDF_VIEWER_ORIGIN && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}
