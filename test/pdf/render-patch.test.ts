/**
 * src/render/pdf/render-patch.ts, part by part, and a guard on the private pdfmake code it wraps: when
 * pdfmake changes, these tests fail and name the file to revisit.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  patchedRenderLine,
  pdfmakeRenderer,
  relativeTo,
  resolved,
  type Inline,
  type Line,
  type RendererThis,
} from '../../src/render/pdf/render-patch.ts';
import { readPdf, renderYear, squash } from './pdf-text.ts';

const require = createRequire(import.meta.url);
const PATCH = 'src/render/pdf/render-patch.ts';

describe(`the pdfmake internals ${PATCH} relies on`, () => {
  it('pdfmake is pinned to the version the patch was written for', () => {
    const pinned = (JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> }).dependencies.pdfmake;
    expect(pinned, `package.json must pin pdfmake exactly: ${PATCH} wraps its private Renderer`).toBe('0.3.11');
    expect(
      (require('pdfmake/package.json') as { version: string }).version,
      `installed pdfmake differs from package.json: run npm ci (${PATCH})`,
    ).toBe(pinned);
  });

  it('Renderer.prototype.renderLine(line, x, y) still draws bookmarks, page references and inlines the way the patch expects', () => {
    expect(typeof pdfmakeRenderer().prototype.renderLine, `pdfmake's Renderer has no renderLine any more: revisit ${PATCH}`).toBe(
      'function',
    );
    // pdfmake's own code, read from its file: in this process the prototype may already hold the patch
    // (test files share loaded modules).
    const file = readFileSync(require.resolve('pdfmake/js/Renderer.js'), 'utf8');
    const start = file.indexOf('\n  renderLine(line, x, y) {\n');
    expect(start, `renderLine's parameters changed: revisit ${PATCH}`).toBeGreaterThan(-1);
    const source = file.slice(start, file.indexOf('\n  }\n', start));
    for (const uses of [
      'line._outline',
      'line._outline.parentId',
      'addItem(',
      'line._pageNodeRef',
      'inline._pageNodeRef',
      '_pageNodeRef.positions[0].pageNumber',
      'line.inlines.length',
    ]) {
      expect(source.includes(uses), `pdfmake's renderLine no longer uses “${uses}”: revisit ${PATCH}`).toBe(true);
    }
  });
});

const glyph = (text: string, x: number, more: Partial<Inline> = {}): Inline => ({
  text,
  x,
  width: 10,
  font: 'body',
  fontSize: 10,
  ...more,
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

describe('the wrapped renderLine (parts 1 and 2 together)', () => {
  function fakeRenderer() {
    const added: { title: string; top: number; left: number; under: string }[] = [];
    const item = (name: string) => ({
      addItem: (title: string, o: { top: number; left: number }) => (
        added.push({ title, top: o.top, left: o.left, under: name }), item(title)
      ),
    });
    const renderer: RendererThis = { pdfDocument: { outline: item('root'), page: { width: 595.28 } }, outlineMap: {} };
    return { renderer, added };
  }

  it('adds the bookmark at the line’s top, nested under its parent, and draws a copy without it', () => {
    const { renderer, added } = fakeRenderer();
    const drawn: Line[] = [];
    const draw = patchedRenderLine((line) => {
      drawn.push(line);
    });
    const part: Line = { inlines: [glyph('第', 0)], _outline: { id: 'p3', text: '第三部分', expanded: false } };
    const heading: Line = {
      inlines: [glyph('一', 0), glyph('、', 12)],
      _outline: { id: 'h1', parentId: 'p3', text: '一、收入', expanded: false },
    };
    draw.call(renderer, part, 80, 120);
    draw.call(renderer, heading, 80, 300.5);
    expect(added).toEqual([
      { title: '第三部分', top: 120, left: 595.28, under: 'root' },
      { title: '一、收入', top: 300.5, left: 595.28, under: '第三部分' },
    ]);
    expect(drawn.map((l) => [l._outline, l.inlines.map((i) => i.text)])).toEqual([
      [undefined, ['第']],
      [undefined, ['一', '、']],
    ]);
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
    patchedRenderLine((line) => {
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
      const below = text
        .filter((t) => t.transform[5]! < top && t.transform[5]! > top - 2 * t.height)
        .map((t) => t.str)
        .join('');
      expect(squash(below), item.title).toContain(squash(item.title).slice(0, 4));
    }
  });
});
