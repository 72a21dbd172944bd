/**
 * `diff <年度A> <年度B>`: compares two year files' models in memory (no build needed) and prints the
 * comparison; writes it as an HTML page to output/diff/<A>-<B>.html. Bad arguments end in a Chinese
 * usage message and exit 1; a year file with errors ends in its diagnostics and exit 1.
 */
import { resolve } from 'node:path';
import { formatDiagnostics, hasErrors } from '../diagnostics.ts';
import { formatHtml } from '../diff/format-html.ts';
import { formatTerminal } from '../diff/format-terminal.ts';
import { compareYears, type YearSide } from '../diff/years.ts';
import { buildModel, modelData } from '../model/report.ts';
import { loadYear, yearFilePath } from '../pipeline.ts';
import { publish } from '../write/publish.ts';
import { defineCommand, UsageError } from './command.ts';

export const DIFF_USAGE = `用法：npm run diff -- <年度A> <年度B> [--out 输出目录]
  比较两个年度文件（A 为基准，通常是上一年），例如：npm run diff -- 2023 2024
  年度可以写成 4 位年份（读取 data/<年份>.yaml），也可以写年度文件的路径（例如 data/2024.yaml）。
  结果打印在终端，并写入 output/diff/<A>-<B>.html（可直接打印）。

选项：
  --out 目录  网页写到 目录/diff/ 下（默认 output）
  -h, --help  显示本说明`;

const isYearArg = (a: string) => /^\d{4}$/.test(a) || /\.ya?ml$/i.test(a);

function loadSide(arg: string, err: (t: string) => void): Omit<YearSide, 'label'> | undefined {
  const result = loadYear(arg);
  if (hasErrors(result.diagnostics) || !result.value) {
    err(formatDiagnostics(result.diagnostics.filter((d) => d.severity === 'error' && !d.acknowledged)));
    err(`${yearFilePath(arg)} 有错误，无法对比。`);
    return undefined;
  }
  const { calc, file } = result.value;
  return { year: calc.year, file, partial: calc.kind === 'partial', report: modelData(buildModel(calc, { documents: false })) };
}

export default defineCommand({
  name: 'diff',
  summary: '对比两个年度（终端表格和可打印的网页）',
  usage: DIFF_USAGE,
  options: { out: { type: 'string' } },
  positionals: { min: 2, max: 2 },
  async run({ values, positionals }, io) {
    const bad = positionals.filter((a) => !isYearArg(a));
    if (bad.length) throw new UsageError(`无法识别的年度：${bad.join('、')}`);
    const a = loadSide(positionals[0]!, io.err);
    const b = loadSide(positionals[1]!, io.err);
    if (!a || !b) return 1;
    // Column headings: the years, or the file names when both files are of the same year.
    const label = (s: Omit<YearSide, 'label'>) => (a.year === b.year ? s.file : `${s.year}年度`);
    const comparison = compareYears({ ...a, label: label(a) }, { ...b, label: label(b) });
    io.out(formatTerminal(comparison));

    const dir = resolve((values.out as string | undefined) ?? 'output', 'diff');
    const name = `${a.year}-${b.year}.html`;
    publish(dir, [{ name, bytes: Buffer.from(formatHtml(comparison)) }]);
    io.out(`\n已写入 ${resolve(dir, name)}`);
    return 0;
  },
});
