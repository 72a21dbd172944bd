/**
 * Headings stay with what follows them (blocks.ts), decided within pdfmake's one layout pass: a heading
 * whose next line would not fit under it opens the next page; one with room stays where it is.
 */
import { describe, expect, it } from 'vitest';
import type { Block, DocumentModel } from '../../src/model/document.ts';
import { renderPdf } from '../../src/render/pdf/index.ts';
import { readPdf, squash } from './pdf-text.ts';

const HEADING = '二、支出决算情况说明';
const FOLLOWING = '本年支出合计一万二千六百五十三万元，其中基本支出一千七百三十一万元，项目支出一万零九百二十二万元，' .repeat(4);

function documentWith(blocks: Block[]): DocumentModel {
  return { id: 'keep', fileName: 'keep.pdf', title: '测试', author: '测试单位', subject: '测试', keywords: [], date: '2025-09-30', frontMatter: false, blocks };
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
  it('moves a heading to the next page when the first line after it would not fit, and only then', async () => {
    const moved: number[] = [];
    // 22 body lines fill a page (GB/T 9704); the 黑体 heading is a little taller than a body line.
    const counts = [17, 18, 19, 20, 21];
    for (const filler of counts) {
      const text = await pages(fill(filler));
      const at = text.findIndex((p) => p.includes(HEADING));
      expect(text[at], `${filler}`).toContain(squash(HEADING) + FOLLOWING.slice(0, 8));
      if (text[at]!.startsWith(squash(HEADING))) moved.push(filler);
    }
    // Further down the page, the heading moves from some point on — and not before.
    expect(moved.length).toBeGreaterThan(0);
    expect(moved).toEqual(counts.slice(counts.length - moved.length));
    expect(moved.length).toBeLessThan(counts.length - 1);
  });

  it('keeps a short paragraph whole with its heading', async () => {
    const text = await pages([
      ...fill(19).slice(0, 19),
      { kind: 'heading', id: 'h', level: 1, text: HEADING },
      { kind: 'paragraph', id: 'p', text: FOLLOWING.slice(0, 60) },
    ]);
    const at = text.findIndex((p) => p.includes(HEADING));
    expect(text[at]!.startsWith(squash(HEADING) + FOLLOWING.slice(0, 60))).toBe(true);
  });
});
