import zlib from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import type { Font, Glyph } from '@pdf-lib/fontkit';
import { PDFDocument, PDFName, PDFRawStream, type PDFDict, type PDFFont, type PDFRef } from 'pdf-lib';
import { FONT_WEIGHTS, fontMetrics, type FontBytes, type FontMetrics, type FontWeight } from './fonts';

/** Millimetres to PDF points. */
export const MM = 72 / 25.4;
export const A4 = { width: 210, height: 297 } as const;

export type Rgb = readonly [number, number, number];
export const BLACK: Rgb = [0, 0, 0];

/** The parts of pdf-lib's subset embedder this file drives directly (pdf-lib 1.17, CustomFontSubsetEmbedder). */
interface SubsetEmbedder {
  font: Font;
  subset: { includeGlyph(glyph: Glyph | number): number };
  glyphs: Glyph[];
  glyphIdMap: Map<number, number>;
  glyphCache: { invalidate(): void };
}

/**
 * One face embedded in one file, as a subset. Text is encoded one code point at a time from a cache,
 * without fontkit's shaping (pdf-lib's drawText lays out every string, about 100 µs a call): the
 * notices need no ligatures or kerning, and this keeps a notice at a fraction of a millisecond.
 */
export class EmbeddedFont {
  private readonly hex = new Map<number, string>();
  private readonly embedder: SubsetEmbedder;

  constructor(
    readonly pdfFont: PDFFont,
    readonly metrics: FontMetrics,
    readonly resourceName: string,
  ) {
    this.embedder = (pdfFont as unknown as { embedder: SubsetEmbedder }).embedder;
  }

  widthOf(text: string, size: number): number {
    return this.metrics.widthOf(text, size);
  }

  /** Hex string of subset glyph ids (Identity-H) for a string. */
  encode(text: string): string {
    let out = '';
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      let h = this.hex.get(cp);
      if (h === undefined) {
        h = this.include(cp);
        this.hex.set(cp, h);
      }
      out += h;
    }
    return out;
  }

  private include(codePoint: number): string {
    const e = this.embedder;
    const cp = e.font.hasGlyphForCodePoint(codePoint) ? codePoint : 0x3f;
    const glyph = e.font.glyphForCodePoint(cp);
    const id = e.subset.includeGlyph(glyph);
    e.glyphs[id - 1] = glyph;
    e.glyphIdMap.set(glyph.id, id);
    e.glyphCache.invalidate();
    return id.toString(16).padStart(4, '0');
  }
}

function num(n: number): string {
  // two decimals are a hundredth of a point: far below what a printer resolves
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

function color(c: Rgb): string {
  return `${num(c[0])} ${num(c[1])} ${num(c[2])}`;
}

/** Hex colour to an RGB triple in 0..1. */
export function rgb(hex: string): Rgb {
  const v = Number.parseInt(hex.replace('#', ''), 16);
  return [((v >> 16) & 255) / 255, ((v >> 8) & 255) / 255, (v & 255) / 255];
}

export interface TextStyle {
  font: EmbeddedFont;
  size: number;
  color?: Rgb;
}

/**
 * One page's content stream, written as PDF operators into a string. Coordinates are millimetres
 * from the top-left corner, as a layout is drawn; y of text is its baseline.
 */
export class PageWriter {
  private readonly ops: string[] = [];
  private fill = '';
  private stroke = '';

  constructor(readonly heightMm: number) {}

  private x(mm: number): string {
    return num(mm * MM);
  }

  private y(mm: number): string {
    return num((this.heightMm - mm) * MM);
  }

  private setFill(c: Rgb): void {
    const s = color(c);
    if (s !== this.fill) {
      this.ops.push(`${s} rg`);
      this.fill = s;
    }
  }

  private setStroke(c: Rgb): void {
    const s = color(c);
    if (s !== this.stroke) {
      this.ops.push(`${s} RG`);
      this.stroke = s;
    }
  }

  /** One line of text; callers pass it clean (one line, no control characters: see cleanText). */
  text(text: string, xMm: number, baselineMm: number, style: TextStyle): void {
    const clean = text;
    if (clean === '') return;
    this.setFill(style.color ?? BLACK);
    this.ops.push(`BT /${style.font.resourceName} ${num(style.size)} Tf ${this.x(xMm)} ${this.y(baselineMm)} Td <${style.font.encode(clean)}> Tj ET`);
  }

  /** Text ending at xMm. */
  textRight(text: string, rightMm: number, baselineMm: number, style: TextStyle): void {
    const w = style.font.widthOf(text, style.size) / MM;
    this.text(text, rightMm - w, baselineMm, style);
  }

  fillRect(xMm: number, topMm: number, wMm: number, hMm: number, c: Rgb): void {
    this.setFill(c);
    this.ops.push(`${this.x(xMm)} ${this.y(topMm + hMm)} ${num(wMm * MM)} ${num(hMm * MM)} re f`);
  }

  strokeRect(xMm: number, topMm: number, wMm: number, hMm: number, c: Rgb, widthPt = 0.5): void {
    this.setStroke(c);
    this.ops.push(`${num(widthPt)} w ${this.x(xMm)} ${this.y(topMm + hMm)} ${num(wMm * MM)} ${num(hMm * MM)} re S`);
  }

  line(x1Mm: number, y1Mm: number, x2Mm: number, y2Mm: number, c: Rgb, widthPt = 0.5, dash?: readonly number[]): void {
    this.setStroke(c);
    const d = dash ? `[${dash.map(num).join(' ')}] 0 d ` : '';
    const reset = dash ? ' [] 0 d' : '';
    this.ops.push(`${d}${num(widthPt)} w ${this.x(x1Mm)} ${this.y(y1Mm)} m ${this.x(x2Mm)} ${this.y(y2Mm)} l S${reset}`);
  }

  /**
   * A module matrix (QR code, Data Matrix) as filled rectangles, one per run of dark modules in a row,
   * all in one path: a vector symbol that prints sharp at any resolution.
   */
  modules(matrix: ModuleMatrix, xMm: number, topMm: number, moduleMm: number, c: Rgb = BLACK): void {
    this.setFill(c);
    const m = moduleMm * MM;
    const x0 = xMm * MM;
    const yTop = (this.heightMm - topMm) * MM;
    const parts: string[] = [];
    for (let row = 0; row < matrix.rows; row++) {
      let col = 0;
      while (col < matrix.cols) {
        if (!matrix.dark(row, col)) {
          col++;
          continue;
        }
        const start = col;
        while (col < matrix.cols && matrix.dark(row, col)) col++;
        parts.push(`${num(x0 + start * m)} ${num(yTop - (row + 1) * m)} ${num((col - start) * m)} ${num(m)} re`);
      }
    }
    this.ops.push(`${parts.join('\n')} f`);
  }

  image(resourceName: string, xMm: number, topMm: number, wMm: number, hMm: number): void {
    this.ops.push(`q ${num(wMm * MM)} 0 0 ${num(hMm * MM)} ${this.x(xMm)} ${this.y(topMm + hMm)} cm /${resourceName} Do Q`);
  }

  content(): string {
    return this.ops.join('\n');
  }
}

export interface ModuleMatrix {
  rows: number;
  cols: number;
  dark(row: number, col: number): boolean;
}

export type Fonts = Record<FontWeight, EmbeddedFont>;

export interface PdfFileOptions {
  title: string;
  /** fixed dates keep the output reproducible */
  date?: Date;
}

/**
 * One PDF file being written: the three faces embedded once (as subsets, at save), one resource
 * dictionary shared by every page, images embedded once per distinct content.
 */
export class PdfFile {
  readonly fonts: Fonts;
  private readonly resources: PDFDict;
  private readonly resourcesRef: PDFRef;
  private readonly xobjects: PDFDict;
  private readonly images = new Map<string, { name: string; width: number; height: number }>();
  private pages = 0;

  private constructor(
    private readonly doc: PDFDocument,
    fonts: Fonts,
  ) {
    this.fonts = fonts;
    const ctx = doc.context;
    const fontDict = ctx.obj({});
    for (const f of Object.values(fonts)) fontDict.set(PDFName.of(f.resourceName), f.pdfFont.ref);
    this.xobjects = ctx.obj({});
    this.resources = ctx.obj({ Font: fontDict, XObject: this.xobjects, ProcSet: ['PDF', 'Text', 'ImageC'] });
    this.resourcesRef = ctx.register(this.resources);
  }

  static async create(fontBytes: FontBytes, options: PdfFileOptions): Promise<PdfFile> {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.registerFontkit(fontkit);
    const metrics = fontMetrics(fontBytes);
    const fonts = {} as Fonts;
    let i = 1;
    for (const weight of FONT_WEIGHTS) {
      const pdfFont = await doc.embedFont(fontBytes[weight], { subset: true });
      fonts[weight] = new EmbeddedFont(pdfFont, metrics[weight], `F${i++}`);
    }
    const date = options.date ?? new Date();
    doc.setTitle(options.title);
    doc.setLanguage('it-IT');
    doc.setProducer('Sportello (pdf-lib)');
    doc.setCreator('Sportello');
    doc.setCreationDate(date);
    doc.setModificationDate(date);
    return new PdfFile(doc, fonts);
  }

  get pageCount(): number {
    return this.pages;
  }

  newPage(): PageWriter {
    return new PageWriter(A4.height);
  }

  /** Compresses the page's content and appends the page to the file. */
  addPage(writer: PageWriter): void {
    const ctx = this.doc.context;
    // level 1: a page's operators compress to about a third at a fraction of the cost of level 6
    const bytes = zlib.deflateSync(writer.content(), { level: 1 });
    const stream = PDFRawStream.of(ctx.obj({ Filter: 'FlateDecode', Length: bytes.length }), bytes);
    const page = this.doc.addPage([A4.width * MM, A4.height * MM]);
    page.node.set(PDFName.of('Resources'), this.resourcesRef);
    page.node.set(PDFName.of('Contents'), ctx.register(stream));
    this.pages++;
  }

  /** An image (PNG or JPEG) as an XObject, embedded once per distinct key. */
  async image(key: string, bytes: Uint8Array): Promise<{ name: string; width: number; height: number }> {
    const known = this.images.get(key);
    if (known) return known;
    const isPng = bytes[0] === 0x89 && bytes[1] === 0x50;
    const img = isPng ? await this.doc.embedPng(bytes) : await this.doc.embedJpg(bytes);
    const name = `Im${this.images.size + 1}`;
    this.xobjects.set(PDFName.of(name), img.ref);
    const entry = { name, width: img.width, height: img.height };
    this.images.set(key, entry);
    return entry;
  }

  async save(): Promise<Uint8Array> {
    return this.doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
  }
}
