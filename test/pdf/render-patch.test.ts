/**
 * src/render/pdf/render-patch.ts, part by part, and a guard on the private pdfmake code it wraps: when
 * pdfmake changes, these tests fail and name the file to revisit.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { mergeInlines, patchedRenderLine, pdfmakeRenderer, relativeTo, resolved, type Inline, type Line, type RendererThis } from '../../src/render/pdf/render-patch.ts';
import { readPdf, renderYear, squash } from './pdf-text.ts';

const require = createRequire(import.meta.url);
const PATCH = 'src/render/pdf/render-patch.ts';

describe(`the pdfmake internals ${PATCH} relies on`, () => {
  it('pdfmake is pinned to the version the patch was written for', () => {
    const pinned = (JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> }).dependencies.pdfmake;
    expect(pinned, `package.json must pin pdfmake exactly: ${PATCH} wraps its private Renderer`).toBe('0.3.11');
    expect((require('pdfmake/package.json') as { version: string }).version, `installed pdfmake differs from package.json: run npm ci (${PATCH})`).toBe(pinned);
  });

  it('Renderer.prototype.renderLine(line, x, y) still draws bookmarks, page references and inlines the way the patch expects', () => {
    const renderLine = pdfmakeRenderer().prototype.renderLine;
    expect(typeof renderLine, `pdfmake's Renderer has no renderLine any more: revisit ${PATCH}`).toBe('function');
    expect(renderLine.length, `renderLine's parameters changed: revisit ${PATCH}`).toBe(3);
    const source = renderLine.toString();
    for (const uses of ['line._outline', 'line._outline.parentId', 'addItem(', 'line._pageNodeRef', 'inline._pageNodeRef', '_pageNodeRef.positions[0].pageNumber', 'line.inlines.length', 'inline.x', 'inline.width', 'characterSpacing: inline.characterSpacing']) {
      expect(source.includes(uses), `pdfmake's renderLine no longer uses “${uses}”: revisit ${PATCH}`).toBe(true);
    }
  });
});

const glyph = (text: string, x: number, more: Partial<Inline> = {}): Inline => ({ text, x, width: 10, font: 'body', fontSize: 10, ...more });

/** Where each glyph of the runs is drawn: x, then + advance + character spacing per glyph (all glyphs here are equally wide). */
function glyphXs(runs: Inline[]): number[] {
  return runs.flatMap((r) => {
    const n = [...r.text].length;
    return Array.from({ length: n }, (_, k) => r.x + k * (r.width / n + (r.characterSpacing ?? 0)));
  });
}

describe('mergeInlines (part 2): evenly spaced single characters drawn as one run', () => {
  it('merges a justified CJK line into one run whose character spacing is the gap, every glyph in place', () => {
    const line = [0, 12, 24, 36, 48].map((x, i) => glyph('本年收入合'[i]!, x));
    const runs = mergeInlines(line);
    expect(runs.map((r) => [r.text, r.x, r.width, r.characterSpacing])).toEqual([['本年收入合', 0, 50, 2]]);
    expect(glyphXs(runs)).toEqual(line.map((g) => g.x));
  });

  it('keeps a figure, a page reference, another font and an uneven gap apart', () => {
    const runs = mergeInlines([
      glyph('合', 0),
      glyph('计', 12),
      { ...glyph('12653.82', 24), width: 40 },
      glyph('万', 66),
      glyph('元', 78, { font: 'hei' }),
      glyph('，', 90, { font: 'hei' }),
      glyph('比', 105, { font: 'hei' }),
      glyph('5', 120, { _pageNodeRef: { positions: [{ pageNumber: 5 }] } }),
    ]);
    expect(runs.map((r) => r.text)).toEqual(['合计', '12653.82', '万', '元，', '比', '5']);
    expect(runs[0]!.characterSpacing).toBe(2);
  });

  it('leaves inlines with their own character spacing, decorations or overlaps alone', () => {
    expect(mergeInlines([glyph('甲', 0, { characterSpacing: 1 }), glyph('乙', 11, { characterSpacing: 1 })]).length).toBe(2);
    expect(mergeInlines([glyph('甲', 0, { decoration: 'underline' }), glyph('乙', 10, { decoration: 'underline' })]).length).toBe(2);
    expect(mergeInlines([glyph('甲', 0), glyph('乙', 8)]).length).toBe(2);
  });
});

describe('relative page references (part 1)', () => {
  it('prints a tagged target’s page counted from its origin, and leaves other references as they are', () => {
    const origin = { positions: [{ pageNumber: 3 }] };
    const target = { positions: [{ pageNumber: 7 }] };
    relativeTo(target, origin);
    expect(resolved(target)!.positions![0]!.pageNumber).toBe(5);
    const plain = { positions: [{ pageNumber: 7 }] };
    expect(resolved(plain)).toBe(plain);
    const notLaidOut = {};
    relativeTo(notLaidOut, origin);
    expect(resolved(notLaidOut)).toBe(notLaidOut);
  });
});

describe('the wrapped renderLine (parts 1–3 together)', () => {
  function fakeRenderer() {
    const added: { title: string; top: number; left: number; under: string }[] = [];
    const item = (name: string) => ({ addItem: (title: string, o: { top: number; left: number }) => (added.push({ title, top: o.top, left: o.left, under: name }), item(title)) });
    const renderer: RendererThis = { pdfDocument: { outline: item('root'), page: { width: 595.28 } }, outlineMap: {} };
    return { renderer, added };
  }

  it('adds the bookmark at the line’s top, nested under its parent, and draws a copy without it', () => {
    const { renderer, added } = fakeRenderer();
    const drawn: Line[] = [];
    const draw = patchedRenderLine(function (line) {
      drawn.push(line);
    });
    const part: Line = { inlines: [glyph('第', 0)], _outline: { id: 'p3', text: '第三部分', expanded: false } };
    const heading: Line = { inlines: [glyph('一', 0), glyph('、', 12)], _outline: { id: 'h1', parentId: 'p3', text: '一、收入', expanded: false } };
    draw.call(renderer, part, 80, 120);
    draw.call(renderer, heading, 80, 300.5);
    expect(added).toEqual([
      { title: '第三部分', top: 120, left: 595.28, under: 'root' },
      { title: '一、收入', top: 300.5, left: 595.28, under: '第三部分' },
    ]);
    expect(drawn.map((l) => [l._outline, l.inlines.map((i) => i.text)])).toEqual([[undefined, ['第']], [undefined, ['一、']]]);
    // pdfmake's own line is untouched.
    expect(heading._outline?.text).toBe('一、收入');
    expect(heading.inlines.length).toBe(2);
  });

  it('draws a relative page reference as its relative number', () => {
    const { renderer } = fakeRenderer();
    const origin = { positions: [{ pageNumber: 3 }] };
    const target = { positions: [{ pageNumber: 9 }] };
    relativeTo(target, origin);
    let seen: unknown;
    patchedRenderLine(function (line) {
      seen = line.inlines[0]!._pageNodeRef;
    }).call(renderer, { inlines: [glyph('00000', 0, { _pageNodeRef: target })] }, 0, 0);
    expect(seen).toEqual({ positions: [{ pageNumber: 7 }] });
  });
});

describe('in the 2024 PDF', () => {
  it('each bookmark opens at its heading: left edge, the top of the heading’s line', async () => {
    const { pdf } = (await renderYear('2024'))[0]!;
    const { pdf: doc } = await readPdf(pdf);
    const outline = (await doc.getOutline())!;
    const items = outline.flatMap((o) => [o, ...(o.items as typeof outline)]);
    expect(items.length).toBeGreaterThan(20);
    for (const item of items) {
      const [ref, , left, top] = item.dest as [{ num: number; gen: number }, unknown, number, number];
      expect(left, item.title).toBe(0);
      const page = await doc.getPage((await doc.getPageIndex(ref)) + 1);
      const text = (await page.getTextContent()).items as { str: string; transform: number[]; height: number }[];
      // The line the bookmark points at starts with the bookmark's title (its first characters).
      const below = text.filter((t) => t.transform[5]! < top && t.transform[5]! > top - 2 * t.height).map((t) => t.str).join('');
      expect(squash(below), item.title).toContain(squash(item.title).slice(0, 4));
    }
  });
});
