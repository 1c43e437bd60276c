import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../../..');
const webEntry = path.join(repoRoot, 'out/main/web.js');

export interface HostOptions {
  /** first-run setup instead of the demo EC */
  noDemo?: boolean;
  /** the demo EC with the Pagatore's demo citizen and his notices (off by default: other suites count positions) */
  demoPayer?: boolean;
  idleMinutes?: number;
}

/**
 * One `node out/main/web.js` process on a data dir of its own. It can be stopped and started again
 * on the same dir, which is how the persistence test sees what survives a restart.
 */
export class WebHostProcess {
  readonly dataDir: string;
  private child: ChildProcess | null = null;
  private output = '';
  launchUrl = '';

  constructor(private readonly options: HostOptions = {}) {
    if (!fs.existsSync(webEntry)) throw new Error(`${webEntry} mancante: esegui prima "npx electron-vite build".`);
    this.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-e2e-'));
  }

  /** Starts the host and resolves with the launch URL it prints (token in the fragment). */
  async start(): Promise<string> {
    if (this.child) throw new Error('host già avviato');
    const args = [webEntry, '--data-dir', this.dataDir, '--port', '0'];
    if (this.options.noDemo) args.push('--no-demo');
    if (!this.options.demoPayer) args.push('--no-demo-payer');
    if (this.options.idleMinutes) args.push('--idle-minutes', String(this.options.idleMinutes));
    const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env } });
    this.child = child;
    this.output = '';
    this.launchUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`host web non avviato entro 20 s:\n${this.output}`)), 20_000);
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString();
        const match = /Apri nel browser: (http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)/.exec(this.output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`host web terminato (codice ${code}):\n${this.output}`));
      });
    });
    return this.launchUrl;
  }

  /** Stops the process (SIGTERM, then SIGKILL) and waits for it to exit. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }

  async restart(): Promise<string> {
    await this.stop();
    return this.start();
  }

  /** Stops the host and removes its data dir. */
  async dispose(): Promise<void> {
    await this.stop();
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}
