/**
 * Fitting text into a box: wrap on spaces, then shrink, and as a last resort cut with an ellipsis,
 * so that nothing printed ever leaves its box. Pure: it only needs a way to measure a string.
 */

export type Measure = (text: string, size: number) => number;

export interface FitOptions {
  maxWidth: number;
  /** preferred size, in points */
  size: number;
  /** smallest acceptable size; the preferred size when omitted (wrap only, never shrink) */
  minSize?: number;
  /** at most this many lines (1 = a single line that shrinks to fit) */
  maxLines?: number;
  /** and, when given, lines * size * lineHeight must not exceed it */
  maxHeight?: number;
  /** line spacing as a multiple of the size; 1.2 when omitted */
  lineHeight?: number;
}

export interface FittedText {
  size: number;
  lines: string[];
  /** line spacing in points */
  leading: number;
  /** the text had to be cut (at the smallest size it still did not fit) */
  truncated: boolean;
}

const ELLIPSIS = '…';

/** Collapses runs of white space and removes control characters: what gets printed is one paragraph. */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f\u007f-\u009f\s]+/g, ' ')
    .trim();
}

/** Splits a word that is wider than the line into pieces that fit, character by character. */
function breakWord(measure: Measure, word: string, size: number, maxWidth: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const ch of word) {
    if (current !== '' && measure(current + ch, size) > maxWidth) {
      pieces.push(current);
      current = ch;
    } else current += ch;
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/** Greedy word wrap; words wider than a line are broken. */
export function wrapText(measure: Measure, text: string, size: number, maxWidth: number): string[] {
  const words = cleanText(text).split(' ').filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  const spaceWidth = measure(' ', size);
  let lineWidth = 0;
  for (const word of words) {
    const w = measure(word, size);
    if (line !== '' && lineWidth + spaceWidth + w <= maxWidth) {
      line += ` ${word}`;
      lineWidth += spaceWidth + w;
      continue;
    }
    if (line !== '') lines.push(line);
    if (w <= maxWidth) {
      line = word;
      lineWidth = w;
    } else {
      const pieces = breakWord(measure, word, size, maxWidth);
      lines.push(...pieces.slice(0, -1));
      line = pieces[pieces.length - 1] ?? '';
      lineWidth = measure(line, size);
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Cuts a line so that it, with an ellipsis, fits the width. */
export function ellipsize(measure: Measure, line: string, size: number, maxWidth: number): string {
  if (measure(line, size) <= maxWidth) return line;
  const chars = Array.from(line);
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(chars.slice(0, mid).join('').trimEnd() + ELLIPSIS, size) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join('').trimEnd() + ELLIPSIS;
}

function linesAllowed(opts: FitOptions, size: number, lineHeight: number): number {
  let n = opts.maxLines ?? Number.POSITIVE_INFINITY;
  if (opts.maxHeight !== undefined) n = Math.min(n, Math.max(1, Math.floor(opts.maxHeight / (size * lineHeight) + 1e-6)));
  return n;
}

/** Largest size (in half points, from `size` down to `minSize`) at which the text fits; cut at the smallest. */
export function fitText(measure: Measure, text: string, opts: FitOptions): FittedText {
  const lineHeight = opts.lineHeight ?? 1.2;
  const minSize = Math.min(opts.minSize ?? opts.size, opts.size);
  const clean = cleanText(text);
  for (let size = opts.size; size >= minSize - 1e-9; size -= 0.5) {
    const allowed = linesAllowed(opts, size, lineHeight);
    // a one-line box needs no wrapping, only a width check
    if (allowed === 1) {
      if (measure(clean, size) <= opts.maxWidth) return { size, lines: clean === '' ? [] : [clean], leading: size * lineHeight, truncated: false };
      continue;
    }
    const lines = wrapText(measure, clean, size, opts.maxWidth);
    if (lines.length <= allowed) return { size, lines, leading: size * lineHeight, truncated: false };
  }
  const allowed = linesAllowed(opts, minSize, lineHeight);
  const lines = allowed === 1 ? [clean] : wrapText(measure, clean, minSize, opts.maxWidth);
  const kept = lines.slice(0, allowed);
  const lastIndex = kept.length - 1;
  const rest = lines.slice(lastIndex).join(' ');
  kept[lastIndex] = ellipsize(measure, rest, minSize, opts.maxWidth);
  return { size: minSize, lines: kept, leading: minSize * lineHeight, truncated: true };
}
