/** `build <年度|文件>`: check, then publish the PDF, the workbook and report.json (see src/build.ts). */
import { buildYear } from '../build.ts';
import { defineCommand } from './command.ts';

export default defineCommand({
  name: 'build',
  summary: '校验并发布年度文件（PDF、工作簿、report.json）',
  usage: `用法：npm run build -- <年度|文件> [--out 输出目录]
  校验年度文件，没有错误时发布到 output/<年度>/（例如 npm run build -- 2024，读取 data/2024.yaml）。
  其他文件夹中的年度文件（如 各单位/省体育局/2024.yaml）发布到 output/<文件夹名>/<年度>/。
  已发布过的，本次为更正：上一版存入 history/，变化写入 changes.md。有错误时不写任何文件，退出码为 1。

选项：
  --out 目录  指定输出目录（结果写到 目录/<年度>/），也可写成 --out=目录
  -h, --help  显示本说明`,
  options: { out: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  async run({ values, positionals }, io) {
    const out = values.out as string | undefined;
    const result = await buildYear(positionals[0]!, { ...(out ? { outputRoot: out } : {}), log: io.err });
    if (result.ok && result.status !== 'unchanged' && result.status !== 'repaired') {
      io.out(`发布完成（第 ${result.version} 版）：${result.outputDir}`);
      for (const f of result.files) io.out(`  ${f.name}`);
      if (result.changes) io.out(`\n${result.changes}`);
    }
    return result.ok ? 0 : 1;
  },
});
