/**
 * `npm run batch -- 各单位 2024` as a finance office runs it (the CLI from its bundle, with the pool of
 * worker threads): three departments, one with an error in its data. Each department that checks clean
 * is published exactly as its own `build` publishes it, the broken one is listed and the run exits 1,
 * and the index in output/汇总/2024/ lists every department with its figures, check result and version.
 * A second batch after a correction says what changed since the first.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli as runCommandLine } from '../../src/cli.ts';
import { D } from '../../src/decimal.ts';
import { tableAmount } from '../../src/model/format.ts';
import { runCli, warmUp, type Run } from '../robustness/cli-run.ts';
import { BREAK, CORRECT, files, office, type Office } from './office.ts';

/** The index lists departments in code-unit order of their folder names (丙 U+4E19, 乙 U+4E59, 甲 U+7532). */
const ORDER = ['甲单位', '乙单位', '丙单位'].sort();
const n = (name: string) => ORDER.indexOf(name) + 1;

const KEYS = ['income_total', 'expenditure_total', 'fiscal_expenditure', 'three_public.total', 'closing_balance'];

/** The line of the year file that holds `text` (1-based). */
const lineOf = (file: string, text: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(text)) + 1;

/** The index page's table row of a department (the <tr> holding its folder name as a cell). */
function rowOf(html: string, name: string): string {
  const row = html
    .split('<tr')
    .slice(1)
    .map((r) => r.slice(0, r.indexOf('</tr>')))
    .find((r) => r.includes(`>${name}</`));
  if (!row) throw new Error(`no row for ${name} in index.html`);
  return row;
}

/** The key figures of a published report.json, as the index prints them. */
function publishedFigures(o: Office, name: string): string[] {
  const report = JSON.parse(readFileSync(join(o.root, 'output', name, '2024', 'report.json'), 'utf8')) as {
    figures: Record<string, string>;
  };
  return KEYS.map((k) => tableAmount(D(report.figures[k]!)));
}

async function sheetRows(path: string, sheet: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const rows: string[][] = [];
  ws.eachRow((r) => {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = r.getCell(c).value;
      cells.push(v === null || v === undefined ? '' : String(v));
    }
    rows.push(cells);
  });
  return rows;
}

/**
 * `build <单位>/2024.yaml --out single/<单位>`: a department's own build, run in this process (the command
 * line's own function, src/cli.ts runCli, with its output collected): the batch above is the child
 * process, this is what it must equal.
 */
async function build(o: Office, name: string): Promise<{ code: number; stderr: string }> {
  const err: string[] = [];
  const code = await runCommandLine(['build', o.yearFile(name), '--out', join(o.root, 'single', name)], {
    out: () => {},
    err: (t) => err.push(t),
  });
  return { code, stderr: err.join('\n') };
}

describe('npm run batch: three departments, one broken', () => {
  let o: Office;
  let first: Run;

  beforeAll(async () => {
    o = office(['甲单位', '乙单位', '丙单位']);
    o.edit('乙单位', BREAK);
    // A department that has not sent this year's file: named, not built, not a failure.
    mkdirSync(join(o.root, o.folder, '丁单位'));
    copyFileSync(join(o.root, o.folder, '甲单位', '2023.yaml'), join(o.root, o.folder, '丁单位', '2023.yaml'));
    await warmUp(o.root);
    first = await runCli(['batch', o.folder, '2024', '--jobs', '2'], o.root);
  }, 300_000);
  afterAll(() => o.cleanup());

  it('builds the others, lists the broken department with its error, and exits 1', () => {
    expect(first.code, first.stderr).toBe(1);
    // One progress line per department (stderr is not a terminal here), n/N and the department.
    for (const name of ['甲单位', '乙单位', '丙单位'])
      expect(first.stderr.match(new RegExp(`^\\[[123]/3\\] ${name} `, 'gm'))).toHaveLength(1);
    expect(first.stderr).toMatch(/以下文件夹中没有 2024\.yaml，不处理：丁单位/);
    const line = lineOf(o.yearFile('乙单位'), 'goods:');
    expect(first.stderr).toMatch(
      new RegExp(
        `未能发布的单位（1 个[^\\n]*\\n  乙单位（各单位/乙单位/2024\\.yaml）：\\n    各单位/乙单位/2024\\.yaml:${line}: 错误 \\[procurement-structure\\]`,
      ),
    );
    expect(first.stdout).toMatch(
      /批量发布完成：共 3 个单位，发布成功 2 个，未能发布 1 个。\n汇总：output\/汇总\/2024\/index\.html、output\/汇总\/2024\/汇总\.xlsx/,
    );
    expect(existsSync(join(o.root, 'output', '乙单位'))).toBe(false);
    expect(existsSync(join(o.root, 'output', '丁单位'))).toBe(false);
  });

  it('publishes each department byte for byte as its own build does', async () => {
    for (const name of ['甲单位', '丙单位']) {
      const single = await build(o, name);
      expect(single.code, single.stderr).toBe(0);
      const batch = files(join(o.root, 'output', name, '2024'));
      expect(Object.keys(batch).sort()).toEqual(
        [
          'manifest.json',
          'report.json',
          `${o.department(name)}2024年度部门决算.pdf`,
          `${o.department(name)}2024年度部门决算.html`,
          `${o.department(name)}2024年度部门决算公开表.xlsx`,
        ].sort(),
      );
      expect(batch).toEqual(files(join(o.root, 'single', name, '2024')));
    }
    const broken = await build(o, '乙单位');
    expect(broken.code).toBe(1);
  }, 300_000);

  it('writes the index page: every department, its figures, its check result linked to its messages', () => {
    const html = readFileSync(join(o.root, 'output', '汇总', '2024', 'index.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(html).toMatch(/<meta name="viewport" content="width=device-width/);
    // Self-contained: nothing is fetched from elsewhere.
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\/|<script|<link|@import|url\(/);
    expect(html).toMatch(/共 3 个单位：发布成功 2 个（首次发布 2 个，更正 0 个，未变化 0 个），未能发布 1 个。/);

    for (const name of ['甲单位', '丙单位']) {
      const row = rowOf(html, name);
      expect(row).toMatch(/^ class="line">/);
      expect(row).toContain(`<a href="../../${encodeURIComponent(name)}/2024/">${name}</a>`);
      expect(row).toContain(
        `<a href="../../${encodeURIComponent(name)}/2024/${encodeURIComponent(`${o.department(name)}2024年度部门决算.pdf`)}">${o.department(name)}</a>`,
      );
      expect(row).toContain('已发布（首次）');
      const figures = publishedFigures(o, name);
      expect(figures.every((f) => f !== '')).toBe(true);
      expect(row).toContain(figures.map((f) => `<td class="right">${f}</td>`).join(''));
      expect(row).toContain('首次汇总');
    }
    const broken = rowOf(html, '乙单位');
    expect(broken).toMatch(/^ class="failed">/);
    expect(broken).toContain(`<a href="#msg-${n('乙单位')}">有错误，未发布</a>`);
    // Its figures are not shown: it has no published version.
    expect(broken).not.toMatch(/<td class="right">[\d,]+\.\d\d<\/td>/);
    const messages = html.slice(html.indexOf(`<h3 id="msg-${n('乙单位')}">`));
    expect(messages.startsWith(`<h3 id="msg-${n('乙单位')}">${n('乙单位')}. 乙单位（江西省乙单位）</h3>`)).toBe(true);
    expect(messages).toContain(`各单位/乙单位/2024.yaml:${lineOf(o.yearFile('乙单位'), 'goods:')}: 错误 [procurement-structure]`);
    // The total row adds up the published departments.
    const total = rowOf(html, '合计（2 个单位的已发布数）');
    const sum = KEYS.map((_, i) =>
      tableAmount(D(publishedFigures(o, '甲单位')[i]!.replace(/,/g, '')).plus(D(publishedFigures(o, '丙单位')[i]!.replace(/,/g, '')))),
    );
    expect(total).toContain(sum.map((f) => `<td class="right">${f}</td>`).join(''));
  });

  it('writes the same rows to 汇总.xlsx, and every message to its 校验信息 sheet', async () => {
    const rows = await sheetRows(join(o.root, 'output', '汇总', '2024', '汇总.xlsx'), '汇总');
    for (const name of ['甲单位', '丙单位']) {
      const row = rows.find((r) => r[1] === name)!;
      expect(row.slice(0, 5)).toEqual([String(n(name)), name, o.department(name), '已发布（首次）', '1']);
      // Numbers in the workbook, the same as the published report.json.
      expect(row.slice(5, 10).map((v) => tableAmount(D(v)))).toEqual(publishedFigures(o, name));
    }
    expect(rows.find((r) => r[1] === '乙单位')!.slice(3, 5)).toEqual(['有错误，未发布', '']);
    const messages = await sheetRows(join(o.root, 'output', '汇总', '2024', '汇总.xlsx'), '校验信息');
    expect(messages.find((r) => r[3] === 'procurement-structure')?.slice(0, 5)).toEqual([
      String(n('乙单位')),
      '乙单位',
      '错误',
      'procurement-structure',
      `各单位/乙单位/2024.yaml:${lineOf(o.yearFile('乙单位'), 'goods:')}`,
    ]);
  });

  it('a second batch after a correction says what changed since the first', async () => {
    o.edit('甲单位', CORRECT);
    o.edit('乙单位', [BREAK[1], BREAK[0]]);
    // One pool worker this time (the first batch ran two at once): what changed is the subject here.
    const second = await runCli(['batch', o.folder, '2024', '--jobs', '1'], o.root);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/^\[[123]\/3\] 甲单位 已更正为第 2 版/m);

    // The correction is the department's own: history/001 and changes.md, as its single build makes them.
    const single = await build(o, '甲单位');
    expect(single.code, single.stderr).toBe(0);
    const batch = files(join(o.root, 'output', '甲单位', '2024'));
    expect(Object.keys(batch)).toContain('changes.md');
    expect(Object.keys(batch)).toContain('history/001/manifest.json');
    expect(batch).toEqual(files(join(o.root, 'single', '甲单位', '2024')));

    const html = readFileSync(join(o.root, 'output', '汇总', '2024', 'index.html'), 'utf8');
    expect(rowOf(html, '甲单位')).toContain(
      `<a href="../../${encodeURIComponent('甲单位')}/2024/changes.md">第 1 版 → 第 2 版（以上数字未变）</a>`,
    );
    expect(rowOf(html, '乙单位')).toContain('第 1 版（上次未发布）');
    expect(rowOf(html, '丙单位')).toContain('<td class="left">无变化</td>');
    expect(rowOf(html, '丙单位')).toContain('未变化');
  }, 300_000);
});

describe('汇总.json from the last batch is untrusted input', () => {
  it('takes only well-formed records and says what it dropped', async () => {
    const { readPreviousSummary, SUMMARY_FORMAT } = await import('../../src/batch/summary-file.ts');
    const o = office([], 'summary');
    try {
      const dir = join(o.root, 'idx');
      mkdirSync(dir);
      const write = (data: unknown) => writeFileSync(join(dir, '汇总.json'), typeof data === 'string' ? data : JSON.stringify(data));
      const good = { unit: '甲单位/2024', name: '甲单位', version: 2, figures: { income_total: '442.5' }, ok: true };
      write({
        format: SUMMARY_FORMAT,
        year: 2024,
        departments: [
          good,
          { ...good, unit: '乙', figures: { income_total: '1e999' } },
          { ...good, unit: '丙', figures: { __proto__x: '1' } },
          { ...good, unit: '丁', version: -1 },
          good,
        ],
      });
      const read = readPreviousSummary(dir, 2024);
      expect(read.found).toBe(true);
      expect(read.records).toEqual([good]);
      expect(read.note).toBe('上次汇总留下的 汇总.json 中有 4 条记录格式不对，已忽略。');

      write('{ not json');
      expect(readPreviousSummary(dir, 2024)).toEqual({
        found: false,
        records: [],
        note: '上次汇总留下的 汇总.json 无法读取，本次按首次汇总处理。',
      });
      write({ format: SUMMARY_FORMAT, year: 2023, departments: [] });
      expect(readPreviousSummary(dir, 2024).note).toBe('上次汇总留下的 汇总.json 是 2023 年度的，本次按首次汇总处理。');
      write({ format: 'other', year: 2024, departments: [] });
      expect(readPreviousSummary(dir, 2024).found).toBe(false);
    } finally {
      o.cleanup();
    }
  });
});

describe('planning a batch', () => {
  it('refuses a department folder named 汇总 and two files that would publish to one folder', async () => {
    const { planFolder, planFiles } = await import('../../src/batch/batch.ts');
    const o = office(['汇总', '甲单位'], 'plan');
    try {
      const plan = planFolder(join(o.root, o.folder), 2024, join(o.root, 'out'));
      expect(plan.jobs.map((j) => [j.name, j.refused !== undefined])).toEqual(
        [
          ['汇总', true],
          ['甲单位', false],
        ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
      );
      expect(plan.jobs.find((j) => j.name === '汇总')!.refused).toMatch(/文件夹名「汇总」与汇总目录 .*汇总\/ 同名/);
      expect(plan.units).toContain('甲单位/2024');
      const twice = planFiles([o.yearFile('甲单位'), o.yearFile('甲单位')], 2024, join(o.root, 'out'));
      expect(twice.jobs[1]!.refused).toMatch(/会发布到同一个输出目录/);
    } finally {
      o.cleanup();
    }
  });

  it('says so when the folder holds no department of that year', async () => {
    const { planFolder } = await import('../../src/batch/batch.ts');
    const o = office(['甲单位'], 'plan');
    try {
      expect(() => planFolder(join(o.root, o.folder), 2030)).toThrow(/中没有找到任何单位的 2030\.yaml/);
      expect(() => planFolder(join(o.root, 'nowhere'), 2024)).toThrow(/找不到文件夹/);
    } finally {
      o.cleanup();
    }
  });
});

describe('the pool from the sources', () => {
  it('runs the departments in worker threads and returns every outcome in order, failures included', async () => {
    const { runPool, workerFactory } = await import('../../src/batch/pool.ts');
    expect(workerFactory()).toBeDefined();
    const o = office(['甲单位', '乙单位'], 'pool');
    try {
      o.edit('乙单位', BREAK);
      const out = join(o.root, 'output');
      const started: string[] = [];
      const outcomes = await runPool(
        [
          { index: 0, name: '甲单位', file: o.yearFile('甲单位'), outputRoot: join(out, '甲单位'), refused: '不能发布' },
          { index: 1, name: '乙单位', file: o.yearFile('乙单位'), outputRoot: join(out, '乙单位') },
          { index: 2, name: '无此单位', file: join(o.root, 'none', '2024.yaml'), outputRoot: join(out, 'none') },
          // A job the build cannot even start on (a bug's stand-in): an internal error, reported like the others.
          { index: 3, name: '坏任务', file: 42 as unknown as string, outputRoot: join(out, 'bad') },
        ],
        { size: 2, onStart: (j) => started.push(j.name) },
      );
      expect(started.sort()).toEqual(['乙单位', '无此单位', '甲单位', '坏任务'].sort());
      expect(outcomes.map((x) => [x.name, x.ok, x.failure?.kind])).toEqual([
        ['甲单位', false, 'user'],
        ['乙单位', false, 'check'],
        ['无此单位', false, 'check'],
        ['坏任务', false, 'internal'],
      ]);
      expect(outcomes[3]!.failure!.message).toMatch(/^内部错误：.*（这不是您的数据问题，请把这条信息报告给开发者）$/);
      expect(outcomes[1]!.diagnostics.map((d) => d.ruleId)).toEqual(['procurement-structure']);
      expect(outcomes[1]!.department).toBe('江西省乙单位');
      expect(existsSync(out)).toBe(false);
    } finally {
      o.cleanup();
    }
  });
});
