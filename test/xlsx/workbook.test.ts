/**
 * The workbook read back with ExcelJS agrees with the TableSpecs it was rendered from: every cell's
 * value and type, every merge, number formats, fonts, borders and the print setup.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { Dec, round } from '../../src/decimal.ts';
import type { Cell, TableSpec } from '../../src/model/table-spec.ts';
import { renderWorkbook } from '../../src/render/xlsx/index.ts';
import { address, DATE, gridMerges, headerTop, readBack, renderYear, tablesFor } from './helpers.ts';

const { Null, Number: Num, String: Str, Merge } = ExcelJS.ValueType;

/** Checks one sheet cell against the spec cell it came from. */
function expectCell(got: ExcelJS.Cell, cell: Cell, where: string) {
  const v = cell.value;
  switch (v.kind) {
    case 'text':
      if (v.text === '') expect(got.type, where).toBe(Null);
      else expect([got.type, got.value], where).toEqual([Str, v.text]);
      break;
    case 'code':
      // Text, so 2012901 stays a code (and 0-led codes would keep their zeros).
      expect([got.type, got.value, got.numFmt], where).toEqual([Str, v.text, '@']);
      break;
    case 'amount':
      expect(got.numFmt, where).toBe('#,##0.00');
      if (v.value === null) {
        expect(got.type, where).toBe(Null); // truly blank, not 0
      } else {
        expect(got.type, where).toBe(Num);
        expect(new Dec(String(got.value)).equals(round(v.value, 2)), `${where}: ${String(got.value)} ≠ ${v.value.toFixed()}`).toBe(true);
      }
      break;
    case 'count':
      expect(got.numFmt, where).toBe('0');
      if (v.value === null) expect(got.type, where).toBe(Null);
      else expect([got.type, got.value], where).toEqual([Num, v.value]);
      break;
    case 'dash':
      expect([got.type, got.value], where).toEqual([Str, '——']);
      break;
    case 'empty':
      expect(got.type, where).toBe(Null);
      break;
    default:
      throw new Error(`${where}: the ten tables have no ${v.kind} cells; add a check when they do`);
  }
  expect(got.font?.bold ?? false, `${where} bold`).toBe(cell.bold ?? false);
  expect(got.alignment?.horizontal, `${where} align`).toBe(cell.align ?? 'left');
  // Figures aligned right stand one indent level off the right rule instead of touching it.
  const figureIndent = ['amount', 'count', 'plain', 'percent'].includes(v.kind) && (cell.align ?? 'left') === 'right' ? 1 : 0;
  expect(got.alignment?.indent ?? 0, `${where} indent`).toBe((cell.indent ?? 0) + figureIndent);
  if (v.kind === 'text' && v.text) expect(got.alignment?.wrapText, `${where} wrap`).toBe(true);
}

function expectFrame(got: ExcelJS.Cell, spec: TableSpec, where: string) {
  expect(got.font, where).toMatchObject({ name: '宋体', charset: 134, size: spec.fontSize ?? 10 });
  for (const side of ['top', 'left', 'bottom', 'right'] as const) expect(got.border?.[side]?.style, `${where} ${side}`).toBe('thin');
}

function checkSheet(ws: ExcelJS.Worksheet, spec: TableSpec) {
  const n = spec.columns.length;
  const last = address(1, n).replace(/\d+$/, '');
  const merges = new Set(ws.model.merges);

  expect(ws.getCell('A1').value).toBe(spec.title);
  expect(ws.getCell('A1').font).toMatchObject({ bold: true, name: '宋体', charset: 134 });
  expect(ws.getCell('A1').font.size).toBeGreaterThan(spec.fontSize ?? 10);
  expect(merges.has(`A1:${last}1`)).toBe(true);
  let r = 2;
  if (spec.subtitle) expect(ws.getCell(r++, 1).value).toBe(spec.subtitle);
  if (spec.label) {
    expect([ws.getCell(r, 1).value, ws.getCell(r, 1).alignment.horizontal]).toEqual([spec.label, 'right']);
    expect(merges.has(`A${r}:${last}${r}`)).toBe(true);
    r++;
  }
  if (spec.meta) {
    const row = ws.getRow(r);
    const masters = Array.from({ length: n }, (_, c) => row.getCell(c + 1)).filter((c) => c.master.address === c.address);
    expect(masters.map((c) => c.value)).toEqual([spec.meta.left, spec.meta.center, spec.meta.right]);
    expect(row.getCell(1).alignment.horizontal).toBe('left');
    // The 单位 text ends at the last column, right-aligned.
    expect([row.getCell(n).value, row.getCell(n).alignment.horizontal]).toEqual([spec.meta.right, 'right']);
    r++;
  }
  const top = headerTop(spec);
  expect(r).toBe(top);

  const rows = [...spec.header, ...spec.body];
  rows.forEach((row, i) =>
    row.cells.forEach((cell, c) => {
      const got = ws.getCell(top + i, c + 1);
      const where = `${spec.sheetName}!${got.address}`;
      expectFrame(got, spec, where);
      if (cell === null) expect([got.type, got.isMerged], where).toEqual([Merge, true]);
      else expectCell(got, cell, where);
    }),
  );
  // Exactly the spec's spans inside the grid, no more.
  const bottom = top + rows.length - 1;
  const inGrid = [...merges].filter((m) => {
    const row = Number(/\d+/.exec(m)![0]);
    return row >= top && row <= bottom;
  });
  expect(inGrid.sort()).toEqual(gridMerges(spec).sort());

  spec.notes.forEach((note, k) => {
    const cell = ws.getCell(bottom + 1 + k, 1);
    expect([cell.value, cell.alignment.wrapText], `${spec.sheetName} note ${k + 1}`).toEqual([note, true]);
    expect(merges.has(`A${bottom + 1 + k}:${last}${bottom + 1 + k}`)).toBe(true);
  });
  const lastRow = bottom + spec.notes.length;
  for (let row = 1; row <= lastRow; row++) expect(ws.getRow(row).height, `row ${row} height`).toBeGreaterThan(10);

  // The columns fill the page's width (less LibreOffice's 5 px padding per column: 7 px a unit).
  const widths = spec.columns.map((_, c) => ws.getColumn(c + 1).width!);
  const printable = ((spec.orientation === 'portrait' ? 8.27 : 11.69) - 0.8) * 96;
  expect(Math.abs(widths.reduce((a, b) => a + b, 0) * 7 + 5 * n - printable), `${spec.sheetName} width`).toBeLessThan(n);
  // A sheet that would spill a few rows onto a second page is fitted onto one.
  let height = 0;
  for (let row = 1; row <= lastRow; row++) height += ws.getRow(row).height;
  const pageHeight = ((spec.orientation === 'portrait' ? 11.69 : 8.27) - 1.2) * 72;
  expect(ws.pageSetup.fitToHeight, `${spec.sheetName}: ${height} pt tall`).toBe(height > pageHeight && height <= pageHeight * 1.2 ? 1 : 0);

  expect(ws.pageSetup).toMatchObject({
    paperSize: 9,
    orientation: spec.orientation,
    fitToPage: true,
    fitToWidth: 1,
    horizontalCentered: true,
    printArea: `A1:${last}${lastRow}`,
    printTitlesRow: `${top}:${top + spec.header.length - 1}`,
  });
  expect(ws.headerFooter.oddFooter).toMatch(/第 &P 页，共 &N 页/);
  expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: spec.frozenColumns ?? 0, ySplit: top + spec.header.length - 1 });
}

describe.each([
  ['data/2024.yaml', '江西省总工会'],
  ['test/fixtures/general/2024.yaml', undefined],
])('the workbook for %s', (file, department) => {
  const rendered = renderYear(file);

  it('has one sheet per table, named and ordered as the specs', async () => {
    const { tables, buffer } = await rendered;
    const wb = await readBack(buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(tables.map((t) => t.sheetName));
    if (department)
      expect(wb.worksheets.map((w) => w.name)).toEqual(Array.from({ length: 10 }, (_, i) => `公开${String(i + 1).padStart(2, '0')}表`));
  });

  it('agrees with the spec cell by cell, merge by merge, and prints as the spec says', async () => {
    const { tables, buffer } = await rendered;
    const wb = await readBack(buffer);
    for (const spec of tables) checkSheet(wb.getWorksheet(spec.sheetName!)!, spec);
  });

  it('carries the properties from the data, not the machine', async () => {
    const { meta, buffer } = await rendered;
    const wb = await readBack(buffer);
    expect(wb.title).toBe(meta.title);
    expect(wb.creator).toBe(meta.author);
    expect(wb.lastModifiedBy).toBe(meta.author);
    expect(wb.company).toBe(meta.author);
    expect(wb.created.toISOString()).toBe(`${DATE}T00:00:00.000Z`);
    expect(wb.modified.toISOString()).toBe(`${DATE}T00:00:00.000Z`);
    if (department) expect(meta.author).toBe(department);
  });
});

describe('known figures land in the right cells (data/2024.yaml)', () => {
  it('公开01 / 公开03 / 公开05 totals', async () => {
    const wb = await readBack((await renderYear('data/2024.yaml')).buffer);
    const find = (sheet: string, label: string) => {
      const ws = wb.getWorksheet(sheet)!;
      let found: ExcelJS.Row | undefined;
      ws.eachRow((row) => {
        if (!found && row.values && (row.values as unknown[]).includes(label)) found = row;
      });
      if (!found) throw new Error(`${sheet}: no row ${label}`);
      return (found.values as unknown[]).filter((v) => typeof v === 'number');
    };
    expect(find('公开01表', '一、一般公共预算财政拨款收入')).toEqual([11953.82, 11391.99]);
    expect(find('公开01表', '本年收入合计')).toEqual([12653.82, 12653.82]);
    expect(find('公开03表', '合计')).toEqual([12653.82, 1731.72, 10922.1]);
    expect(find('公开05表', '合计')).toEqual([11953.82, 1731.72, 10222.1]);
    expect(find('公开06表', '人员经费合计')).toEqual([1731.72, 0]);
  });
});

describe('a broken spec is reported, not patched', () => {
  const base = () => tablesFor('data/2024.yaml').tables.find((t) => t.id === 'T10')!;

  it('a gap no span covers', async () => {
    const spec = base();
    spec.body[0]!.cells[1] = null;
    await expect(renderWorkbook([spec], { title: 't', author: 'a', date: DATE })).rejects.toThrow(/空位没有被合并单元格覆盖/);
  });

  it('overlapping spans', async () => {
    const spec = base();
    spec.body[0]!.cells[0] = { ...spec.body[0]!.cells[0]!, rowSpan: 2 };
    await expect(renderWorkbook([spec], { title: 't', author: 'a', date: DATE })).rejects.toThrow(/与合并单元格重叠/);
  });

  it('a date that is not a date', async () => {
    await expect(renderWorkbook([base()], { title: 't', author: 'a', date: 'soon' })).rejects.toThrow(/日期无效/);
  });
});
