/** `check <年度|文件>`: every rule, no output written. Exit 1 when there is an error. */
import { formatDiagnostics, hasErrors } from '../diagnostics.ts';
import { RULES } from '../check/index.ts';
import { loadYear } from '../pipeline.ts';
import { defineCommand, UsageError } from './command.ts';

export default defineCommand({
  name: 'check',
  summary: '校验年度文件，不发布',
  usage: `用法：npm run check -- <年度|文件> [--json]
       npm run check -- --rules
  逐条核对年度文件（例如 npm run check -- 2024，读取 data/2024.yaml），列出每个问题的文件名、行号、规则编号和说明。
  有错误时退出码为 1，只有警告时为 0。

选项：
  --json     以 JSON 输出校验结果（供程序读取）
  --rules    列出全部校验规则
  -h, --help 显示本说明`,
  options: { json: { type: 'boolean' }, rules: { type: 'boolean' } },
  positionals: { min: 0, max: 1 },
  async run({ values, positionals }, io) {
    if (values.rules) {
      if (positionals.length) throw new UsageError('--rules 不与年度一起使用');
      for (const r of RULES) io.out(`${r.id.padEnd(28)} ${r.severity === 'error' ? '错误' : '警告'}  ${r.description}`);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError('缺少参数：请给出年度（如 2024）或年度文件的路径');
    const result = loadYear(positionals[0]!);
    io.out(values.json ? JSON.stringify(result.diagnostics, null, 2) : formatDiagnostics(result.diagnostics));
    return hasErrors(result.diagnostics) ? 1 : 0;
  },
});
