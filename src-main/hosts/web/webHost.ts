import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Core } from '../../core/createCore';
import { contentSecurityPolicy, mimeTypes } from '../shared/contentSecurityPolicy';
import { resolveInside } from '../shared/staticFiles';
import { bridgeShimSource } from './bridgeShim';

export interface WebHostOptions {
  core: Core;
  /** the built renderer (out/renderer) */
  rendererDir: string;
  port?: number;
}

export interface WebHost {
  url: string;
  /** the URL with the per-run token in its fragment: what a person opens */
  launchUrl: string;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
const LOOPBACK = '127.0.0.1';

/**
 * The core and router over loopback HTTP, for end-to-end tests in a real browser and for previews
 * where Electron is missing. Never packaged. Binds 127.0.0.1 only; refuses foreign Host headers
 * (DNS rebinding) and any API call without the per-run token.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { core } = options;
  const token = randomBytes(32).toString('base64url');
  const windows = new Set<string>();
  const streams = new Map<string, Set<http.ServerResponse>>();
  let allowedHosts: Set<string> = new Set();

  core.setEventSink((windowId, event, payload) => {
    for (const res of streams.get(windowId) ?? []) res.write(`data: ${JSON.stringify({ event, payload })}\n\n`);
  });

  const indexHtml = (): string => {
    const html = fs.readFileSync(path.join(options.rendererDir, 'index.html'), 'utf8');
    // the shim must define window.sportello before the app's module script runs
    return html.replace('</head>', '  <script src="/__sportello/bridge.js"></script>\n  </head>');
  };

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      core.logger.error('web.request.failed', { error });
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Errore interno');
      else res.end();
    });
  });

  function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
    res.writeHead(status, {
      'content-type': type,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      ...extra,
    });
    res.end(body);
  }

  function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
    send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
  }

  function tokenMatches(candidate: string | null | undefined): boolean {
    if (!candidate) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  function bearer(req: http.IncomingMessage): string | null {
    const header = req.headers.authorization;
    return header?.startsWith('Bearer ') ? header.slice(7) : null;
  }

  /** The body, or null when over the limit (the rest is drained, not buffered, so the client gets its 413). */
  async function readBody(req: http.IncomingMessage): Promise<string | null> {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES * 16) {
      req.destroy();
      return null;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES * 16) {
        req.destroy();
        return null;
      }
      if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
    }
    return size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8');
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!req.headers.host || !allowedHosts.has(req.headers.host.toLowerCase())) {
      send(res, 421, 'text/plain; charset=utf-8', 'Host non ammesso');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);

    if (url.pathname.startsWith('/__sportello/')) {
      await handleApi(req, res, url);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'text/plain; charset=utf-8', 'Metodo non ammesso');
      return;
    }
    const file = url.pathname === '/' ? null : resolveInside(options.rendererDir, url.pathname);
    if (file && fs.existsSync(file) && fs.statSync(file).isFile() && path.basename(file) !== 'index.html') {
      send(res, 200, mimeTypes[path.extname(file)] ?? 'application/octet-stream', fs.readFileSync(file));
      return;
    }
    // the app routes with a hash router, so every other path is the app shell
    send(res, 200, mimeTypes['.html']!, indexHtml(), { 'content-security-policy': contentSecurityPolicy });
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const route = `${req.method ?? ''} ${url.pathname}`;
    if (route === 'GET /__sportello/bridge.js') {
      send(res, 200, mimeTypes['.js']!, bridgeShimSource);
      return;
    }
    if (route === 'POST /__sportello/connect') {
      if (!tokenMatches(bearer(req))) return sendJson(res, 401, { error: 'token' });
      const windowId = `web-${randomBytes(16).toString('hex')}`;
      windows.add(windowId);
      return sendJson(res, 200, { windowId });
    }
    if (route === 'GET /__sportello/events') {
      const windowId = url.searchParams.get('window') ?? '';
      if (!tokenMatches(url.searchParams.get('token')) || !windows.has(windowId)) {
        return sendJson(res, 401, { error: 'token' });
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connesso\n\n');
      const set = streams.get(windowId) ?? new Set();
      set.add(res);
      streams.set(windowId, set);
      req.on('close', () => set.delete(res));
      return;
    }
    if (route === 'POST /__sportello/ipc') {
      const windowId = String(req.headers['x-sportello-window'] ?? '');
      if (!tokenMatches(bearer(req)) || !windows.has(windowId)) {
        return sendJson(res, 401, {
          ok: false,
          error: { code: 'IPC_FORBIDDEN_SENDER', message: 'Richiesta rifiutata: origine non autorizzata.' },
        });
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendJson(res, 415, { ok: false, error: { code: 'IPC_INVALID_INPUT', message: 'Formato della richiesta non valido.' } });
      }
      const body = await readBody(req);
      if (body === null) {
        return sendJson(res, 413, { ok: false, error: { code: 'IPC_INVALID_INPUT', message: 'Richiesta troppo grande.' } });
      }
      let message: unknown;
      try {
        message = JSON.parse(body);
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'IPC_INVALID_INPUT', message: 'Formato della richiesta non valido.' } });
      }
      const { channel, input } = (typeof message === 'object' && message !== null ? message : {}) as { channel?: unknown; input?: unknown };
      const result = await core.router.invoke({ windowId }, channel, input);
      return sendJson(res, 200, result);
    }
    sendJson(res, 404, { error: 'not found' });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`${LOOPBACK}:${port}`, `localhost:${port}`]);
  const sweep = setInterval(() => core.sweepIdleSessions(), 10_000);
  sweep.unref();

  const url = `http://${LOOPBACK}:${port}/`;
  return {
    url,
    launchUrl: `${url}#token=${token}`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(sweep);
        for (const set of streams.values()) for (const res of set) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
