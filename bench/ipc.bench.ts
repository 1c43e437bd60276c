import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../src-main/core/createCore';
import { startWebHost } from '../src-main/hosts/web/webHost';
import { silentLogger } from '../src-main/platform/logger';
import { measure, summarise } from './stats';

export interface BenchRow {
  name: string;
  n: number;
  medianUs: number;
  p95Us: number;
  p99Us: number;
}

/**
 * Round trip through the router: a trivial call (auth.keepAlive: session + permission + parse) and a
 * 100-row page (audit.list, limit 100, on a log of 5,000 entries), in-process and over the web host.
 */
export async function benchIpc(): Promise<BenchRow[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-bench-'));
  const core = await createCore({ dataDir, demo: true }, { logger: silentLogger });
  const signIn = { username: 'referente.pagamenti@comune-test.it', password: 'Pagamenti2026!' };
  await core.router.invoke({ windowId: 'bench' }, 'auth.signIn', signIn);
  core.db.transaction(() => {
    for (let i = 0; i < 5000; i++) core.services.audit.record({ id: null, name: 'bench' }, 'bench.entry', 'bench', i, { i });
  })();

  const rows: BenchRow[] = [];
  const add = (name: string, samples: bigint[]) => {
    const s = summarise(samples);
    rows.push({ name, n: s.n, medianUs: s.medianUs, p95Us: s.p95Us, p99Us: s.p99Us });
  };

  const page = { limit: 100 };
  const check = (r: { ok: boolean }) => {
    if (!r.ok) throw new Error('bench call failed');
  };
  add('in-process: trivial call (auth.keepAlive)', await measure(20_000, 2_000, async () => check(await core.router.invoke({ windowId: 'bench' }, 'auth.keepAlive', undefined))));
  add('in-process: 100-row page (audit.list)', await measure(3_000, 300, async () => check(await core.router.invoke({ windowId: 'bench' }, 'audit.list', page))));

  const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-bench-renderer-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  const host = await startWebHost({ core, rendererDir });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const { port } = new URL(host.url);
  const post = (pathName: string, body: string, headers: Record<string, string>) =>
    new Promise<string>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, path: pathName, method: 'POST', agent, headers: { authorization: `Bearer ${host.token}`, ...headers } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const { windowId } = JSON.parse(await post('/__sportello/connect', '', {})) as { windowId: string };
  const call = async (channel: string, input?: unknown) => {
    const text = await post('/__sportello/ipc', JSON.stringify({ channel, input }), { 'content-type': 'application/json', 'x-sportello-window': windowId });
    check(JSON.parse(text) as { ok: boolean });
  };
  await call('auth.signIn', signIn);
  add('web host (loopback HTTP): trivial call', await measure(5_000, 500, () => call('auth.keepAlive')));
  add('web host (loopback HTTP): 100-row page', await measure(2_000, 200, () => call('audit.list', page)));

  agent.destroy();
  await host.close();
  await core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return rows;
}
