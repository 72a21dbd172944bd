/**
 * The workbook as a reader sees it printed: rows of one line are one line high, no heading or name is
 * broken with a single character left on its last line, and figures stand off the right rule. Widths
 * are read back from the file and the text measured with the font's own advance widths (fontkit), the
 * way Excel (7 px per width unit, about 6 px of cell margins) and LibreOffice (5 px more per column,
 * about 1 px of margin) lay a cell out.
 */
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { textWidth } from '../../src/fonts/index.ts';
import { cellText } from '../../src/model/format.ts';
import type { TableSpec } from '../../src/model/table-spec.ts';
import { headerTop, readBack, renderYear } from './helpers.ts';

/** Greedy wrap, one character at a time, of `text` at `sizePt` in `px` of room. */
function wrap(text: string, sizePt: number, px: number, bold: boolean): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    const wider = (textWidth(line + ch, bold ? 'bodyBold' : 'body', sizePt) * 96) / 72;
    if (line && wider > px) {
      lines.push(line);
      line = ch;
    } else line += ch;
  }
  return [...lines, line];
}

/** Room in px for a cell over columns [c, c + span), in Excel and in LibreOffice. */
function rooms(ws: ExcelJS.Worksheet, c: number, span: number, indent: number): number[] {
  let units = 0;
  for (let k = c; k < c + span; k++) units += ws.getColumn(k + 1).width!;
  const excel = units * 7 - 6 - indent * 9;
  return [excel, excel + 5 * span + 5];
}

const years = ['data/2024.yaml', 'test/fixtures/general/2024.yaml'];

describe.each(years)('the workbook of %s, printed', (file) => {
  const rendered = renderYear(file).then(async (r) => ({ ...r, wb: await readBack(r.buffer) }));

  it('gives rows of one line one line of height (公开02/03/05/08: every body row)', async () => {
    const { tables, wb } = await rendered;
    for (const spec of tables.filter((t) => ['T02', 'T03', 'T05', 'T08'].includes(t.id))) {
      const ws = wb.getWorksheet(spec.sheetName!)!;
      const size = spec.fontSize ?? 10;
      const top = headerTop(spec) + spec.header.length;
      spec.body.forEach((_, i) => {
        const h = ws.getRow(top + i).height;
        // One line of 宋体 and a little air: well under two lines.
        expect(h, `${spec.sheetName} body row ${i + 1}`).toBeLessThanOrEqual(size * 1.35 + 3.25);
        expect(h, `${spec.sheetName} body row ${i + 1}`).toBeGreaterThanOrEqual(size * 1.2);
      });
    }
  });

  it('never breaks a heading or a name leaving one character alone on its last line', async () => {
    const { tables, wb } = await rendered;
    const orphans: string[] = [];
    const check = (spec: TableSpec, ws: ExcelJS.Worksheet) => {
      const size = spec.fontSize ?? 10;
      [...spec.header, ...spec.body].forEach((row) =>
        row.cells.forEach((cell, c) => {
          if (!cell || (cell.value.kind !== 'text' && cell.value.kind !== 'code')) return;
          const text = cellText(cell.value);
          if (cell.value.kind === 'code' || !text) return;
          for (const room of rooms(ws, c, cell.colSpan ?? 1, cell.indent ?? 0)) {
            const lines = wrap(text, size, room, cell.bold ?? false);
            if (lines.length > 1 && [...lines[lines.length - 1]!].length === 1)
              orphans.push(`${spec.sheetName} 「${lines.join('/')}」 in ${Math.round(room)} px`);
          }
        }),
      );
    };
    for (const spec of tables) check(spec, wb.getWorksheet(spec.sheetName!)!);
    expect(orphans).toEqual([]);
  });

  it('the 公开06 heading 「经济分类科目编码」 no longer ends in 「码」 alone', async () => {
    const { tables, wb } = await rendered;
    const spec = tables.find((t) => t.id === 'T06')!;
    const ws = wb.getWorksheet(spec.sheetName!)!;
    for (const room of rooms(ws, 0, 1, 0)) {
      const lines = wrap('经济分类科目编码', spec.fontSize ?? 10, room, false);
      expect(lines.length === 1 || lines.every((l) => [...l].length >= 2), lines.join('/')).toBe(true);
      expect(lines.length, lines.join('/')).toBeLessThanOrEqual(2);
    }
  });

  it('keeps every figure off the right rule and wide enough to show whole', async () => {
    const { tables, wb } = await rendered;
    for (const spec of tables) {
      const ws = wb.getWorksheet(spec.sheetName!)!;
      const size = spec.fontSize ?? 10;
      const top = headerTop(spec);
      [...spec.header, ...spec.body].forEach((row, i) =>
        row.cells.forEach((cell, c) => {
          if (!cell || cell.value.kind !== 'amount' || cell.value.value === null) return;
          const got = ws.getCell(top + i, c + 1);
          expect([got.alignment.horizontal, got.alignment.indent], got.address).toEqual(['right', 1]);
          // A figure too wide for its column prints as ####: the text and its indent must fit.
          const [excel] = rooms(ws, c, cell.colSpan ?? 1, 1);
          expect(
            textWidth(cellText(cell.value), cell.bold ? 'bodyBold' : 'body', size) * (96 / 72),
            `${spec.sheetName}!${got.address}`,
          ).toBeLessThan(excel!);
        }),
      );
    }
  });
});
