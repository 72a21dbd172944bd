/**
 * `build <年度|文件>`: check, then publish the PDF, the workbook and report.json (see src/build.ts).
 * `--watch` keeps the process warm and republishes on every save (src/watch/). Several files, or a
 * folder and a year, are a batch (src/batch/, the same as `batch`).
 */
import { statSync } from 'node:fs';
import { planFiles, planFolder } from '../batch/batch.ts';
import { yearOfFile } from '../batch/department.ts';
import { buildYear } from '../build.ts';
import { yearFilePath } from '../pipeline.ts';
import { runBatchCommand } from './batch.ts';
import { defineCommand, UsageError, type Io } from './command.ts';

export default defineCommand({
  name: 'build',
  summary: '校验并发布年度文件（PDF、工作簿、report.json）',
  usage: `用法：npm run build -- <年度|文件> [--out 输出目录] [--watch]
       npm run build -- <文件1> <文件2> …        （批量，同 npm run batch）
       npm run build -- <文件夹> <年度>           （批量，同 npm run batch -- <文件夹> <年度>）
  校验年度文件，没有错误时发布到 output/<年度>/（例如 npm run build -- 2024，读取 data/2024.yaml）。
  其他文件夹中的年度文件（如 各单位/省体育局/2024.yaml）发布到 output/<文件夹名>/<年度>/。
  已发布过的，本次为更正：上一版存入 history/，变化写入 changes.md。有错误时不写任何文件，退出码为 1。

选项：
  --out 目录  指定输出目录（结果写到 目录/<年度>/），也可写成 --out=目录
  --watch     发布后继续监视年度文件、上年文件和模板：每次保存都重新校验并发布（有错误时保留上次发布的文件）；
              按 Ctrl-C 结束
  --jobs 数   批量时同时生成几个单位（默认等于处理器核数）
  -h, --help  显示本说明`,
  options: { out: { type: 'string' }, watch: { type: 'boolean' }, jobs: { type: 'string' } },
  positionals: { min: 1, max: 10_000 },
  async run({ values, positionals }, io) {
    const out = values.out as string | undefined;
    const folder = positionals.length <= 2 && isDirectory(positionals[0]!) ? positionals[0]! : undefined;
    if (values.watch && (positionals.length > 1 || folder)) throw new UsageError('--watch 只能用于一个年度文件');
    if (values.jobs !== undefined && positionals.length === 1)
      throw new UsageError('--jobs 只用于批量发布（多个文件，或一个文件夹和年度）');
    if (folder) {
      const year = positionals[1];
      if (year === undefined || !/^\d{4}$/.test(year))
        throw new UsageError(
          `${folder} 是文件夹：请在后面写上年度，例如 npm run build -- ${folder} 2024（或 npm run batch -- ${folder} 2024）`,
        );
      return runBatchCommand(planFolder(folder, Number(year), out), values, io);
    }
    if (positionals.length > 1) {
      const files = positionals.map((p) => yearFilePath(p));
      const years = new Set(files.map(yearOfFile));
      const year = [...years][0];
      if (years.size !== 1 || year === undefined) {
        throw new UsageError(
          '一次批量发布的年度文件应属于同一年度，且文件名为「年度.yaml」（如 各单位/省体育局/2024.yaml）；不同年度请分别发布',
        );
      }
      return runBatchCommand(planFiles(files, year, out), values, io);
    }
    if (values.watch) return watch(positionals[0]!, out, io);
    const result = await buildYear(positionals[0]!, { ...(out ? { outputRoot: out } : {}), log: io.err });
    if (result.ok && result.status !== 'unchanged' && result.status !== 'repaired') {
      io.out(`发布完成（第 ${result.version} 版）：${result.outputDir}`);
      for (const f of result.files) io.out(`  ${f.name}`);
      if (result.changes) io.out(`\n${result.changes}`);
    }
    return result.ok ? 0 : 1;
  },
});

/** Watches until Ctrl-C (or SIGTERM); exit 0 after a clean stop. */
async function watch(arg: string, out: string | undefined, io: Io): Promise<number> {
  const { watchYear } = await import('../watch/watch.ts');
  const watching = await watchYear(arg, { ...(out ? { outputRoot: out } : {}), log: io.err });
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  // A render in progress is abandoned (it has written nothing); a publish never is (it is synchronous).
  void watching.stop();
  io.err('已停止监视。');
  return 0;
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
