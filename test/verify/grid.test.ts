/**
 * The pieces verify rebuilds a table from: the rules drawn on a page become rows, columns and merged
 * cells, and the text falls into the cell it is printed in — wherever the table sits and however wide
 * its columns are.
 */
import { describe, expect, it } from 'vitest';
import { findGrids } from '../../src/verify/grid.ts';
import { readingOrder, splitRun, type Rule, type TextRun } from '../../src/verify/pdf.ts';

const h = (at: number, a: number, b: number): Rule => ({ dir: 'h', at, a, b });
const v = (at: number, a: number, b: number): Rule => ({ dir: 'v', at, a, b });
const run = (text: string, x0: number, x1: number, y: number): TextRun => ({ text, x0, x1, y, size: 9 });

/**
 *  y 100 ┌──────────┬────────┬────────┐
 *        │ 项目      │ 本年   │ 上年   │
 *    120 ├────┬─────┼────────┼────────┤
 *        │201 │一般  │ 11.00  │        │   ← the blank cell stays blank
 *    140 ├────┴─────┼────────┼────────┤
 *        │ 合计      │ 11.00  │ 0.00   │
 *    160 └──────────┴────────┴────────┘
 *        x 0   40   100      160      220
 */
function table(dx = 0, dy = 0, scale = 1): { rules: Rule[]; runs: TextRun[] } {
  const X = (x: number) => dx + x * scale;
  const Y = (y: number) => dy + y;
  const rules = [
    h(Y(100), X(0), X(220)),
    h(Y(160), X(0), X(220)),
    // between the header and the first row, everywhere; between the two body rows, also everywhere
    h(Y(120), X(0), X(220)),
    h(Y(140), X(0), X(220)),
    v(X(0), Y(100), Y(160)),
    v(X(220), Y(100), Y(160)),
    v(X(100), Y(100), Y(160)),
    v(X(160), Y(100), Y(160)),
    // 201 | 一般 are two cells only in the first body row
    v(X(40), Y(120), Y(140)),
  ];
  const runs = [
    run('项目', X(5), X(25), Y(114)),
    run('本年', X(120), X(140), Y(114)),
    run('上年', X(180), X(200), Y(114)),
    run('201', X(3), X(17), Y(134)),
    run('一般', X(45), X(63), Y(134)),
    run('11.00', X(130), X(157), Y(134)),
    run('合计', X(30), X(48), Y(154)),
    run('11.00', X(130), X(157), Y(154)),
    run('0.00', X(195), X(217), Y(154)),
  ];
  return { rules, runs };
}

describe('a ruled table rebuilt from its rules', () => {
  it('finds rows, columns, merged cells and the text in each', () => {
    const { rules, runs } = table();
    const [grid] = findGrids(1, rules, runs);
    expect(grid).toMatchObject({ rows: 3, cols: 4 });
    const row = (r: number) => grid!.cells.filter((c) => c.r0 === r).map((c) => [c.c0, c.c1, c.text]);
    expect(row(0)).toEqual([
      [0, 1, '项目'],
      [2, 2, '本年'],
      [3, 3, '上年'],
    ]);
    expect(row(1)).toEqual([
      [0, 0, '201'],
      [1, 1, '一般'],
      [2, 2, '11.00'],
      [3, 3, ''],
    ]);
    expect(row(2)).toEqual([
      [0, 1, '合计'],
      [2, 2, '11.00'],
      [3, 3, '0.00'],
    ]);
    expect(grid!.at(2, 1)).toBe(grid!.at(2, 0));
  });

  it('reads the same wherever the table stands and however wide it is drawn', () => {
    const a = findGrids(1, table().rules, table().runs)[0]!;
    const moved = table(300, 250, 1.7);
    const b = findGrids(1, moved.rules, moved.runs)[0]!;
    expect(b.cells.map((c) => [c.r0, c.c0, c.c1, c.text])).toEqual(a.cells.map((c) => [c.r0, c.c0, c.c1, c.text]));
  });

  it('keeps two tables on one page apart', () => {
    const one = table();
    const two = table(0, 200);
    const grids = findGrids(1, [...one.rules, ...two.rules], [...one.runs, ...two.runs]);
    expect(grids.map((g) => [g.top, g.rows])).toEqual([
      [100, 3],
      [300, 3],
    ]);
  });
});

describe('text runs', () => {
  it('splits a run pdfjs joined across two cells at its space, each part where it was drawn', () => {
    const parts = splitRun(run('848.10 行政运行', 100, 184, 50));
    expect(parts.map((p) => p.text)).toEqual(['848.10', '行政运行']);
    // 848.10 is 3 em of the run's 7.5 (digits half an em, the space half, ideographs one).
    expect(parts[0]!.x1).toBeCloseTo(100 + (84 * 3) / 7.5, 5);
    expect(parts[1]!.x0).toBeGreaterThan(parts[0]!.x1);
  });

  it('reads lines top to bottom, each left to right', () => {
    expect(readingOrder([run('二', 50, 60, 80), run('一', 10, 20, 80.5), run('上', 10, 20, 60)])).toBe('上\n一 二');
  });
});
