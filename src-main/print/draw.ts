import type { FontWeight } from './fonts';
import { MM, type Fonts, type PageWriter, type Rgb } from './pdfWriter';
import { fitText, type FittedText } from './textFit';

/** A named text box as laid out, in millimetres from the page's top-left corner (tests check text stays inside). */
export interface TraceBox {
  name: string;
  page: number;
  x: number;
  y: number;
  w: number;
  h: number;
  text: string;
  fitted: FittedText;
}

export interface BoxStyle {
  weight?: FontWeight;
  size: number;
  minSize?: number;
  maxLines?: number;
  color?: Rgb;
  align?: 'left' | 'right' | 'center';
  lineHeight?: number;
}

/** First baseline below a box's top, as a fraction of the size: room for accented capitals. */
const FIRST_BASELINE = 0.92;

/** Layout helpers over one page: text fitted into boxes, with an optional trace of every box. */
export class Draw {
  constructor(
    readonly page: PageWriter,
    readonly fonts: Fonts,
    readonly pageNo: number,
    private readonly trace: TraceBox[] | null,
  ) {}

  /**
   * Text fitted into a box (wrapped, shrunk, cut with an ellipsis as a last resort). Returns the
   * height the text took, in mm.
   */
  box(text: string, x: number, top: number, w: number, h: number, style: BoxStyle, name?: string): number {
    const font = this.fonts[style.weight ?? 'regular'];
    const lineHeight = style.lineHeight ?? 1.2;
    const fitted = fitText((t, s) => font.widthOf(t, s) / MM, text, {
      maxWidth: w,
      size: style.size,
      minSize: style.minSize ?? style.size,
      ...(style.maxLines !== undefined ? { maxLines: style.maxLines } : {}),
      maxHeight: h * MM,
      lineHeight,
    });
    const leadingMm = fitted.leading / MM;
    let baseline = top + (FIRST_BASELINE * fitted.size) / MM;
    for (const line of fitted.lines) {
      const ts = { font, size: fitted.size, ...(style.color ? { color: style.color } : {}) };
      if (style.align === 'right') this.page.textRight(line, x + w, baseline, ts);
      else if (style.align === 'center') this.page.text(line, x + (w - font.widthOf(line, fitted.size) / MM) / 2, baseline, ts);
      else this.page.text(line, x, baseline, ts);
      baseline += leadingMm;
    }
    if (name && this.trace) this.trace.push({ name, page: this.pageNo, x, y: top, w, h, text, fitted });
    return fitted.lines.length * leadingMm;
  }

  /** One line at a baseline, no fitting (fixed texts that are known to fit). */
  text(text: string, x: number, baseline: number, weight: FontWeight, size: number, color?: Rgb): void {
    this.page.text(text, x, baseline, { font: this.fonts[weight], size, ...(color ? { color } : {}) });
  }

  textRight(text: string, right: number, baseline: number, weight: FontWeight, size: number, color?: Rgb): void {
    this.page.textRight(text, right, baseline, { font: this.fonts[weight], size, ...(color ? { color } : {}) });
  }

  widthOf(text: string, weight: FontWeight, size: number): number {
    return this.fonts[weight].widthOf(text, size) / MM;
  }
}
