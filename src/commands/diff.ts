/**
 * `diff <年度A> <年度B>`: compares two year files' models in memory (no build needed) and prints the
 * comparison; writes it as an HTML page to output/diff/. Two files of the same year are compared as two
 * versions of it (原版本/新版本). `--changed-only` lists only what changed. Bad arguments end in a
 * Chinese usage message and exit 1; a year file with errors ends in its diagnostics and exit 1.
 */
import { createHash } from 'node:crypto';
import { relative, resolve, sep } from 'node:path';
import { formatDiagnostics, hasErrors, printable } from '../diagnostics.ts';
import { formatHtml } from '../diff/format-html.ts';
import { formatTerminal } from '../diff/format-terminal.ts';
import { compareYears, onlyChanged, type YearSide } from '../diff/years.ts';
import { buildModel, modelData } from '../model/report.ts';
import { loadYear, yearFilePath } from '../pipeline.ts';
import { publish } from '../write/publish.ts';
import { defineCommand, UsageError } from './command.ts';

export const DIFF_USAGE = `用法：npm run diff -- <年度A> <年度B> [--changed-only] [--out 输出目录]
  比较两个年度文件（A 为基准，通常是上一年），例如：npm run diff -- 2023 2024
  年度可以写成 4 位年份（读取 data/<年份>.yaml），也可以写年度文件的路径（例如 data/2024.yaml）。
  两个文件是同一年度的（例如更正前后的两稿），按「同一年度的两个版本」对比：原版本 → 新版本。
  结果打印在终端，并写入 output/diff/ 下的网页（可直接打印）：data/ 中的两个年度为 <A>-<B>.html，
  其他文件的名称取自文件夹和文件名并附一段校验码，不同文件的结果不会互相覆盖。

选项：
  --changed-only  只列出有变化的数字（增减额不为零的，以及只有一方有的行）；网页名后加「（只列变化）」
  --out 目录      网页写到 目录/diff/ 下（默认 output）
  -h, --help      显示本说明`;

const isYearArg = (a: string) => /^\d{4}$/.test(a) || /\.ya?ml$/i.test(a);

interface Side extends Omit<YearSide, 'label'> {
  path: string;
}

function loadSide(arg: string, err: (t: string) => void): Side | undefined {
  const result = loadYear(arg);
  if (hasErrors(result.diagnostics) || !result.value) {
    err(formatDiagnostics(result.diagnostics.filter((d) => d.severity === 'error' && !d.acknowledged)));
    err(`${yearFilePath(arg)} 有错误，无法对比。`);
    return undefined;
  }
  const { calc, file, path } = result.value;
  return { year: calc.year, file, path, partial: calc.kind === 'partial', report: modelData(buildModel(calc, { documents: false })) };
}

/**
 * The page's file name. data/2023.yaml against data/2024.yaml is 2023-2024.html, as always; any other
 * pair is named after its files (folder and name) plus a check code of the two full paths, so two
 * comparisons of different files never share a name (各单位/A/2024.yaml and 各单位/B/2024.yaml, or two
 * drafts of one year in different folders).
 */
export function diffFileName(a: Side, b: Side, changedOnly: boolean): string {
  const isDefault = (s: Side) => s.path === resolve('data', `${s.year}.yaml`);
  const readable = (s: Side) =>
    relative(process.cwd(), s.path)
      .replace(/\.ya?ml$/i, '')
      .split(sep)
      .filter((p) => p && p !== '.' && p !== '..')
      .join('_')
      .replace(/[\\/:*?"<>|\u0000-\u001f\s]/g, '_');
  const name =
    isDefault(a) && isDefault(b)
      ? `${a.year}-${b.year}`
      : `${readable(a)}-${readable(b)}~${createHash('sha256').update(`${a.path}\u0000${b.path}`).digest('hex').slice(0, 8)}`;
  return `${name}${changedOnly ? '（只列变化）' : ''}.html`;
}

export default defineCommand({
  name: 'diff',
  summary: '对比两个年度（终端表格和可打印的网页）',
  usage: DIFF_USAGE,
  options: { out: { type: 'string' }, 'changed-only': { type: 'boolean' } },
  positionals: { min: 2, max: 2 },
  async run({ values, positionals }, io) {
    const bad = positionals.filter((a) => !isYearArg(a));
    if (bad.length) throw new UsageError(`无法识别的年度：${bad.map(printable).join('、')}`);
    const a = loadSide(positionals[0]!, io.err);
    const b = loadSide(positionals[1]!, io.err);
    if (!a || !b) return 1;
    // Column headings: the years, or 原版本/新版本 when both files are of the same year.
    const same = a.year === b.year;
    const side = ({ path: _, ...s }: Side, label: string): YearSide => ({ ...s, label });
    const full = compareYears(side(a, same ? '原版本' : `${a.year}年度`), side(b, same ? '新版本' : `${b.year}年度`));
    const changedOnly = values['changed-only'] === true;
    const comparison = changedOnly ? onlyChanged(full) : full;
    io.out(formatTerminal(comparison));

    const dir = resolve((values.out as string | undefined) ?? 'output', 'diff');
    const name = diffFileName(a, b, changedOnly);
    publish(dir, [{ name, bytes: Buffer.from(formatHtml(comparison)) }]);
    io.out(`\n已写入 ${resolve(dir, name)}`);
    return 0;
  },
});
