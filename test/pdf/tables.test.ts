/**
 * The 公开表 set from their content (src/render/pdf/table-layout.ts, table.ts): columns as wide as
 * their figures, names and headers ask, no line holding one character alone, a long table split
 * evenly over pages with 「公开NN表（续）」 and its header on each continuation.
 */
import { describe, expect, it } from 'vitest';
import { D } from '../../src/decimal.ts';
import { loadFonts } from '../../src/fonts/index.ts';
import type { DocumentModel } from '../../src/model/document.ts';
import { cellText } from '../../src/model/format.ts';
import type { TableRow, TableSpec } from '../../src/model/table-spec.ts';
import { renderPdf } from '../../src/render/pdf/index.ts';
import { contentWidth, MARGINS, PAGE } from '../../src/render/pdf/style.ts';
import { FITS, setTable } from '../../src/render/pdf/table.ts';
import { cellLines, widestFigure } from '../../src/render/pdf/table-layout.ts';
import { documentsOf, readPdf, squash } from './pdf-text.ts';

const fonts = loadFonts();

describe('the 2024 公开表', () => {
  const doc = documentsOf('2024')[0]!;
  const specs = doc.blocks.flatMap((b) => (b.kind === 'table' && b.table.label ? [b.table] : []));
  const figureEm = widestFigure(specs, fonts);
  const landscape = new Set(['公开02表', '公开03表', '公开04表', '公开06表', '公开07表']);
  const laid = specs.map((spec) => ({
    spec,
    set: setTable(spec, {
      fonts,
      figureEm,
      width: contentWidth(
        landscape.has(spec.label!) ? MARGINS.landscapeTable : MARGINS.portraitTable,
        landscape.has(spec.label!) ? 'landscape' : 'portrait',
      ),
    }),
  }));

  it('leave no character alone on a line of a header or a cell', () => {
    const lone: string[] = [];
    for (const { spec, set } of laid) {
      [...spec.header, ...spec.body].forEach((row, r) =>
        row.cells.forEach((cell, c) => {
          const lines = set.lines[r]![c];
          if (cell && lines && lines.length > 1 && lines.some((l) => [...l].length === 1)) lone.push(`${spec.label}: ${lines.join('/')}`);
        }),
      );
    }
    expect(lone).toEqual([]);
  });

  it('set every 科目名称 and every figure of 02, 03, 05 and 08 on one line', () => {
    for (const { spec, set } of laid.filter((l) => ['公开02表', '公开03表', '公开05表', '公开08表'].includes(l.spec.label!))) {
      spec.body.forEach((row, r) =>
        row.cells.forEach((cell, c) => {
          if (cell) expect(set.lines[spec.header.length + r]![c], `${spec.label} ${cellText(cell.value)}`).toHaveLength(1);
        }),
      );
    }
  });

  it('give the amount columns room for the publication’s largest figure', () => {
    for (const { spec, set } of laid) {
      spec.columns.forEach((_, c) => {
        if (spec.body.some((r) => r.cells[c]?.value.kind === 'amount' && (r.cells[c]?.colSpan ?? 1) === 1))
          expect(set.widths[c]! / (spec.fontSize ?? 9), `${spec.label} column ${c}`).toBeGreaterThanOrEqual(figureEm);
      });
    }
  });
});

describe('cellLines', () => {
  it('breaks a header into even lines rather than leaving its last character alone', () => {
    const width = (t: string) => cellLines(t, 1000, 'body', 9, fonts)[0]!;
    expect(width('附属单位上缴收入')).toBe('附属单位上缴收入');
    // Room for seven characters: 附属单位上缴收/入 filled line by line; 附属单位/上缴收入 even.
    const room = 7.2 * 9;
    expect(cellLines('附属单位上缴收入', room, 'body', 9, fonts)).toEqual(['附属单位', '上缴收入']);
    expect(cellLines('支出功能分类科目编码', room, 'body', 9, fonts, true)).toEqual(['支出功能分', '类科目编码']);
    // Figures are never broken, whatever the room.
    expect(cellLines('12,653.82', 10, 'body', 9, fonts)).toEqual(['12,653.82']);
  });
});

/** A 公开表-like table of `n` item rows. */
function longTable(n: number): TableSpec {
  const cell = (text: string, kind: 'text' | 'code' = 'text') => ({ value: { kind, text } as const });
  const amount = (v: string) => ({ value: { kind: 'amount', value: D(v) } as const, align: 'right' as const });
  const body: TableRow[] = Array.from({ length: n }, (_, i) => ({
    kind: 'item',
    cells: [cell(String(2012901 + i), 'code'), cell(`第${i + 1}项支出`), amount(`${100 + i}.25`), amount('0.00')],
  }));
  return {
    id: 't99',
    label: '公开99表',
    title: '测试决算表',
    meta: { left: '部门：测试单位', center: '2024年度', right: '金额单位：万元' },
    orientation: 'portrait',
    columns: [
      { key: 'code', width: 10 },
      { key: 'name', width: 30 },
      { key: 'a', width: 15 },
      { key: 'b', width: 15 },
    ],
    header: [{ kind: 'header', cells: [cell('科目编码'), cell('科目名称'), cell('本年支出合计'), cell('其他支出')] }],
    body,
    notes: ['注：本表为测试表。'],
  };
}

function documentWith(table: TableSpec): DocumentModel {
  return {
    id: 't',
    fileName: 't.pdf',
    title: '测试',
    author: '测试单位',
    subject: '测试',
    keywords: [],
    date: '2025-09-30',
    frontMatter: false,
    blocks: [{ kind: 'table', id: 't99', table, newPage: true }],
  };
}

describe('a table longer than its page', () => {
  it('is split evenly, each continuation headed 「公开99表（续）」 and the header, the notes after the last row', async () => {
    const n = 70;
    const { pages } = await readPdf(await renderPdf(documentWith(longTable(n))));
    expect(pages.length).toBeGreaterThan(1);
    const text = pages.map((p) => squash(p.text));
    expect(text[0]).toMatch(/^测试决算表公开99表部门：测试单位2024年度金额单位：万元科目编码科目名称本年支出合计其他支出/);
    for (const t of text.slice(1)) expect(t).toMatch(/^公开99表（续）科目编码科目名称本年支出合计其他支出/);
    const rows = text.map((t) => (t.match(/第\d+项支出/g) ?? []).length);
    expect(rows.reduce((a, b) => a + b, 0)).toBe(n);
    expect(Math.max(...rows) - Math.min(...rows)).toBeLessThanOrEqual(2);
    expect(text.at(-1)).toMatch(/第70项支出.*注：本表为测试表。$/);
  });

  it('that nearly fits is set a little tighter instead, on one page', async () => {
    const o = { fonts, width: contentWidth(MARGINS.portraitTable, 'portrait') };
    const room = PAGE.portrait.height - MARGINS.portraitTable[1] - MARGINS.portraitTable[3];
    const rows = (n: number, fit: (typeof FITS)[number]) => setTable(longTable(n), o, fit(9)).heights.reduce((a, b) => a + b, 0);
    // Rows alone taller than the page as designed, yet with room for title and notes when tighter.
    let n = 10;
    while (rows(n, FITS[0]!) <= room) n += 1;
    expect(rows(n, FITS.at(-1)!) + 100).toBeLessThan(room);
    const { pages } = await readPdf(await renderPdf(documentWith(longTable(n))));
    expect(pages.length).toBe(1);
    expect(squash(pages[0]!.text)).toMatch(new RegExp(`第${n}项支出.*注：本表为测试表。$`));
  });
});
