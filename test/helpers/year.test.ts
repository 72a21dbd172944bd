import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadYear } from '../../src/pipeline.ts';
import { RULES } from '../../src/check/index.ts';
import { BASE_2024, check, dedent, edit, lineWith, MARK, patch, yaml } from './year.ts';

describe('the base year of the rule tests', () => {
  it('passes every rule without a single diagnostic (so a fixture’s diagnostics are its own)', () => {
    const r = check('');
    expect(r.diagnostics).toEqual([]);
    expect(r.text).toBe(BASE_2024);
  });

  it('is the general case: 三公 spending, vehicles, 基金 balances, carry-overs, non-fiscal money, a prior year', () => {
    const c = check('').calc!;
    expect(c.threePublic.total.actual?.toFixed(2)).toBe('4.70');
    expect(c.assets.vehicleTotal).toBe(2);
    expect(c.govFund.total.opening?.toFixed(2)).toBe('8.00');
    expect(c.totals.opening?.toFixed(2)).toBe('19.00');
    expect(c.incomeBySource.other?.toFixed(2)).toBe('2.00');
    expect(c.narrative.incomeTotal.direction).toBe('up');
    expect(c.projects.filter((p) => p.published)).toHaveLength(1);
  });

  it('gives the same diagnostics as loadYear on the same files (the helper mirrors the pipeline)', () => {
    const fromDisk = loadYear('test/fixtures/base/2024.yaml');
    expect(fromDisk.diagnostics).toEqual([]);
    const broken = { '"30201": 20.00': '"30201": 21.00' };
    const a = check('', { edit: broken, file: 'test/fixtures/base/2024.yaml' });
    expect(a.pairs()).toEqual([['basic-economic-total', lineWith(a.text, 'basic_economic:')]]);
  });

  it('gives what loadYear gives for the seed year and its partial prior year (C-4 included)', () => {
    const read = (year: number) => readFileSync(new URL(`../../data/${year}.yaml`, import.meta.url), 'utf8');
    const r = check(read(2024), { base: null, prior: read(2023), file: 'data/2024.yaml' });
    const pairs = loadYear('2024').diagnostics.map((d) => [d.ruleId, d.place?.line]);
    expect(pairs).toHaveLength(1);
    expect(r.pairs()).toEqual(pairs);
  });

  it('without a prior-year file, says so like loadYear does', () => {
    const r = check('', { prior: null });
    expect(r.pairs()).toEqual(
      [
        ['prior-year-missing', lineWith(r.text, 'year: 2024')],
        ['change-reasons-sum', lineWith(r.text, 'changes:')], // itemised reasons that cannot be checked
      ].sort((a, b) => RULES.findIndex((x) => x.id === a[0]) - RULES.findIndex((x) => x.id === b[0])),
    );
  });
});

describe('yaml`…` and patch', () => {
  it('dedents, and indents interpolated lines to their column', () => {
    const rows = '- a\n- b';
    expect(yaml`
      list:
        ${rows}
    `).toBe('list:\n  - a\n  - b\n');
    expect(dedent('\n  a:\n    b: 1\n  ')).toBe('a:\n  b: 1\n');
  });

  it('merges mappings key by key, replaces lists and scalars, appends with # 追加, omits', () => {
    const base = 'a:\n  b: 1\n  c: [1]\nd:\n  - x\ne: 1\n';
    expect(patch(base, 'a:\n    c: [2]\n    f: 3\n')).toBe('a:\n  b: 1\n  c: [2]\n  f: 3\nd:\n  - x\ne: 1\n');
    expect(patch(base, 'd: # 追加\n  - y\n')).toBe('a:\n  b: 1\n  c: [1]\nd:\n  - x\n  - y\ne: 1\n');
    expect(patch(base, 'g: 1\n', ['a.b', 'e'])).toBe('a:\n  c: [1]\nd:\n  - x\ng: 1\n');
  });

  it('edit replaces text found exactly once and moves the marker to the end of the line', () => {
    expect(edit('a: [x, y]\n', { 'x,': `z, ${MARK}` })).toBe(`a: [z, y]  ${MARK}\n`);
    expect(() => edit('a: x\nb: x\n', { x: 'y' })).toThrow(/恰好出现一次/);
  });

  it('r.mark insists on exactly one marked line', () => {
    expect(() => check('').mark).toThrow(/恰好有一行标记/);
  });
});
