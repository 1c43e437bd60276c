import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Poppler, zbar and libdmtx as a person's eyes: PDFs rendered to PNG, their QR codes and Data
 * Matrix decoded, their text extracted. `.ci/run` installs the three packages.
 */
export function requireTools(): void {
  for (const tool of ['pdftoppm', 'pdftotext', 'zbarimg', 'dmtxread']) {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'pipe' });
    } catch {
      throw new Error(`${tool} non trovato: apt-get install poppler-utils zbar-tools dmtx-utils`);
    }
  }
}

export function writeTemp(bytes: Uint8Array, name = 'doc.pdf'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-print-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** One PNG per page, in page order. */
export function renderPages(pdf: string, dpi = 200): string[] {
  const prefix = pdf.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', pdf, prefix]);
  const dir = path.dirname(pdf);
  const base = path.basename(prefix);
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${base}-`) && f.endsWith('.png'))
    .sort((a, b) => Number(/-(\d+)\.png$/.exec(a)![1]) - Number(/-(\d+)\.png$/.exec(b)![1]))
    .map((f) => path.join(dir, f));
}

export function decodeQrCodes(png: string): string[] {
  try {
    const out = execFileSync('zbarimg', ['-q', '--raw', '--nodbus', '-Sdisable', '-Sqrcode.enable', png], { encoding: 'utf8' });
    return out.split('\n').filter((l) => l !== '');
  } catch (error) {
    // zbarimg exits 4 when the image has no symbol
    if ((error as { status?: number }).status === 4) return [];
    throw error;
  }
}

export function decodeDataMatrix(png: string, expected: number): string[] {
  if (expected === 0) return [];
  const out = execFileSync('dmtxread', ['-n', `-N${expected}`, '-m', '20000', png], { encoding: 'latin1' });
  return out.split('\n').filter((l) => l !== '');
}

/** The text in reading order, white space collapsed (a wrapped phrase reads as one). */
export function pdfText(pdf: string): string {
  return execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

export interface Word {
  page: number;
  text: string;
  /** in millimetres from the top-left corner */
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word with its box, from pdftotext -bbox. */
export function pdfWords(pdf: string): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  const words: Word[] = [];
  const mm = 25.4 / 72;
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) {
      words.push({
        page,
        xMin: Number(m[1]) * mm,
        yMin: Number(m[2]) * mm,
        xMax: Number(m[3]) * mm,
        yMax: Number(m[4]) * mm,
        text: m[5]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"),
      });
    }
  }
  return words;
}

/**
 * Keeps a page for review, at 100 dpi: in test-results/print always, in test/fixtures/expected (the
 * reviewed copies) with SCREENSHOTS=update.
 */
export function keepPng(pdf: string, page: number, name: string): void {
  const root = path.resolve(__dirname, '../../..');
  const results = path.join(root, 'test-results', 'print');
  fs.mkdirSync(results, { recursive: true });
  const target = path.join(results, name);
  execFileSync('pdftoppm', ['-r', '100', '-f', String(page), '-l', String(page), '-singlefile', '-png', pdf, target.replace(/\.png$/, '')]);
  if (process.env.SCREENSHOTS === 'update') fs.copyFileSync(target, path.join(root, 'test', 'fixtures', 'expected', name));
}
