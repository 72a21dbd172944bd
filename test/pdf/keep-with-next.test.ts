/**
 * Headings stay with what follows them (blocks.ts), decided within pdfmake's one layout pass and only as
 * much as needed: a heading keeps the first two lines of its paragraph on its page — it opens the next
 * page when they would not fit under it, and the rest of the paragraph flows on as usual.
 */
import { describe, expect, it } from 'vitest';
import { loadFonts } from '../../src/fonts/index.ts';
import type { Block, DocumentModel } from '../../src/model/document.ts';
import { renderPdf } from '../../src/render/pdf/index.ts';
import { breakLines } from '../../src/render/pdf/lines.ts';
import { contentWidth, MARGINS, SIZE } from '../../src/render/pdf/style.ts';
import { readPdf, squash } from './pdf-text.ts';

const HEADING = '二、支出决算情况说明';
const FOLLOWING = '本年支出合计一万二千六百五十三万元，其中基本支出一千七百三十一万元，项目支出一万零九百二十二万元，'.repeat(4);
const [line1, line2] = breakLines(FOLLOWING, {
  fonts: loadFonts(),
  role: 'body',
  size: SIZE.san,
  width: contentWidth(MARGINS.text, 'portrait'),
  indent: 2 * SIZE.san,
}).map((l) => l.runs.map((r) => r.text).join(''));

function documentWith(blocks: Block[]): DocumentModel {
  return {
    id: 'keep',
    fileName: 'keep.pdf',
    title: '测试',
    author: '测试单位',
    subject: '测试',
    keywords: [],
    date: '2025-09-30',
    frontMatter: false,
    blocks,
  };
}

/** `filler` one-line paragraphs, then the heading and a long paragraph. */
const fill = (filler: number): Block[] => [
  ...Array.from({ length: filler }, (_, i) => ({ kind: 'paragraph' as const, id: `f${i}`, text: `第${i + 1}行。` })),
  { kind: 'heading', id: 'h', level: 1, text: HEADING },
  { kind: 'paragraph', id: 'p', text: FOLLOWING },
];

async function pages(blocks: Block[]) {
  return (await readPdf(await renderPdf(documentWith(blocks)))).pages.map((p) => squash(p.text));
}

describe('keep with next', () => {
  it('keeps a heading with the first two lines of its paragraph, moving it to the next page only when they would not fit', async () => {
    const moved: number[] = [];
    const split: number[] = [];
    // 22 body lines fill a page (GB/T 9704); the 黑体 heading is a little taller than a body line.
    const counts = [15, 16, 17, 18, 19, 20, 21];
    for (const filler of counts) {
      const text = await pages(fill(filler));
      const at = text.findIndex((p) => p.includes(squash(HEADING)));
      expect(text[at], `${filler}`).toContain(squash(HEADING + line1! + line2!));
      if (text[at]!.startsWith(squash(HEADING))) moved.push(filler);
      else if (!text[at]!.endsWith(squash(FOLLOWING))) split.push(filler);
    }
    // Further down the page the heading moves from some point on, and not before; above that point
    // the paragraph starts under its heading and goes on overleaf.
    expect(moved.length).toBeGreaterThan(0);
    expect(moved).toEqual(counts.slice(counts.length - moved.length));
    expect(split.length).toBeGreaterThan(0);
  });
});
