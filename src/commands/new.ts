/** `new <年度|文件>`: next year's draft from this year's file (see src/new-year/). */
import { displayPath } from '../load/load.ts';
import { NewYearError, startNewYear } from '../new-year/index.ts';
import { defineCommand } from './command.ts';

export default defineCommand({
  name: 'new',
  summary: '从上一年度的文件开始新的年度（文字带入，数字留待导入）',
  usage: `用法：npm run new -- <年度|文件> [--force]
  由同一文件夹中上一年度的文件生成新年度的文件，例如 npm run new -- 2025 由 data/2024.yaml 生成
  data/2025.yaml，npm run new -- 各单位/省体育局/2025.yaml 由该文件夹的 2024.yaml 生成。
  - 部门、职责、机构、项目名称、指标、名词解释等不随年度变化的内容照搬；
  - 公开表中的数字（收入、支出、基本支出、结转结余、三公经费、资产）留空，用 npm run import 从公开表导入；
  - 公开表中没有的数字（年初预算、项目资金、政府采购等）和须按本年情况重写的文字标为「待填写」，
    npm run check 会逐处指出，全部填写后才能发布。
  已存在的文件不覆盖。

选项：
  --force     覆盖已存在的新年度文件
  -h, --help  显示本说明`,
  options: { force: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  async run({ values, positionals }, io) {
    let result;
    try {
      result = startNewYear(positionals[0]!, { force: values.force === true });
    } catch (err) {
      if (!(err instanceof NewYearError)) throw err;
      io.err(`${err.message}\n未写入任何文件。`);
      return 1;
    }
    const out = displayPath(result.out);
    io.out(`已生成 ${out}（${result.year} 年度草稿，取自 ${displayPath(result.from)}），其中 ${result.markers} 处标为「待填写」。
下一步：
  1. 从决算软件导出 ${result.year} 年度的公开表工作簿（.xlsx），导入数字：
     npm run import -- 公开表.xlsx --texts ${out} --out ${out} --force
  2. 逐项填写或改写「待填写」：npm run check -- ${out} 列出每一处的行号。`);
    return 0;
  },
});
