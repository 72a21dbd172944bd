/**
 * `diff <年度A> <年度B>`: compares two year files' models in memory (no build needed) and prints the
 * comparison; writes it as an HTML page to output/diff/<A>-<B>.html. Bad arguments end in a Chinese
 * usage message and exit 1; a year file with errors ends in its diagnostics and exit 1.
 */
import { resolve } from 'node:path';
import { formatDiagnostics, hasErrors } from '../diagnostics.ts';
import { loadYear, yearFilePath } from '../pipeline.ts';
import { publish } from '../write/publish.ts';
import { formatHtml } from './format-html.ts';
import { formatTerminal } from './format-terminal.ts';
import { yearReportData } from './report.ts';
import { compareYears, type YearSide } from './years.ts';

export const DIFF_USAGE = `用法：npm run diff -- <年度A> <年度B>
  比较两个年度文件（A 为基准，通常是上一年），例如：npm run diff -- 2023 2024
  年度可以写成 4 位年份（读取 data/<年份>.yaml），也可以写年度文件的路径（例如 data/2024.yaml）。
  结果打印在终端，并写入 output/diff/<A>-<B>.html（可直接打印）。`;

export interface DiffOptions {
  outputRoot?: string;
  out?: (text: string) => void;
  err?: (text: string) => void;
}

const isYearArg = (a: string) => /^\d{4}$/.test(a) || /\.ya?ml$/i.test(a);

function loadSide(arg: string, err: (t: string) => void): Omit<YearSide, 'label'> | undefined {
  const result = loadYear(arg);
  if (hasErrors(result.diagnostics) || !result.value) {
    err(formatDiagnostics(result.diagnostics.filter((d) => d.severity === 'error' && !d.acknowledged)));
    err(`${yearFilePath(arg)} 有错误，无法对比。`);
    return undefined;
  }
  const { calc, file } = result.value;
  return { year: calc.year, file, partial: calc.kind === 'partial', report: yearReportData(calc) };
}

export async function diffCommand(args: string[], flags: Set<string>, options: DiffOptions = {}): Promise<number> {
  const out = options.out ?? ((t: string) => process.stdout.write(t));
  const err = options.err ?? ((t: string) => process.stderr.write(`${t}\n`));
  if (flags.has('--help')) {
    out(`${DIFF_USAGE}\n`);
    return 0;
  }
  if (args.length !== 2 || flags.size || !args.every(isYearArg)) {
    const bad = args.filter((a) => !isYearArg(a));
    if (bad.length) err(`无法识别的年度：${bad.join('、')}`);
    if (flags.size) err(`不支持的选项：${[...flags].join('、')}`);
    err(DIFF_USAGE);
    return 1;
  }
  const a = loadSide(args[0]!, err);
  const b = loadSide(args[1]!, err);
  if (!a || !b) return 1;
  // Column headings: the years, or the file names when both files are of the same year.
  const label = (s: Omit<YearSide, 'label'>) => (a.year === b.year ? s.file : `${s.year}年度`);
  const comparison = compareYears({ ...a, label: label(a) }, { ...b, label: label(b) });
  out(formatTerminal(comparison));

  const dir = resolve(options.outputRoot ?? 'output', 'diff');
  const name = `${a.year}-${b.year}.html`;
  publish(dir, [{ name, bytes: Buffer.from(formatHtml(comparison)) }]);
  out(`\n已写入 ${resolve(dir, name)}\n`);
  return 0;
}
