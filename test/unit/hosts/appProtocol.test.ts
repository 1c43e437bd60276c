import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appScheme, createAppProtocolHandler } from '../../../src-main/hosts/electron/appProtocol';
import { contentSecurityPolicy } from '../../../src-main/hosts/shared/contentSecurityPolicy';

let base: string;
let handle: (request: Request) => Promise<Response>;
const INDEX = '<!doctype html><title>Sportello</title>';
const SECRET = 'segreto: fuori dalla cartella del renderer';

/** A Request-shaped object, for URLs a real Request would normalise before the handler sees them. */
function raw(url: string, method = 'GET'): Request {
  return { url, method } as Request;
}

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-protocol-'));
  const renderer = path.join(base, 'renderer');
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), INDEX);
  fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(renderer, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  fs.writeFileSync(path.join(renderer, 'assets', 'data.bin'), 'x');
  fs.writeFileSync(path.join(base, 'secret.txt'), SECRET);
  handle = createAppProtocolHandler(renderer);
});

afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

describe('app:// scheme', () => {
  it('is registered standard and secure with fetch, and does not bypass CSP', () => {
    expect(appScheme).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, bypassCSP: false } });
  });
});

describe('app:// handler', () => {
  it('serves index.html at the root and files with their content type, all with the CSP', async () => {
    const index = await handle(new Request('app://sportello/'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toBe(INDEX);

    const script = await handle(new Request('app://sportello/assets/app.js'));
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');

    const font = await handle(new Request('app://sportello/assets/font.woff2'));
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect(new Uint8Array(await font.arrayBuffer())).toEqual(new Uint8Array([0x77, 0x4f, 0x46, 0x32]));

    const unknownType = await handle(new Request('app://sportello/assets/data.bin'));
    expect(unknownType.headers.get('content-type')).toBe('application/octet-stream');

    for (const response of [index, script, font, unknownType]) {
      expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('answers unknown paths with the app shell (the renderer routes by hash)', async () => {
    const response = await handle(new Request('app://sportello/ec/iban/nuovo'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(INDEX);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
  });

  it.each([
    'app://sportello/../secret.txt',
    'app://sportello/../../etc/passwd',
    'app://sportello/%2e%2e/secret.txt',
    'app://sportello/%2E%2E/%2e%2e/etc/passwd',
    'app://sportello/..%2fsecret.txt',
    'app://sportello/assets/..%2f..%2fsecret.txt',
    'app://sportello/..%5csecret.txt',
    'app://sportello/index.html%00.js',
    'app://sportello/%00',
    'app://sportello/%E0%A4%A',
  ])('never serves a file outside the renderer folder: %s', async (url) => {
    for (const request of [raw(url), ...(url.includes('%E0%A4%A') ? [] : [new Request(url)])]) {
      const response = await handle(request);
      const body = await response.text();
      expect(body).not.toContain(SECRET);
      expect(body).not.toMatch(/root:/);
      expect([200, 404]).toContain(response.status);
      expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    }
  });

  it('refuses encoded escapes and NUL with 404 rather than the app shell', async () => {
    for (const url of ['app://sportello/..%2fsecret.txt', 'app://sportello/%2e%2e%2fsecret.txt', 'app://sportello/a%00b', 'app://sportello/%E0%A4%A']) {
      expect((await handle(raw(url))).status).toBe(404);
    }
  });

  it('serves only its own host, only GET and HEAD', async () => {
    expect((await handle(new Request('app://other/'))).status).toBe(404);
    expect((await handle(new Request('app://sportello:81/'))).status).toBe(404);
    expect((await handle(raw('app://user@sportello/'))).status).toBe(404);
    expect((await handle(raw('not a url'))).status).toBe(400);
    expect((await handle(new Request('app://sportello/', { method: 'POST', body: 'x' }))).status).toBe(405);
    const head = await handle(new Request('app://sportello/assets/app.js', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
