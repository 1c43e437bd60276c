import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import fontkit, { type Font } from '@pdf-lib/fontkit';

/**
 * Titillium Web (SIL Open Font License 1.1, see resources/fonts/OFL.txt), the typeface of pagoPA's
 * notices. The files ship in resources/fonts; the packaged app carries them as extra resources.
 */
export const FONT_WEIGHTS = ['regular', 'semibold', 'bold'] as const;
export type FontWeight = (typeof FONT_WEIGHTS)[number];

const FILES: Record<FontWeight, string> = {
  regular: 'TitilliumWeb-400.woff',
  semibold: 'TitilliumWeb-600.woff',
  bold: 'TitilliumWeb-700.woff',
};

export type FontBytes = Record<FontWeight, Uint8Array>;

/** Where the font folder may be: an explicit dir, next to the packaged app, or in the source tree. */
export function fontDirCandidates(explicit?: string): string[] {
  const out: string[] = [];
  if (explicit) out.push(explicit);
  if (process.env.SPORTELLO_FONT_DIR) out.push(process.env.SPORTELLO_FONT_DIR);
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) out.push(path.join(resourcesPath, 'fonts'));
  // out/main/*.js in a build, src-main/print/*.ts in the source tree
  const here = typeof __dirname === 'string' ? __dirname : process.cwd();
  for (const up of ['..', '../..', '../../..']) out.push(path.resolve(here, up, 'resources', 'fonts'));
  out.push(path.resolve(process.cwd(), 'resources', 'fonts'));
  return out;
}

export function findFontDir(explicit?: string): string {
  for (const dir of fontDirCandidates(explicit)) {
    if (fs.existsSync(path.join(dir, FILES.regular))) return dir;
  }
  throw new Error(`Caratteri Titillium Web non trovati (cercati in: ${fontDirCandidates(explicit).join(', ')}).`);
}

/**
 * WOFF 1.0 to the plain TrueType (sfnt) it wraps. fontkit can read WOFF, but inflates a table on
 * every access with a JavaScript inflater (about 0.3 ms per glyph looked up): unwrapped once here
 * with zlib, embedding and subsetting run on the plain font.
 */
export function woffToSfnt(woff: Uint8Array): Uint8Array {
  const src = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
  if (src.toString('latin1', 0, 4) !== 'wOFF') return woff;
  const flavor = src.readUInt32BE(4);
  const numTables = src.readUInt16BE(12);
  const tables: Array<{ tag: number; checksum: number; data: Buffer }> = [];
  for (let i = 0; i < numTables; i++) {
    const e = 44 + i * 20;
    const tag = src.readUInt32BE(e);
    const offset = src.readUInt32BE(e + 4);
    const compLength = src.readUInt32BE(e + 8);
    const origLength = src.readUInt32BE(e + 12);
    const checksum = src.readUInt32BE(e + 16);
    const raw = src.subarray(offset, offset + compLength);
    tables.push({ tag, checksum, data: compLength < origLength ? zlib.inflateSync(raw) : Buffer.from(raw) });
  }
  let entrySelector = 0;
  while (2 ** (entrySelector + 1) <= numTables) entrySelector++;
  const searchRange = 2 ** entrySelector * 16;
  const headerSize = 12 + 16 * numTables;
  let size = headerSize;
  for (const t of tables) size += (t.data.length + 3) & ~3;
  const out = Buffer.alloc(size);
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(numTables * 16 - searchRange, 10);
  let offset = headerSize;
  tables.forEach((t, i) => {
    const e = 12 + i * 16;
    out.writeUInt32BE(t.tag, e);
    out.writeUInt32BE(t.checksum, e + 4);
    out.writeUInt32BE(offset, e + 8);
    out.writeUInt32BE(t.data.length, e + 12);
    t.data.copy(out, offset);
    offset += (t.data.length + 3) & ~3;
  });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

let cached: { dir: string; bytes: FontBytes } | null = null;

/** Reads the three weights once per process (about 80 KB of WOFF, unwrapped to TrueType). */
export function loadFontBytes(dir?: string): FontBytes {
  const resolved = findFontDir(dir);
  if (cached?.dir === resolved) return cached.bytes;
  const bytes = {} as FontBytes;
  for (const weight of FONT_WEIGHTS) bytes[weight] = woffToSfnt(new Uint8Array(fs.readFileSync(path.join(resolved, FILES[weight]))));
  cached = { dir: resolved, bytes };
  return bytes;
}

/**
 * Advance widths of one face, per code point, in text-space units (1/1000 of the font size), read
 * from the font once and cached: measuring text is on the hot path of every line that must fit a box.
 */
export class FontMetrics {
  private readonly widths = new Map<number, number>();
  private readonly font: Font;
  readonly ascent: number;
  readonly descent: number;
  readonly capHeight: number;

  constructor(bytes: Uint8Array) {
    this.font = fontkit.create(bytes);
    const scale = 1000 / this.font.unitsPerEm;
    this.ascent = this.font.ascent * scale;
    this.descent = this.font.descent * scale;
    this.capHeight = (this.font.capHeight || this.font.ascent) * scale;
  }

  has(codePoint: number): boolean {
    return this.font.hasGlyphForCodePoint(codePoint);
  }

  /** Width of one code point in 1/1000 em; characters the font lacks are printed (and measured) as '?'. */
  advance(codePoint: number): number {
    let w = this.widths.get(codePoint);
    if (w === undefined) {
      const cp = this.font.hasGlyphForCodePoint(codePoint) ? codePoint : 0x3f;
      w = (this.font.glyphForCodePoint(cp).advanceWidth * 1000) / this.font.unitsPerEm;
      this.widths.set(codePoint, w);
    }
    return w;
  }

  widthOf(text: string, size: number): number {
    let units = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        units += this.advance(text.codePointAt(i)!);
        i++;
      } else units += this.advance(c);
    }
    return (units * size) / 1000;
  }
}

export type FontSet = Record<FontWeight, FontMetrics>;

let metricsCache: { bytes: FontBytes; metrics: FontSet } | null = null;

export function fontMetrics(bytes: FontBytes): FontSet {
  if (metricsCache?.bytes === bytes) return metricsCache.metrics;
  const metrics = {
    regular: new FontMetrics(bytes.regular),
    semibold: new FontMetrics(bytes.semibold),
    bold: new FontMetrics(bytes.bold),
  };
  metricsCache = { bytes, metrics };
  return metrics;
}
