import fs from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { contentSecurityPolicy, mimeTypes } from '../shared/contentSecurityPolicy';
import { resolveInside } from '../shared/staticFiles';
import { APP_HOST, APP_SCHEME } from './senderPolicy';

/**
 * `app://sportello/` serves the built renderer. A standard + secure scheme gives the page a real
 * origin (so CSP 'self', fetch and storage behave as on https) without the extra powers file:// has.
 * Registered before `ready`; nothing here bypasses CSP.
 */
export const appScheme: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, bypassCSP: false },
};

/** Headers every app:// response carries, whatever its status. */
function baseHeaders(contentType: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-cache',
  };
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: baseHeaders('text/plain; charset=utf-8') });
}

/** `..` segments that survived URL parsing in encoded form (%2e%2e, ..%2f, ..%5c) or NUL: refused outright. */
function hasEscapeAttempt(pathname: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return true;
  }
  return decoded.includes('\0') || decoded.split(/[\\/]/).includes('..');
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * The `protocol.handle('app', ...)` handler. Unit-tested with plain fetch Requests: it only reads
 * files under `rendererDir`. Unknown paths get index.html because the renderer routes by hash;
 * paths that would leave the folder (../, encoded dots or slashes, NUL) get 404.
 */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const root = path.resolve(rendererDir);

  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return plain(400, 'Richiesta non valida');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST || url.username !== '' || url.password !== '') {
      return plain(404, 'Non trovato');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Metodo non ammesso');

    let file = path.join(root, 'index.html');
    if (url.pathname !== '/' && url.pathname !== '') {
      if (hasEscapeAttempt(url.pathname)) return plain(404, 'Non trovato');
      const resolved = resolveInside(root, url.pathname);
      if (resolved === null) return plain(404, 'Non trovato');
      if (await isFile(resolved)) file = resolved;
    }

    const body = await fs.readFile(file).catch(() => null);
    if (body === null) return plain(404, 'Non trovato');
    const type = mimeTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: baseHeaders(type) });
  };
}
