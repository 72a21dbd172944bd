/** The two commands as a user starts them: help, and one import through src/run.mjs (the npm script). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as spawnCli } from '../robustness/cli-run.ts';
import { cli, fixture, tempDir } from './helpers.ts';

describe('import and new on the command line', () => {
  it.each(['import', 'new'])('%s --help prints its own Chinese help, exit 0', async (name) => {
    const r = await cli(name, '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`^用法：npm run ${name} -- `));
  });

  it('both are listed by juesuan --help', async () => {
    const r = await cli('--help');
    expect(r.out).toMatch(/^ {2}import +从决算软件导出的公开表工作簿（\.xlsx）生成年度文件$/m);
    expect(r.out).toMatch(/^ {2}new +从上一年度的文件开始新的年度（文字带入，数字留待导入）$/m);
    expect(JSON.parse(readFileSync('package.json', 'utf8')).scripts).toMatchObject({
      import: 'node src/run.mjs import',
      new: 'node src/run.mjs new',
    });
  });

  it('npm run import -- <workbook> --texts … --out … (src/run.mjs): writes the file and prints what check says', async () => {
    const dir = tempDir();
    const out = join(dir, '2024.yaml');
    const r = await spawnCli(
      ['import', fixture('finance-stacked.xlsx'), '--texts', 'test/fixtures/general/2024.yaml', '--out', out],
      process.cwd(),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^已写入 .*2024\.yaml：江西省示例局 2024 年度，收入 11 个科目、支出 11 个科目、基本支出经济分类 21 款；文字取自 test\/fixtures\/general\/2024\.yaml。$/m,
    );
    expect(existsSync(out)).toBe(true);
  });
});
