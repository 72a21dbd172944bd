/**
 * Body text set the Chinese way (src/render/pdf/lines.ts): lines justified by compressing punctuation
 * first and spreading what is left evenly, never more than MAX_GAP between two characters — checked in
 * the line breaker itself and in the character spacing the two published documents really carry.
 */
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { loadFonts, runWidth } from '../../src/fonts/index.ts';
import { breakLines, MAX_GAP, type SetLine } from '../../src/render/pdf/lines.ts';
import { readPdf, renderYear } from './pdf-text.ts';

const fonts = loadFonts();
const SIZE = 16;
const WIDTH = 442.2;
const TEXT =
  '本部门2024年度收入总计12653.82万元，其中年初结转和结余0.00万元，比上年减少42.17万元，下降100.00%；使用非财政拨款结余（含专用结余）0.00万元，与上年持平；本年收入合计12653.82万元，比上年增加4859.38万元，增长62.34%，主要原因：住房公积金增加18.72万元，“振兴杯”职业技能竞赛补助减少24万元。';

const lineText = (l: SetLine) => l.runs.map((r) => r.text).join('');
/** Where the line ends: indent, then each run at its width plus the spacing after every character but its last. */
const lineEnd = (l: SetLine) =>
  l.indent +
  l.runs.reduce(
    (w, r) => w + runWidth(r.text, 'body', SIZE, fonts, r.halfWidthPunctuation ? ['halt'] : undefined) + l.spacing * (r.text.length - 1),
    0,
  );

describe('breakLines', () => {
  const lines = breakLines(TEXT, { fonts, role: 'body', size: SIZE, width: WIDTH, indent: 2 * SIZE });

  it('keeps every character, in order, and indents the first line', () => {
    expect(lines.map(lineText).join('')).toBe(TEXT);
    expect(lines.map((l) => l.indent)).toEqual([2 * SIZE, ...lines.slice(1).map(() => 0)]);
  });

  it('justifies every line but the last to the column, within MAX_GAP between two characters', () => {
    for (const l of lines.slice(0, -1)) {
      expect(lineEnd(l), lineText(l)).toBeCloseTo(WIDTH, 2);
      expect(l.spacing / SIZE, lineText(l)).toBeLessThanOrEqual(MAX_GAP);
    }
    expect(lines.at(-1)!.spacing).toBe(0);
  });

  it('never starts a line with closing punctuation or ends one with an opening bracket, and keeps figures whole', () => {
    for (const l of lines) {
      expect(lineText(l), lineText(l)).not.toMatch(/^[，。、；：？！）》”’%]/u);
      expect(lineText(l), lineText(l)).not.toMatch(/[（《“‘]$/u);
    }
    const joined = lines.map(lineText).join('|');
    for (const figure of ['12653.82', '4859.38', '62.34%', '100.00%']) expect(joined).toContain(figure);
  });

  it('compresses punctuation to half width rather than open wide gaps, opening brackets excepted', () => {
    // A column where the figure fits after the words only with their five commas and colon half-width.
    const words = '本年收入合计，比上年增加，主要原因：工会，';
    const width = runWidth(words, 'body', SIZE, fonts, ['halt']) + runWidth('12653.82', 'body', SIZE, fonts) + 2;
    expect(runWidth(words + '12653.82', 'body', SIZE, fonts)).toBeGreaterThan(width);
    const [first] = breakLines(`${words}12653.82万元。`, { fonts, role: 'body', size: SIZE, width, indent: 0 });
    expect(lineText(first!)).toBe(`${words}12653.82`);
    expect(first!.runs.every((r) => r.halfWidthPunctuation)).toBe(true);
    const bracketed = breakLines('（一）'.repeat(20), { fonts, role: 'body', size: SIZE, width: 300, indent: 0 });
    for (const r of bracketed.flatMap((l) => l.runs)) if (/[（]/u.test(r.text)) expect(r.halfWidthPunctuation).toBe(false);
  });
});

/** Every character spacing (Tc) in the PDF, per font size: [Tc / size, the text it applies to]. */
async function characterSpacings(pdf: Buffer): Promise<[number, string][]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const out: [number, string][] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const { fnArray, argsArray } = await (await doc.getPage(n)).getOperatorList();
    let size = 1;
    let spacing = 0;
    // Character spacing is graphics state: q saves it, Q restores it (pdfkit wraps each text in q … Q).
    const saved: number[] = [];
    fnArray.forEach((fn, i) => {
      const args = argsArray[i] as unknown[];
      if (fn === OPS.save) saved.push(spacing);
      else if (fn === OPS.restore) spacing = saved.pop() ?? 0;
      else if (fn === OPS.setFont) size = args[1] as number;
      else if (fn === OPS.setCharSpacing) spacing = args[0] as number;
      else if (fn === OPS.showText && spacing) {
        const glyphs = (args[0] as ({ unicode?: string } | number)[])
          .map((g) => (typeof g === 'object' && g ? (g.unicode ?? '') : ''))
          .join('');
        out.push([spacing / size, glyphs]);
      }
    });
  }
  return out;
}

describe.each(['2024', '2020'])('the %s PDF', (year) => {
  it(`spaces no two characters more than ${MAX_GAP} em apart (the 目录's dot leaders aside)`, async () => {
    const { pdf } = (await renderYear(year))[0]!;
    const spaced = (await characterSpacings(pdf)).filter(([, text]) => !/^\.+$/.test(text));
    expect(spaced.length).toBeGreaterThan(year === '2024' ? 300 : 40);
    const wide = spaced.filter(([gap]) => gap > MAX_GAP + 1e-9).map(([gap, text]) => `${gap.toFixed(3)} em: ${text}`);
    expect(wide).toEqual([]);
  });
});

describe('read back as text', () => {
  it('a line with long figures comes out as words, not letter-spaced characters (the seed’s —15—)', async () => {
    const { pdf } = (await renderYear('2024'))[0]!;
    const { pdf: doc } = await readPdf(pdf);
    let text = '';
    for (let n = 1; n <= doc.numPages; n++) {
      // pdfjs's own reading: its items in order, a space only where pdfjs itself sees one.
      for (const item of (await (await doc.getPage(n)).getTextContent()).items)
        if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
    }
    expect(text).toContain('入合计12653.82万元，比上年增加4859.38万元，增长62.34%');
  });
});
