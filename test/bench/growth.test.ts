/**
 * The bench's growth case stays a year file `build` publishes: no error, the projects and 项 rows
 * multiplied, every total unchanged (test/bench/growth.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadYear } from '../../src/pipeline.ts';
import { split, writeGrowthYear } from './growth.ts';
import { D } from '../../src/decimal.ts';

const dir = mkdtempSync(join(tmpdir(), 'juesuan-growth-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the growth case of the bench', () => {
  it('splits an amount exactly, two decimals a part', () => {
    expect(split(D('848.10'), 3).map(String)).toEqual(['282.7', '282.7', '282.7']);
    expect(split(D('10222.10'), 3).map(String)).toEqual(['3407.36', '3407.36', '3407.38']);
  });

  it('checks without errors, with 10 × the projects, 3 × the 项 rows and the same totals', () => {
    const base = loadYear('data/2024.yaml').value!;
    const result = loadYear(writeGrowthYear(dir, { projects: 10, rows: 3 }));
    expect(result.diagnostics.filter((d) => d.severity === 'error' && !d.acknowledged)).toEqual([]);
    const grown = result.value!;
    expect(grown.calc.input.projects!.length).toBe(10 * base.calc.input.projects!.length);
    expect(grown.calc.input.income!.length).toBe(3 * base.calc.input.income!.length);
    expect(grown.calc.input.expenditure!.length).toBe(3 * base.calc.input.expenditure!.length);
    expect(String(grown.calc.totals.incomeTotal)).toBe(String(base.calc.totals.incomeTotal));
    expect(String(grown.calc.totals.expenditureTotal)).toBe(String(base.calc.totals.expenditureTotal));
  });
});
