/**
 * Issue 5, workflow 2: `diff 2023 2024` on the shipped year files. 2023 is partial (no tables): its
 * values come through each cell's comparable figure, and every figure it lacks is marked, never zero.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, cpSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/commands/index.ts';
import { formatHtml } from '../../src/diff/format-html.ts';
import { formatTerminal } from '../../src/diff/format-terminal.ts';
import { buildModel, modelData, type ReportData } from '../../src/model/report.ts';
import { compareYears, delta, type YearComparison, type YearSide } from '../../src/diff/years.ts';
import { displayWidth } from '../../src/text-width.ts';
import { loadYear } from '../../src/pipeline.ts';
import { CORRECTION } from './fixture.ts';

function side(year: string): YearSide {
  const calc = loadYear(year).value!.calc;
  return {
    year: calc.year,
    label: `${calc.year}年度`,
    file: `data/${year}.yaml`,
    partial: calc.kind === 'partial',
    report: modelData(buildModel(calc, { documents: false })),
  };
}

const cell = (c: YearComparison, table: string, row: string, column: string) =>
  c.tables
    .find((t) => t.id === table)!
    .rows.find((r) => r.row === row)
    ?.cells.find((x) => x.column === column);

describe('year over year: 2023 (partial) → 2024', () => {
  let y2023: YearSide;
  let y2024: YearSide;
  let c: YearComparison;
  beforeAll(() => {
    y2023 = side('2023');
    y2024 = side('2024');
    c = compareYears(y2023, y2024);
  });

  it('本年收入合计 7794.44 → 12653.82: +4859.38, +62.34%, in the summary and in 公开01 行次27', () => {
    expect(c.figures.find((f) => f.key === 'income_total')).toMatchObject({
      label: '本年收入合计',
      earlier: '7794.44',
      later: '12653.82',
      delta: { change: '4859.38', rate: '62.34' },
    });
    expect(cell(c, 'T01', 'r27', 'c1')).toMatchObject({
      columnLabel: '金额',
      earlier: '7794.44',
      later: '12653.82',
      delta: { change: '4859.38', rate: '62.34' },
    });
    expect(cell(c, 'T01', 'r58', 'c2')).toMatchObject({
      earlier: '7805.9',
      later: '12653.82',
      delta: { change: '4847.92', rate: '62.11' },
    });
  });

  it('decreases are negative; a zero base gives a change but no rate', () => {
    expect(c.figures.find((f) => f.key === 'opening_balance')!.delta).toEqual({ change: '-42.17', rate: '-100.00' });
    expect(c.figures.find((f) => f.key === 'gp_basic_by_class.303')).toMatchObject({
      label: '财政拨款基本支出 303 对个人和家庭的补助',
      delta: { change: '-8.2', rate: '-4.39' },
    });
    expect(c.figures.find((f) => f.key === 'project.工人文化宫土地划拨款')!.delta).toEqual({ change: '5010.6', rate: null });
    expect(delta('0', '0')).toEqual({ change: '0', rate: null });
    expect(delta('3', '4')).toEqual({ change: '1', rate: '33.33' });
    expect(delta('3', '5')).toEqual({ change: '2', rate: '66.67' }); // half-up
    expect(delta('8', '8.0001')).toEqual({ change: '0.0001', rate: '0.00' });
  });

  it('marks every figure 2023 does not have as missing (undefined), never as zero', () => {
    expect(cell(c, 'T01', 'r1', 'c1')).toMatchObject({ earlier: undefined, later: '11953.82' });
    expect(cell(c, 'T01', 'r1', 'c1')!.delta).toBeUndefined();
    expect(c.figures.find((f) => f.key === 'basic_total')).toMatchObject({ earlier: undefined, later: '1731.72' });
    const t02 = c.tables.find((t) => t.id === 'T02')!;
    expect(t02.earlierSource).toBe('figures');
    expect(t02.rows.flatMap((r) => r.cells).every((x) => x.earlier === undefined)).toBe(true);
    // What 2023 does have comes through the cells' figures: 公开06 301 and 30103.
    expect(cell(c, 'T06', '301', 'amount')).toMatchObject({
      earlier: '1522.27',
      later: '1553.25',
      delta: { change: '30.98', rate: '2.04' },
    });
    expect(cell(c, 'T06', '30103', 'amount')).toMatchObject({ earlier: '850.3', later: '848.1', delta: { change: '-2.2', rate: '-0.26' } });
    expect(cell(c, 'T06', '30108', 'amount')).toMatchObject({ earlier: undefined, later: '301.24' });
    // Projects 2023 had and 2024 does not: missing on the later side.
    expect(c.figures.find((f) => f.key === 'project.厂务公开')).toMatchObject({ earlier: '50', later: undefined });
    expect(c.notes.join('')).toContain('2023年度文件为部分数据');
  });

  it('prints aligned columns and says which figures 2023 lacks', () => {
    const text = formatTerminal(c);
    const line = (label: string) => text.split('\n').find((l) => l.trimStart().startsWith(label))!;
    expect(line('本年收入合计')).toMatch(/本年收入合计\s+7,794\.44\s+12,653\.82\s+\+4,859\.38\s+\+62\.34%$/);
    expect(line('基本支出')).toMatch(/基本支出\s+上年无此数据\s+1,731\.72$/);
    // Right-aligned figures end in the same terminal column when CJK counts as two.
    const widths = ['本年收入合计', '年初结转和结余', '本年支出合计', '年末结转和结余'].map((l) => displayWidth(line(l)));
    expect(new Set(widths).size).toBe(1);
    expect(text).toContain('公开02表 收入决算表：2023年度没有此表的数据（上年无此数据）');
    expect(text).toContain('2023年度文件为部分数据（partial: true）');
  });

  it('renders a self-contained Chinese HTML page with every figure, missing ones marked', () => {
    const html = formatHtml(c);
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(html).not.toMatch(/<script|<link|src=|https?:/);
    expect(html).toContain(
      '<td>本年收入合计</td><td class="num">7,794.44</td><td class="num">12,653.82</td><td class="num">+4,859.38</td><td class="num">+62.34%</td>',
    );
    expect(html).toContain('<td class="missing">上年无此数据</td><td class="num">848.10</td>');
    expect(html).toContain('@page { size: A4 landscape;');
    expect(formatHtml(compareYears(side('2023'), side('2024')))).toBe(html);
  });
});

describe('year over year: two full models', () => {
  let report: ReportData;
  beforeAll(() => {
    report = side('2024').report;
  });

  const withoutRow = (r: ReportData, table: string, row: string): ReportData => {
    const copy = JSON.parse(JSON.stringify(r)) as ReportData;
    const t = copy.tables.find((x) => x.id === table)!;
    t.body = t.body.filter((b) => !b.cells.some((x) => x?.ref?.row === row));
    return copy;
  };

  it('compares by code from the tables themselves, and reports rows that appear or disappear', () => {
    const earlier: YearSide = { year: 2023, label: '2023年度', file: 'a', partial: false, report: withoutRow(report, 'T02', '2012901') };
    const later: YearSide = { year: 2024, label: '2024年度', file: 'b', partial: false, report: withoutRow(report, 'T03', '2080501') };
    const c = compareYears(earlier, later);
    const t02 = c.tables.find((t) => t.id === 'T02')!;
    expect(t02.earlierSource).toBe('table');
    expect(t02.rows.find((r) => r.row === '2012901')).toMatchObject({ status: 'added', rowName: '2012901 行政运行' });
    expect(t02.rows.find((r) => r.row === '2012901')!.cells[0]!.delta).toBeUndefined();
    const t03 = c.tables.find((t) => t.id === 'T03')!;
    expect(t03.rows.find((r) => r.row === '2080501')).toMatchObject({ status: 'removed' });
    // Rows removed keep their place: 2080501 between 20805 and 2080505.
    expect(
      t03.rows
        .map((r) => r.row)
        .slice(
          t03.rows.findIndex((r) => r.row === '20805'),
          t03.rows.findIndex((r) => r.row === '2080505') + 1,
        ),
    ).toEqual(['20805', '2080501', '2080505']);
    expect(cell(c, 'T02', 'total', 'c1')).toMatchObject({ earlier: '12653.82', later: '12653.82', delta: { change: '0', rate: '0.00' } });
    expect(c.tables.every((t) => t.missing.earlier === 0 && t.missing.later === 0)).toBe(true);
    const text = formatTerminal(c);
    expect(text).toContain('本年新增');
    expect(text).toContain('本年没有此行');
  });
});

describe('npm run diff', () => {
  let dir: string;
  const run = async (args: string[], flags: string[] = []) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCommand(['diff', ...args, ...flags, '--out', join(dir, 'output')], {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
    });
    return { code, out: out.join(''), err: err.join('\n') };
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'juesuan-yoy-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes output/diff/2023-2024.html, the same bytes each time', async () => {
    const r = await run(['2023', '2024']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('本年收入合计');
    const file = join(dir, 'output', 'diff', '2023-2024.html');
    const first = readFileSync(file);
    expect(first.toString('utf8')).toContain('上年无此数据');
    expect((await run(['2023', '2024'])).code).toBe(0);
    expect(readFileSync(file).equals(first)).toBe(true);
  });

  it.each([[['2024']], [['2023', '2024', '2025']], [['2023', 'abc']], [[]]])(
    'bad arguments %j → usage in Chinese, exit 1',
    async (args) => {
      const r = await run(args);
      expect(r.code).toBe(1);
      expect(r.err).toContain('用法：npm run diff -- <年度A> <年度B>');
    },
  );

  it('--help → usage on stdout, exit 0', async () => {
    const r = await run([], ['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('用法：npm run diff -- <年度A> <年度B>');
  });

  it('an unknown option → usage, exit 1', async () => {
    const r = await run(['2023', '2024'], ['--xlsx']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('未知选项：--xlsx');
  });

  it('a year file with errors → its diagnostics, exit 1', async () => {
    const data = join(dir, 'data');
    cpSync('data', data, { recursive: true });
    const file = join(data, '2024.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"30103": 848.10', '"30103": 848.1x'));
    const r = await run(['2023', file]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/2024\.yaml:\d+: 错误 \[/);
    expect(r.err).toContain('有错误，无法对比');
  });

  it('two versions of one year: named 原版本/新版本, no “÷ data/2024.yaml数”, and --changed-only lists only what changed', async () => {
    const draft = join(dir, '更正稿');
    cpSync('data', draft, { recursive: true });
    const file = join(draft, '2024.yaml');
    writeFileSync(
      file,
      CORRECTION.reduce((text, [from, to]) => text.replace(from, to), readFileSync(file, 'utf8')),
    );
    const full = await run(['data/2024.yaml', file]);
    expect(full.code).toBe(0);
    expect(full.out).toContain('同一年度的两个版本（2024年度）');
    expect(full.out).toContain('增减率 = 增减额 ÷ 原版本数 × 100%');
    expect(full.out).not.toMatch(/÷ \S*2024\.yaml数/);
    expect(full.out).toMatch(/项目\s+原版本\s+新版本\s+增减额/);
    expect(full.out).toMatch(/本年收入合计\s+12,653\.82\s+12,655\.82\s+\+2\.00\s+\+0\.02%/);
    expect(full.out).toMatch(/年初结转和结余\s+0\.00\s+0\.00\s+0\.00\s+—/); // unchanged figures are listed in full

    const changed = await run(['data/2024.yaml', file], ['--changed-only']);
    expect(changed.code).toBe(0);
    expect(changed.out).toContain('只列出有变化的数字');
    expect(changed.out).not.toContain('年初结转和结余');
    expect(changed.out).toMatch(/2012901 行政运行\s+本年收入合计\s+848\.10\s+850\.10\s+\+2\.00\s+\+0\.24%/);
    expect(changed.out).toContain('公开07表 政府性基金预算财政拨款收入支出决算表：没有变化。');
    // No line with a zero difference is left.
    expect(full.out).toMatch(/\s0\.00\s+(0\.00%|—)\s*$/m);
    expect(changed.out).not.toMatch(/\s0\.00\s+(0\.00%|—)\s*$/m);

    // Three pages, none overwriting another: the full one, the changed-only one, and the years' one.
    await run(['2023', '2024']);
    const pages = readdirSync(join(dir, 'output', 'diff')).sort();
    expect(pages).toContain('2023-2024.html');
    const drafts = pages.filter((p) => p.startsWith('data_2024-') && p.includes('更正稿_2024~'));
    expect(drafts).toHaveLength(2);
    expect(drafts.filter((p) => p.endsWith('（只列变化）.html'))).toHaveLength(1);
    expect(readFileSync(join(dir, 'output', 'diff', drafts.find((p) => !p.includes('只列变化'))!), 'utf8')).toContain('同一年度的两个版本');
  });

  it('two departments’ 2024.yaml against each other never write the same page as two other files', async () => {
    const names = new Set<string>();
    for (const folder of ['甲单位', '乙单位']) {
      const d = join(dir, '各单位', folder);
      cpSync('data', d, { recursive: true });
      const before = new Set(readdirSync(join(dir, 'output', 'diff')));
      expect((await run(['data/2024.yaml', join(d, '2024.yaml')])).code).toBe(0);
      const added = readdirSync(join(dir, 'output', 'diff')).filter((p) => !before.has(p));
      expect(added, folder).toHaveLength(1);
      names.add(added[0]!);
    }
    expect(names.size).toBe(2);
  });

  it('a missing year file → a Chinese message, exit 1', async () => {
    const r = await run(['2023', join(dir, 'nowhere', '2019.yaml')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('有错误，无法对比');
  });
});

describe('year over year between two complete year files', () => {
  it('a 款 the earlier year did not book is 0.00 that year, in the summary as in 公开06 (not 上年无此数据)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'juesuan-yoy-full-'));
    try {
      cpSync('test/fixtures/general', dir, { recursive: true });
      // 31003 专用设备购置 booked only in 2024: the earlier year's file simply has no line for it.
      const file = join(dir, '2024.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('  "31002": 65.00\n', '  "31002": 36.40\n  "31003": 28.60\n'));
      const full = (y: string): YearSide => {
        const r = loadYear(join(dir, `${y}.yaml`));
        const calc = r.value!.calc;
        return {
          year: calc.year,
          label: `${calc.year}年度`,
          file: y,
          partial: false,
          report: modelData(buildModel(calc, { documents: false })),
        };
      };
      const c = compareYears(full('2023'), full('2024'));
      expect(c.figures.find((f) => f.key === 'basic_item.31003')).toMatchObject({
        earlier: '0',
        later: '28.6',
        delta: { change: '28.6', rate: null },
      });
      expect(cell(c, 'T06', '31003', 'amount')).toMatchObject({ earlier: '0', later: '28.6' });
      expect(formatTerminal(c)).not.toMatch(/31003 专用设备购置\s+上年无此数据/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
