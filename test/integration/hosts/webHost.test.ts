import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../../src-main/hosts/web/webHost';
import { positionInput, single } from '../../support/positionsFixture';
import { createTestCore, demoAdmin, tempDir, type TestCore } from '../../support/testCore';

let t: TestCore;
let host: WebHost;
let port: number;

beforeAll(async () => {
  t = await createTestCore({ demo: true });
  const rendererDir = tempDir('sportello-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>S</title></head><body></body></html>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  host = await startWebHost({ core: t.core, rendererDir });
  port = Number(new URL(host.url).port);
});
afterAll(async () => {
  await host.close();
  await t.close();
});

/** Raw request, so tests can send what a browser would refuse to (foreign Host headers, odd paths). */
function request(options: { method?: string; path: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

async function connect(): Promise<string> {
  const res = await request({ method: 'POST', path: '/__sportello/connect', headers: { authorization: `Bearer ${host.token}` } });
  expect(res.status).toBe(200);
  return (JSON.parse(res.body) as { windowId: string }).windowId;
}

function ipc(windowId: string, body: unknown, token = host.token) {
  return request({
    method: 'POST',
    path: '/__sportello/ipc',
    headers: { authorization: `Bearer ${token}`, 'x-sportello-window': windowId, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('web host', () => {
  it('binds to loopback and puts the token only in the URL fragment', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(host.launchUrl).toBe(`${host.url}#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
  });

  it('serves the app shell with a strict CSP and the bridge script', async () => {
    const res = await request({ path: '/' });
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(res.headers['content-security-policy']).not.toMatch(/unsafe-eval/);
    expect(res.body).toContain('<script src="/__sportello/bridge.js"></script>');
    const bridge = await request({ path: '/__sportello/bridge.js' });
    expect(bridge.body).toContain("defineProperty(window, 'sportello'");
  });

  it.each(['evil.example', `evil.example:${0}`, '127.0.0.1:1', 'localhost'])('refuses the foreign Host header %s', async (hostHeader) => {
    const res = await request({ path: '/', headers: { host: hostHeader } });
    expect(res.status).toBe(421);
  });

  it('accepts localhost as well as 127.0.0.1 on its own port', async () => {
    expect((await request({ path: '/', headers: { host: `localhost:${port}` } })).status).toBe(200);
  });

  it.each(['/../../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2f..%2fetc/passwd', '/assets/%00app.js'])(
    'never serves a file outside the renderer for %s',
    async (p) => {
      const res = await request({ path: p });
      expect(res.body).not.toMatch(/root:/);
      expect(res.headers['content-type']).toMatch(/text\/html/);
    },
  );

  it('serves built assets', async () => {
    const res = await request({ path: '/assets/app.js' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
  });

  it('refuses API calls without the token or with an unknown window', async () => {
    expect((await request({ method: 'POST', path: '/__sportello/connect' })).status).toBe(401);
    const windowId = await connect();
    expect((await ipc(windowId, { channel: 'app.status' }, 'wrong-token')).status).toBe(401);
    expect((await ipc('web-made-up', { channel: 'app.status' })).status).toBe(401);
    const events = await request({ path: `/__sportello/events?window=${windowId}&token=nope` });
    expect(events.status).toBe(401);
  });

  it('routes a call through the router, with a session per window', async () => {
    const a = await connect();
    const b = await connect();
    const signIn = await ipc(a, { channel: 'auth.signIn', input: demoAdmin });
    expect(JSON.parse(signIn.body)).toMatchObject({ ok: true, data: { role: 'ecAdmin' } });
    expect(JSON.parse((await ipc(a, { channel: 'iban.list' })).body)).toMatchObject({ ok: true });
    expect(JSON.parse((await ipc(b, { channel: 'iban.list' })).body)).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } });
  });

  it('answers malformed and oversized bodies with typed errors', async () => {
    const w = await connect();
    const bad = await ipc(w, '{not json');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_INPUT' } });
    const huge = await ipc(w, JSON.stringify({ channel: 'app.status', input: 'x'.repeat(2 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
    const notObject = await ipc(w, '[1,2,3]');
    expect(JSON.parse(notObject.body)).toMatchObject({ ok: false, error: { code: 'IPC_UNKNOWN_CHANNEL' } });
  });

  it('offers only the download: nothing on the server side saves, opens or prints a document', async () => {
    const w = await connect();
    const call = async (channel: string, input?: unknown) => JSON.parse((await ipc(w, { channel, input })).body) as { ok: boolean; data?: unknown; error?: { code: string } };
    expect(await call('delivery.capabilities')).toEqual({ ok: true, data: { download: true, saveToFolder: false, openInViewer: false, print: 'none' } });
    expect((await call('auth.signIn', demoAdmin)).ok).toBe(true);
    const positions = t.core.positions.positions;
    const actor = { id: 1, name: 'test' };
    const position = positions.publish(actor, positions.create(actor, positionInput({ options: [single({ amount: 4_200 })] })).id);
    const notice = await call('print.notice', { positionId: position.id });
    expect(notice).toMatchObject({ ok: true, data: { fileName: expect.stringMatching(/^avviso-.*\.pdf$/), dataBase64: expect.any(String), documentId: expect.any(String) } });
    const document = { kind: 'document', documentId: (notice.data as { documentId: string }).documentId };
    for (const channel of ['delivery.saveToFolder', 'delivery.open', 'delivery.print']) {
      expect(await call(channel, { document })).toMatchObject({ ok: false, error: { code: 'DELIVERY_NOT_SUPPORTED' } });
    }
    expect(await call('delivery.printers')).toMatchObject({ ok: false, error: { code: 'DELIVERY_NOT_SUPPORTED' } });
    expect((await t.core.services.audit.page({ limit: 20 })).items.filter((i) => i.action.startsWith('document.'))).toEqual([]);
  });

  it('pushes events to the window they are for', async () => {
    const w = await connect();
    const received = await new Promise<string>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path: `/__sportello/events?window=${w}&token=${host.token}` }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString('utf8');
          if (text.includes('session.expired')) {
            req.destroy();
            resolve(text);
          }
        });
        // once the stream is open, let the core emit to this window
        setTimeout(async () => {
          await ipc(w, { channel: 'auth.signIn', input: demoAdmin });
          t.clock.advance(16 * 60_000);
          t.core.sweepIdleSessions();
        }, 50);
      });
      req.on('error', reject);
    });
    expect(received).toContain('"payload":{"reason":"idle"}');
  });
});
