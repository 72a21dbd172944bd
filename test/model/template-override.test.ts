/**
 * An office rewords a sentence without touching code (issue 10): juesuan.config.json names a folder of
 * its own templates; a file there replaces the built-in one of the same name, and the published PDF
 * and web edition say what the office wrote. Run as a user runs it: the command line in the office's
 * folder — one build as a child process (`npm run build`, the bundle, whose built-in templates are
 * compiled in advance: an office's copy must win over them), the other cases in this process
 * (test/helpers/in-folder.ts).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInFolder } from '../helpers/in-folder.ts';
import { runCli, warmUp } from '../robustness/cli-run.ts';
import { readPdf, squash } from '../pdf/pdf-text.ts';

const root = mkdtempSync(join(tmpdir(), 'juesuan-templates-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** An office folder: the 2024 year files, a config naming 本单位模板/, and the given templates in it. */
function office(name: string, templates: Record<string, string>): string {
  const dir = join(root, name);
  for (const sub of ['phrases', 'html']) mkdirSync(join(dir, '本单位模板', sub), { recursive: true });
  cpSync('data', join(dir, 'data'), { recursive: true });
  writeFileSync(join(dir, 'juesuan.config.json'), JSON.stringify({ templates: '本单位模板' }));
  for (const [file, text] of Object.entries(templates)) writeFileSync(join(dir, '本单位模板', file), text);
  return dir;
}

const builtIn = (file: string) => readFileSync(join('templates', file), 'utf8');
const pdfText = async (dir: string) => {
  const { pages } = await readPdf(readFileSync(join(dir, 'output', '2024', '江西省总工会2024年度部门决算.pdf')));
  return squash(pages.map((p) => p.text).join(''));
};

/** explanation.hbs with its section 七 (政府采购) replaced by a sentence that uses none of its figures. */
const withoutProcurement = () =>
  builtIn('explanation.hbs').replace(
    /# 七、政府采购支出情况说明[\s\S]*?(?=# 八、)/,
    '# 七、政府采购支出情况说明\n\n本部门无政府采购。\n\n',
  );

describe('an office’s own templates', () => {
  /**
   * The office that rewords a sentence, a phrase and the web edition's table, and drops section 七
   * accepting its unused figures with {{omit …}}, built by `npm run build` (one build for all four).
   */
  let reworded: string;

  beforeAll(async () => {
    await warmUp(root);
    const table = builtIn('html/table.hbs');
    expect(table).toContain('<table style=');
    reworded = office('reworded', {
      'explanation.hbs': withoutProcurement()
        .replace('本年收入的具体构成：', '本年收入由以下几项构成：')
        .replace('本部门无政府采购。', '本部门无政府采购。{{omit procurement}}'),
      'phrases/change.hbs': builtIn('phrases/change.hbs').replace('比上年{{#if', '较上年{{#if'),
      'html/table.hbs': table.replace('<table style=', '<table data-office="本单位" style='),
    });
    const run = await runCli(['build', '2024'], reworded);
    expect(run.code, run.stderr).toBe(0);
  }, 120_000);

  it('a sentence reworded in the office’s explanation.hbs, and the comparison phrase in phrases/change.hbs, are what the PDF says', async () => {
    const text = await pdfText(reworded);
    expect(text).toContain('本年收入由以下几项构成：财政拨款收入12653.82万元，占100.00%');
    expect(text).not.toContain('本年收入的具体构成');
    // The phrase is used by every comparison: 一 收入, 二 支出, 四 基本支出.
    expect(text).toContain('本年收入合计12653.82万元，较上年增加4859.38万元，增长62.34%');
    expect(text).toContain('工资福利支出1553.25万元，较上年增加30.98万元，增长2.04%');
    expect(text).not.toContain('比上年增加');
  });

  it('the office’s copy of a web-edition template draws the web edition', () => {
    const html = readFileSync(join(reworded, 'output', '2024', '江西省总工会2024年度部门决算.html'), 'utf8');
    // Every 公开表 of the page (there are ten) is drawn by the office's copy.
    const tables = html.match(/class="table-block/g)?.length ?? 0;
    expect(tables).toBeGreaterThanOrEqual(10);
    expect(html.match(/<table data-office="本单位" style=/g)?.length).toBe(tables);
  });

  it('a template naming a field the data lacks: exit 1, the office’s file named, no 内部错误, nothing published', async () => {
    const dir = office('misspelt', {
      'explanation.hbs': builtIn('explanation.hbs').replace('{{amt income.grandTotal}}', '{{amt income.grandTotl}}'),
    });
    const run = await runInFolder(dir, ['build', '2024']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(join(dir, '本单位模板', 'explanation.hbs'));
    expect(run.stderr).toContain('grandTotl');
    expect(run.stderr).not.toContain('内部错误');
  });

  it('a sentence dropped leaves its figures unused: the build says which, and {{omit …}} accepts it', async () => {
    const dropped = office('dropped', { 'explanation.hbs': withoutProcurement() });
    const run = await runInFolder(dropped, ['build', '2024']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/没有用到这些数据：procurement\.total、procurement\.goods/);
    expect(run.stderr).toContain('{{omit 字段名}}');

    // The reworded office's explanation.hbs drops the same section with {{omit procurement}}: published.
    expect(await pdfText(reworded)).toContain('七、政府采购支出情况说明本部门无政府采购。');
  });
});
