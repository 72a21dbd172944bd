/**
 * Workbooks that cannot be imported (test/fixtures/import/broken/, made by make-fixtures.ts): each is
 * refused with a Chinese message naming what it is or the sheet and cell at fault, exit 1, and nothing
 * is written. Also an existing output file (kept unless --force), a texts file with errors, and a 项
 * whose 财政拨款收入 the tables cannot place in a budget (asked for with --fund).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture, tempDir } from './helpers.ts';

const broken = (name: string) => fixture(`broken/${name}`);

describe('a workbook that cannot be imported: exit 1, a Chinese message, nothing written', () => {
  it.each([
    ['empty.xlsx', /^错误 文件「empty\.xlsx」是空文件（0 字节）$/m],
    ['old-excel.xls', /是旧版 Excel 97-2003 工作簿（\.xls）。请在 Excel 或 WPS 中打开，「另存为」Excel 工作簿（\.xlsx）后再导入/],
    ['password-protected.xlsx', /是加了打开密码的 Excel 工作簿.*删去密码后保存，再导入/],
    ['table-as-csv.xlsx', /是 CSV 或制表符分隔的文本文件，不是工作簿/],
    ['web-page.xls', /是网页（HTML）格式的表格/],
    ['word-document.xlsx', /是 Word 文档（\.docx），不是工作簿/],
    ['zip-bomb.xlsx', /解压后有 300 MB.*可能是「压缩炸弹」，拒绝读取/],
    ['zip-bomb-lying-size.xlsx', /部件「xl\/worksheets\/sheet1\.xml」解压后比它声明的大小（1024 字节）还大.*拒绝读取/],
    ['missing-table.xlsx', /工作簿中找不到公开07表（政府性基金预算财政拨款收入支出决算表）/],
    [
      'unknown-code.xlsx',
      /公开02表（工作表「收入」第 10 行）：科目编码 2012988「其他群众团体事务支出」不在 2024 年版《政府收支分类科目》内置目录中.*catalogue\.functional/,
    ],
    ['negative-amount.xlsx', /公开02表（工作表「收入」F9） 2012901「财政拨款收入」栏：「-848\.10」是负数，公开表中的金额不能为负/],
    ['non-numeric-amount.xlsx', /公开03表（工作表「支出」F9） 2012901「基本支出」栏：「八四八点一」不是数字/],
    ['duplicated-row.xlsx', /公开03表（工作表「支出」）科目 2101101 出现了两次：第 17 行和第 18 行/],
    [
      'total-does-not-add-up.xlsx',
      /^错误 公开03表 第7行 201 一般公共服务支出「基本支出」栏（工作表「支出」F7）：明细之和 1,169\.89，表中为 1,169\.90$/m,
    ],
  ])('%s', async (name, message) => {
    const dir = tempDir();
    const out = join(dir, '2024.yaml');
    const r = await cli('import', broken(name), '--texts', 'data/2024.yaml', '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.err).toMatch(/未写入任何文件。$/);
    expect(existsSync(out)).toBe(false);
    expect(r.out).toBe('');
  });

  it('a workbook that does not exist', async () => {
    const r = await cli('import', 'no-such.xlsx', '--texts', 'data/2024.yaml', '--out', join(tempDir(), '2024.yaml'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^错误 找不到工作簿 no-such\.xlsx$/m);
  });
});

describe('the output file and the texts file', () => {
  it('an existing output file is kept (exit 1) unless --force, which replaces it whole', async () => {
    const dir = tempDir();
    const out = join(dir, '2024.yaml');
    writeFileSync(out, '# 已有的文件\n');
    const r = await cli('import', fixture('finance-split-codes.xlsx'), '--texts', 'data/2024.yaml', '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/2024\.yaml 已存在，未写入任何内容；要用导入的结果替换它，请加 --force/);
    expect(readFileSync(out, 'utf8')).toBe('# 已有的文件\n');

    const forced = await cli('import', fixture('finance-split-codes.xlsx'), '--texts', 'data/2024.yaml', '--out', out, '--force');
    expect(forced.code).toBe(0);
    expect(forced.out).toMatch(
      /^已写入 .*2024\.yaml：江西省总工会 2024 年度，收入 6 个科目、支出 6 个科目、基本支出经济分类 7 款；文字取自 data\/2024\.yaml。/,
    );
    expect(readFileSync(out, 'utf8')).toMatch(/^year: 2024$/m);
  });

  it('a texts file with errors is refused before anything is read', async () => {
    const dir = tempDir();
    const texts = join(dir, 'texts', '2024.yaml');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'texts'));
    writeFileSync(texts, 'year: 2024\ndepartment: 江西省总工会\nincome: 12\n');
    const r = await cli('import', fixture('finance-split-codes.xlsx'), '--texts', texts, '--out', join(dir, '2024.yaml'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/--texts 文件 .*2024\.yaml 有错误，请先改正/);
    expect(existsSync(join(dir, '2024.yaml'))).toBe(false);
  });

  it('a workbook of another year than the output file name', async () => {
    const r = await cli('import', fixture('finance-split-codes.xlsx'), '--texts', 'data/2024.yaml', '--out', join(tempDir(), '2025.yaml'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/是 2024 年度的公开表，输出文件却是 2025 年度/);
  });

  it('missing --texts or --out, or a malformed --fund, is a usage error', async () => {
    expect((await cli('import', 'x.xlsx', '--out', 'y/2024.yaml')).err).toMatch(/^缺少 --texts/);
    expect((await cli('import', 'x.xlsx', '--texts', 'data/2024.yaml')).err).toMatch(/^缺少 --out/);
    const r = await cli('import', 'x.xlsx', '--texts', 'data/2024.yaml', '--out', 'y/2024.yaml', '--fund', '2012999:general');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^--fund 的写法是 科目编码=资金性质，例如 --fund 2012999=general/);
  });
});

describe('a leaf the tables do not determine', () => {
  it('财政拨款收入 of a 项 the catalogue cannot place is asked for (--fund), never guessed', async () => {
    const dir = tempDir();
    // The base fixture with 10 of 2012901's income and spending moved to a 项 it adds itself under 229,
    // a 类 whose 款 belong to different budgets; the department has both 一般公共 and 国有资本 income.
    const base = readFileSync('test/fixtures/base/2024.yaml', 'utf8');
    const year = base
      .replace(
        'department: 江西省示例协会\n',
        'department: 江西省示例协会\ncatalogue:\n  functional:\n    - { code: "22903", name: 示例事务 }\n    - { code: "2290301", name: 示例支出, explanation: 反映示例支出。 }\n',
      )
      .replace(
        '  - { code: "2012901", general: 300.00, other: 2.00 }',
        '  - { code: "2012901", general: 290.00, other: 2.00 }\n  - { code: "2290301", general: 10.00 }',
      )
      .replace('    basic: { general: 230.00, other: 2.00 }', '    basic: { general: 220.00, other: 2.00 }')
      .replace(
        '  - { code: "2230199", project: { state_capital: 30.00 } }',
        '  - { code: "2230199", project: { state_capital: 30.00 } }\n  - { code: "2290301", basic: { general: 10.00 } }',
      );
    const source = join(dir, 'source', '2024.yaml');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'source'));
    writeFileSync(source, year);
    const { renderYear } = await import('../xlsx/helpers.ts');
    const workbook = join(dir, '公开表.xlsx');
    writeFileSync(workbook, (await renderYear(source)).buffer);

    const out = join(dir, '2024.yaml');
    const asked = await cli('import', workbook, '--texts', source, '--out', out);
    expect(asked.code).toBe(1);
    expect(asked.err).toMatch(
      /2290301 示例支出：财政拨款收入 10\.00 属于一般公共预算还是国有资本经营预算，公开表不能确定.*请用 --fund 2290301=general 或 --fund 2290301=state_capital 指明/,
    );
    expect(existsSync(out)).toBe(false);

    const told = await cli('import', workbook, '--texts', source, '--out', out, '--fund', '2290301=general');
    expect(told.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^ {2}- \{ code: "2290301", general: 10\.00 \}$/m);

    // Told wrong, the sums by fund no longer match 公开04, and the import says so.
    const wrong = await cli('import', workbook, '--texts', source, '--out', join(dir, 'w', '2024.yaml'), '--fund', '2290301=state_capital');
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/一般公共预算财政拨款收入合计 350\.00，公开04表中为 360\.00/);
  });
});
