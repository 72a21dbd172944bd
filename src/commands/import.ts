/**
 * `import <公开表.xlsx> --texts <年度文件> --out <年度文件>`: a year file from the 公开表 workbook the 决算
 * software exports (figures) and a year file (texts); see src/import/. Afterwards the new file is checked
 * as `check` would, so the user sees at once what is left to write (the 待填写 markers).
 */
import type { Fund } from '../catalogue/index.ts';
import { formatDiagnostics, hasErrors } from '../diagnostics.ts';
import { formatImportProblems, ImportError, importWorkbook } from '../import/index.ts';
import { displayPath } from '../load/load.ts';
import { loadYear } from '../pipeline.ts';
import { defineCommand, UsageError } from './command.ts';

const FUNDS: readonly Fund[] = ['general', 'gov_fund', 'state_capital'];

function parseFunds(values: string[]): Map<string, Fund> {
  const funds = new Map<string, Fund>();
  for (const v of values) {
    const m = /^(\d{7})=(general|gov_fund|state_capital)$/.exec(v.trim());
    if (!m)
      throw new UsageError(
        `--fund 的写法是 科目编码=资金性质，例如 --fund 2012999=general（资金性质为 ${FUNDS.join('、')} 之一），而不是「${v}」`,
      );
    funds.set(m[1]!, m[2] as Fund);
  }
  return funds;
}

export default defineCommand({
  name: 'import',
  summary: '从决算软件导出的公开表工作簿（.xlsx）生成年度文件',
  usage: `用法：npm run import -- <公开表.xlsx> --texts <年度文件> --out <年度文件> [--force] [--fund 科目编码=资金性质]
  读取工作簿中的公开01表至公开10表，写出一个完整的年度文件：数字取自工作簿（只取明细数，合计由程序
  重新计算并与表中合计核对），文字取自 --texts 文件。
  - --texts 是同一年度的文件（决算软件重新导出了更正后的表）：除数字外原样保留；
  - --texts 是上一年度的文件（开始新的年度）：文字作为草稿带入，须本年重写的标为「待填写」。
  工作簿的合计与明细不符、缺表、编码不认识、金额不是数字等问题逐条指出工作表和单元格，此时不写任何文件。

  例：npm run import -- 2025公开表.xlsx --texts data/2024.yaml --out data/2025.yaml

选项：
  --texts 文件   文字的来源（本年度或上一年度的年度文件）
  --out 文件     要写出的年度文件（文件名为年度，如 data/2025.yaml）；已存在时不覆盖
  --force        覆盖已存在的 --out 文件（写入是原子的：要么完整写入，要么原文件不变）
  --fund 编码=性质  某个项级科目的财政拨款收入属于哪类预算（general 一般公共预算、gov_fund 政府性基金、
                 state_capital 国有资本经营预算），只在公开表无法确定、程序提示时使用；可写多次
  -h, --help     显示本说明`,
  options: { texts: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' }, fund: { type: 'string', multiple: true } },
  positionals: { min: 1, max: 1 },
  async run({ values, positionals }, io) {
    const texts = values.texts as string | undefined;
    const out = values.out as string | undefined;
    if (!texts) throw new UsageError('缺少 --texts：请给出文字来源的年度文件（本年度或上一年度的，如 data/2024.yaml）');
    if (!out) throw new UsageError('缺少 --out：请给出要写出的年度文件，如 data/2025.yaml');
    const funds = parseFunds((values.fund as string[] | undefined) ?? []);
    let result;
    try {
      result = await importWorkbook({ workbook: positionals[0]!, texts, out, force: values.force === true, funds });
    } catch (err) {
      if (!(err instanceof ImportError)) throw err;
      io.err(formatImportProblems(err));
      return 1;
    }
    io.out(
      `已写入 ${displayPath(out)}：${result.department} ${result.year} 年度，收入 ${result.counts.income} 个科目、支出 ${result.counts.expenditure} 个科目、基本支出经济分类 ${result.counts.basicEconomic} 款；文字取自 ${displayPath(texts)}${result.mode === 'new-year' ? '（上一年度，已作为草稿带入）' : ''}。`,
    );
    for (const note of result.notes) io.out(`提示 ${note}`);
    if (result.added.length) io.out(`新增了待填写的条目：${result.added.join('、')}`);
    // What is left to do, as `check` reports it.
    const checked = loadYear(out);
    if (checked.diagnostics.length) {
      io.out(`\n校验结果（npm run check -- ${displayPath(out)}）：\n${formatDiagnostics(checked.diagnostics)}`);
      if (hasErrors(checked.diagnostics)) io.out('请改正以上错误（包括填写所有「待填写」）后再发布。');
    }
    return 0;
  },
});
