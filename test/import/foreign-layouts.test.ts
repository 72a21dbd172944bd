/**
 * Workbooks laid out as other 决算 systems export them (test/fixtures/import/make-fixtures.ts): each
 * imports, and the year file it gives computes every figure of every 公开表 as the year file the workbook
 * was made from (a blank cell counts as 0.00, since these layouts print zero as blank).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { YearCalc } from '../../src/calc/index.ts';
import { importWorkbook } from '../../src/import/index.ts';
import { buildTables } from '../../src/model/tables.ts';
import { loadYear } from '../../src/pipeline.ts';
import { fixture, tempDir } from './helpers.ts';

/** Every amount and count of the ten tables, keyed by table, row and column; blank = 0. */
function figures(calc: YearCalc): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of buildTables(calc)) {
    for (const row of t.body) {
      for (const cell of row.cells) {
        const v = cell?.value;
        if (!cell?.ref || !v || (v.kind !== 'amount' && v.kind !== 'count')) continue;
        const value = v.kind === 'amount' ? (v.value?.toFixed(4) ?? '0.0000') : String(v.value ?? 0);
        out.set(`${t.id} ${cell.ref.rowLabel} / ${cell.ref.columnLabel}`, value === '0' ? '0.0000' : value);
      }
    }
  }
  return out;
}

const calcOf = (file: string) => {
  const r = loadYear(file);
  if (!r.value) throw new Error(JSON.stringify(r.diagnostics));
  return r.value.calc;
};

describe.each([
  [
    'finance-split-codes.xlsx',
    'data/2024.yaml',
    6,
    '类 | 款 | 项 as numbers, text amounts with separators and spaces, blank for zero, one sheet per table',
  ],
  [
    'finance-stacked.xlsx',
    'test/fixtures/general/2024.yaml',
    11,
    'all ten tables on one sheet, found by label or title; 财政拨款收入 split by fund; 公开01 in one column',
  ],
  ['finance-yuan.xlsx', 'test/fixtures/base/2024.yaml', 5, 'amounts in 元, sheets named by their titles, codes as text'],
])('%s', (name, source, items, _what) => {
  it(`imports, and its year file gives every figure of ${source}`, async () => {
    const dir = tempDir();
    const out = join(dir, '2024.yaml');
    const result = await importWorkbook({ workbook: fixture(name), texts: source, out });
    expect(result.counts.income).toBe(items);
    expect(result.notes).toEqual([]);
    const imported = calcOf(out);
    const expected = figures(calcOf(source));
    const got = figures(imported);
    const differ = [...expected].filter(([k, v]) => got.get(k) !== v).map(([k, v]) => `${k}: ${got.get(k)} ≠ ${v}`);
    expect(differ).toEqual([]);
    expect(got.size).toBe(expected.size);
  });
});

describe('what the foreign layouts put into the year file', () => {
  it('split codes 29 | 1 under 201 give 2012901; text " 10,543.89 " gives 10543.89; the 元 workbook gives 万元', async () => {
    const dir = tempDir();
    await importWorkbook({ workbook: fixture('finance-split-codes.xlsx'), texts: 'data/2024.yaml', out: join(dir, 'a', '2024.yaml') });
    const a = calcOf(join(dir, 'a', '2024.yaml')).input;
    // Blank for zero: the 0.00 of 上级补助收入 etc. is not in the workbook, so not in the file either.
    expect(a.income?.find((r) => r.code === '2012999')).toMatchObject({ code: '2012999', superior: null });
    expect(a.income?.find((r) => r.code === '2012999')?.general?.toFixed(2)).toBe('10543.89');
    expect(a.income?.find((r) => r.code === '2230199')?.state_capital?.toFixed(2)).toBe('700.00');

    await importWorkbook({
      workbook: fixture('finance-yuan.xlsx'),
      texts: 'test/fixtures/base/2024.yaml',
      out: join(dir, 'b', '2024.yaml'),
    });
    const b = calcOf(join(dir, 'b', '2024.yaml')).input;
    expect(b.income?.find((r) => r.code === '2012901')?.general?.toFixed(2)).toBe('300.00');
    expect(b.balances?.non_fiscal?.opening?.toFixed(2)).toBe('1.00');
    expect(b.three_public?.reception?.domestic?.foreign_affairs?.actual?.toFixed(2)).toBe('0.30');
  });
});
