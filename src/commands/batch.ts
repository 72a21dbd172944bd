/** `batch <文件夹> <年度>`: every department's year file in one run, then the finance office's index (src/batch/). */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { failureReport, planFolder, runBatch, type BatchPlan } from '../batch/batch.ts';
import { INDEX_PAGE, INDEX_WORKBOOK } from '../batch/index-page.ts';
import { printable } from '../diagnostics.ts';
import { shown } from '../write/disk.ts';
import { defineCommand, stdio, UsageError, type Io } from './command.ts';

export const BATCH_OPTIONS = { out: { type: 'string' }, jobs: { type: 'string' } } as const;

export default defineCommand({
  name: 'batch',
  summary: '批量发布一个文件夹中各单位的年度文件，并生成汇总',
  usage: `用法：npm run batch -- <文件夹> <年度> [--out 输出目录] [--jobs 并行数]
  文件夹中每个单位一个子文件夹，年度文件放在其中（如 各单位/省体育局/2024.yaml，上年文件 2023.yaml 放在旁边）。
  每个单位的结果与单独运行 npm run build -- 各单位/省体育局/2024.yaml 完全相同，写到 output/<子文件夹名>/<年度>/
  （各自的版本、history/ 和 changes.md）。某个单位有错误不影响其他单位。
  全部完成后生成汇总：output/汇总/<年度>/index.html（网页，手机上也可看）和 汇总.xlsx，列出每个单位的主要数字、
  校验结果、已发布版本和与上次汇总相比的变化。有单位未能发布时退出码为 1，并列出这些单位。

选项：
  --out 目录     输出目录（各单位写到 目录/<子文件夹名>/<年度>/，汇总写到 目录/汇总/<年度>/），也可写成 --out=目录
  --jobs 数      同时生成几个单位（默认等于处理器核数）
  -h, --help     显示本说明`,
  options: BATCH_OPTIONS,
  positionals: { min: 2, max: 2 },
  async run({ values, positionals }, io) {
    const [folder, yearText] = positionals as [string, string];
    if (!/^\d{4}$/.test(yearText)) throw new UsageError(`年度应为四位数字（如 2024），而不是「${yearText}」`);
    const out = values.out as string | undefined;
    return runBatchCommand(planFolder(folder, Number(yearText), out), values, io);
  },
});

/** Runs a planned batch with progress on stderr and the closing report (shared with `build a b c`). */
export async function runBatchCommand(plan: BatchPlan, values: Record<string, unknown>, io: Io): Promise<number> {
  const jobs = parseJobs(values.jobs as string | undefined);
  const tty = io.err === stdio.err && process.stderr.isTTY === true;
  const controller = new AbortController();
  const onInterrupt = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
    io.err('\n正在停止：不再开始新的单位，等正在生成的单位完成后退出（再按一次 Ctrl-C 立即退出）。');
  };
  process.on('SIGINT', onInterrupt);
  try {
    io.err(`批量发布 ${plan.year} 年度：${plan.jobs.length} 个单位，同时生成 ${Math.min(jobs, plan.jobs.length)} 个。`);
    if (plan.skipped.length) io.err(`以下文件夹中没有 ${plan.year}.yaml，不处理：${plan.skipped.map(printable).join('、')}`);
    const result = await runBatch(plan, {
      jobs,
      progress: {
        line: io.err,
        ...(tty ? { status: (text: string) => process.stderr.write(`\r\x1b[2K${text}`) } : {}),
      },
      signal: controller.signal,
    });
    const failed = result.outcomes.filter((o) => !o.ok);
    if (!result.summary) {
      io.err(`已中断：完成 ${result.outcomes.length} 个单位，其余 ${plan.jobs.length - result.outcomes.length} 个未处理；汇总没有更新。`);
      return 1;
    }
    const ok = result.outcomes.length - failed.length;
    io.out(`批量发布完成：共 ${result.outcomes.length} 个单位，发布成功 ${ok} 个，未能发布 ${failed.length} 个。`);
    io.out(`汇总：${shown(join(result.indexDir, INDEX_PAGE))}、${shown(join(result.indexDir, INDEX_WORKBOOK))}`);
    if (failed.length) {
      io.err(`\n未能发布的单位（${failed.length} 个；原有输出保持不变，详见汇总页的「校验信息」）：`);
      for (const line of failureReport(result)) io.err(line);
      return 1;
    }
    return 0;
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}

function parseJobs(text: string | undefined): number {
  if (text === undefined) return availableParallelism();
  if (!/^\d{1,3}$/.test(text) || Number(text) < 1) throw new UsageError(`--jobs 应为正整数（如 2），而不是「${text}」`);
  return Number(text);
}
