/**
 * Starting a new year: `new 2025` makes data/2025.yaml from data/2024.yaml (texts carried, figures left
 * to the workbook, year-specific content marked 待填写, the prior-year link in place); `import` then fills
 * the figures from the 2025 workbook; once the markers are filled the year builds. Importing with last
 * year's file as --texts gives the same file in one step.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSeq, parseDocument, visit, type Document } from 'yaml';
import { buildYear } from '../../src/build.ts';
import { hasErrors } from '../../src/diagnostics.ts';
import { loadYear } from '../../src/pipeline.ts';
import { renderYear } from '../xlsx/helpers.ts';
import { cli, tempDir } from './helpers.ts';

function dataDir(): string {
  const dir = join(tempDir(), 'data');
  mkdirSync(dir);
  for (const f of ['2023.yaml', '2024.yaml', 'year-file.schema.json']) copyFileSync(join('data', f), join(dir, f));
  return dir;
}

/** A 2025 公开表 workbook: the 2024 figures, labelled 2025 (as the finance system would export it). */
async function workbook2025(dir: string): Promise<string> {
  const src = join(dir, '..', 'export');
  mkdirSync(src, { recursive: true });
  writeFileSync(join(src, '2025.yaml'), readFileSync('data/2024.yaml', 'utf8').replace(/^year: 2024$/m, 'year: 2025'));
  const path = join(dir, '..', '江西省总工会2025年度部门决算公开表.xlsx');
  writeFileSync(path, (await renderYear(join(src, '2025.yaml'))).buffer);
  return path;
}

const body = (text: string) =>
  text
    .split('\n')
    .filter((l) => !/^# (yaml-language-server|数字由 npm run import|由 npm run new)/.test(l))
    .join('\n');

/** What a person does with the draft: figures as last year (the workbook has last year's), drafts confirmed. */
function fillIn(text: string, lastYear: string): string {
  const doc = parseDocument(text, { schema: 'failsafe' });
  const last = parseDocument(lastYear, { schema: 'failsafe' });
  doc.delete('changes'); // 2025 = 2024 here: no change to explain
  visit(doc, {
    Scalar(_key, node) {
      const v = String(node.value);
      if (v.startsWith('【待填写】')) node.value = v.slice('【待填写】'.length);
      else if (v === '待填写') node.value = valueAt(last, doc, node);
    },
  });
  return doc.toString({ lineWidth: 0 });
}

/** The scalar of `last` at the path `node` has in `doc`. */
function valueAt(last: Document, doc: Document, node: unknown): string {
  const path: (string | number)[] = [];
  const find = (n: unknown, p: (string | number)[]): boolean => {
    if (n === node) {
      path.push(...p);
      return true;
    }
    if (isSeq(n)) return n.items.some((x, i) => find(x, [...p, i]));
    const m = n as { items?: { key: { value: unknown }; value: unknown }[] };
    return (m?.items ?? []).some((pair) => pair && 'key' in pair && find(pair.value, [...p, String(pair.key.value)]));
  };
  find(doc.contents, []);
  const v = last.getIn(path);
  if (v === undefined) throw new Error(`上年文件中没有 ${path.join('.')}`);
  return String(v);
}

describe('npm run new -- 2025, then import, then fill in', () => {
  it('makes a draft with 待填写 markers, the prior-year link in place, that check lists line by line', async () => {
    const dir = dataDir();
    const r = await cli('new', join(dir, '2025.yaml'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^已生成 .*2025\.yaml（2025 年度草稿，取自 .*2024\.yaml），其中 \d+ 处标为「待填写」。/);
    const text = readFileSync(join(dir, '2025.yaml'), 'utf8');
    expect(text).toMatch(/^year: 2025$/m);
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./year-file.schema.json');
    expect(text).toMatch(/^# 江西省总工会 2025 年度部门决算：/m);
    // Figures of the 公开表 are gone; what no table holds waits to be filled; texts are drafts.
    expect(text).not.toMatch(/^(income|expenditure|basic_economic|balances|assets):/m);
    expect(text).toMatch(/^ {2}- \{ code: "208", initial: 待填写 \}$/m);
    expect(text).toMatch(
      /^ {2}abroad: \{ budget_reason: 【待填写】按年初预算执行, prior_reason: 【待填写】按年初预算执行, purpose: 【待填写】按年初预算执行 \}$/m,
    );
    expect(text).toMatch(/^ {2}duties: \|\n {4}中国工会是/m); // not year-specific: kept as written
    expect(text).not.toMatch(/^publication_date|^acknowledge/m);

    const checked = loadYear(join(dir, '2025.yaml'));
    expect(checked.value?.prior).toBeDefined(); // 比上年 compares with data/2024.yaml from the first build
    const lines = text.split('\n');
    const markers = checked.diagnostics.filter((d) => d.ruleId === 'draft-marker');
    expect(markers.length).toBeGreaterThan(100);
    for (const d of markers) expect(lines[d.place!.line - 1], d.message).toMatch(/待填写/);
    expect(checked.diagnostics.filter((d) => d.ruleId === 'missing-section' && d.severity === 'error').map((d) => d.message)).toEqual([
      '缺少 income（本年收入），部门决算不能没有这部分内容',
      '缺少 expenditure（本年支出），部门决算不能没有这部分内容',
    ]);
    // Last year's dates in carried texts are caught.
    expect(checked.diagnostics.some((d) => d.ruleId === 'stale-year' && /2024年12月底前/.test(d.message))).toBe(true);

    // Not over an existing file.
    const again = await cli('new', join(dir, '2025.yaml'));
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/2025\.yaml 已存在，未写入任何内容；要重新生成（原文件会被替换），请加 --force/);
  });

  it('import fills the figures; after the markers are filled the year builds; one-step import gives the same file', async () => {
    const dir = dataDir();
    const file = join(dir, '2025.yaml');
    expect((await cli('new', file)).code).toBe(0);
    const workbook = await workbook2025(dir);
    const imported = await cli('import', workbook, '--texts', file, '--out', file, '--force');
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/错误 \[draft-marker\]/);
    expect(imported.out).toMatch(/请改正以上错误（包括填写所有「待填写」）后再发布。/);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(
      /^ {2}- \{ code: "2012901", general: 848\.10, superior: 0\.00, business: 0\.00, operating: 0\.00, affiliated: 0\.00, other: 0\.00 \}$/m,
    );
    expect(text).toMatch(/^# 数字由 npm run import 从「江西省总工会2025年度部门决算公开表\.xlsx」导入；文字取自 .*2025\.yaml。$/m);
    expect(text).not.toMatch(/由 npm run new/);

    // One step: import with last year's file as --texts.
    const direct = join(dir, '..', 'direct', '2025.yaml');
    expect((await cli('import', workbook, '--texts', join(dir, '2024.yaml'), '--out', direct)).code).toBe(0);
    expect(body(readFileSync(direct, 'utf8'))).toBe(body(text));

    // A person fills every marker; then the year checks without errors and builds.
    writeFileSync(file, fillIn(text, readFileSync('data/2024.yaml', 'utf8')));
    const result = loadYear(file);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(hasErrors(result.diagnostics)).toBe(false);
    const out = join(dir, '..', 'output');
    const built = await buildYear(file, { outputRoot: out, log: () => {} });
    expect(built.ok).toBe(true);
    expect(existsSync(join(out, '2025', '江西省总工会2025年度部门决算.pdf'))).toBe(true);
  });

  it('refuses a year without last year’s file next to it', async () => {
    const r = await cli('new', join(tempDir(), '2031.yaml'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^找不到上一年度的文件 .*2030\.yaml：新年度文件从同一文件夹中上一年度的文件生成/);
  });
});
