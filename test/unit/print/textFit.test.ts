import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ellipsize, fitText, wrapText } from '../../../src-main/print/textFit';
import { fontMetrics, loadFontBytes, woffToSfnt } from '../../../src-main/print/fonts';
import { limitText, planSubject } from '../../../src-main/print/documents';

/** every character 0.5 em wide: easy to reason about */
const mono = (t: string, size: number): number => Array.from(t).length * size * 0.5;

describe('text fit', () => {
  it('wraps on spaces and breaks words wider than a line', () => {
    expect(wrapText(mono, 'aaa bbb ccc', 10, 40)).toEqual(['aaa bbb', 'ccc']);
    expect(wrapText(mono, 'abcdefghij', 10, 20)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText(mono, '  a \n\t b  ', 10, 100)).toEqual(['a b']);
  });

  it('shrinks before it cuts, and cuts with an ellipsis only at the smallest size', () => {
    expect(fitText(mono, 'abcdefghij', { maxWidth: 40, size: 10, minSize: 6, maxLines: 1 })).toMatchObject({ size: 8, lines: ['abcdefghij'], truncated: false });
    const cut = fitText(mono, 'abcdefghijklmnop', { maxWidth: 40, size: 10, minSize: 8, maxLines: 1 });
    expect(cut).toMatchObject({ size: 8, truncated: true });
    expect(cut.lines[0]).toMatch(/…$/);
    expect(mono(cut.lines[0]!, 8)).toBeLessThanOrEqual(40);
  });

  it('never returns a line wider than the box, nor more lines than allowed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 10, max: 200 }), fc.integer({ min: 1, max: 4 }), (text, width, maxLines) => {
        const fitted = fitText(mono, text, { maxWidth: width, size: 10, minSize: 6, maxLines });
        expect(fitted.lines.length).toBeLessThanOrEqual(maxLines);
        for (const line of fitted.lines) expect(mono(line, fitted.size)).toBeLessThanOrEqual(Math.max(width, mono('…', fitted.size) + fitted.size));
      }),
    );
  });

  it('ellipsize keeps what fits', () => {
    expect(ellipsize(mono, 'abcdef', 10, 30)).toBe('abcdef');
    expect(ellipsize(mono, 'abcdefgh', 10, 30)).toBe('abcde…');
  });

  it('measures Titillium Web from its own advance widths (unwrapped from WOFF)', () => {
    const bytes = loadFontBytes();
    expect(Buffer.from(bytes.regular.slice(0, 4)).toString('latin1')).not.toBe('wOFF');
    expect(woffToSfnt(bytes.regular)).toBe(bytes.regular);
    const m = fontMetrics(bytes);
    expect(m.regular.widthOf('Comune di Test', 10)).toBeCloseTo(65.16, 1);
    expect(m.bold.widthOf('0123456789', 10)).toBeCloseTo(56, 1);
  });
});

describe('notice texts', () => {
  it('the subject of a plan is what its instalments share', () => {
    expect(planSubject('TARI 2026 - rata 2')).toBe('TARI 2026');
    expect(planSubject('TARI 2026 - rata unica')).toBe('TARI 2026');
    expect(planSubject('Rette mensa (rata 3 di 10)')).toBe('Rette mensa');
    expect(planSubject('Canone unico')).toBe('Canone unico');
  });

  it('a subject longer than 90 characters is cut at a word with an ellipsis', () => {
    const long = 'parola '.repeat(20);
    const cut = limitText(long, 90);
    expect(cut.length).toBeLessThanOrEqual(90);
    expect(cut).toMatch(/parola…$/);
  });
});
