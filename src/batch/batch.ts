/**
 * `batch <folder> <year>`: every department of an office in one run. Each `<folder>/<单位>/<year>.yaml`
 * is built exactly as `build <that file>` would build it — same function (department.ts), same output
 * folder (output/<单位>/<year>/), same bytes, its own versions, history and changes.md — by a pool of
 * worker threads (pool.ts). A department that fails does not stop the others. The run ends with the
 * finance office's index in output/汇总/<year>/: index.html, 汇总.xlsx and 汇总.json (summary.ts).
 *
 * The index is simply replaced by each batch (each file atomically, write/publish.ts `publish`), not
 * versioned: every figure in it is a department's published version, which has its own history, so an
 * old index can always be told from those; what the next batch needs of it — the versions and key
 * figures it listed — is 汇总.json.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { defaultOutputRoot } from '../build.ts';
import { UserError } from '../commands/command.ts';
import { byCodeUnit, printable } from '../diagnostics.ts';
import { PublishError, shown } from '../write/disk.ts';
import { publish } from '../write/publish.ts';
import type { DepartmentJob, DepartmentOutcome } from './department.ts';
import { INDEX_PAGE, INDEX_WORKBOOK, renderIndexPage } from './index-page.ts';
import { runPool } from './pool.ts';
import { Progress, type ProgressOutput } from './progress.ts';
import { readPreviousSummary, serializeSummary, SUMMARY_DATA } from './summary-file.ts';
import { messagesTable, summarize, summaryTable, SUMMARY_FOLDER, type Summary } from './summary.ts';

export interface BatchPlan {
  year: number;
  /** The output root: departments go to <root>/<单位>/<year>/, the index to <root>/汇总/<year>/. */
  root: string;
  jobs: DepartmentJob[];
  /** Each job's output folder relative to the root (省体育局/2024), in job order. */
  units: string[];
  /** Sub-folders without a year file of this year. */
  skipped: string[];
}

export interface BatchOptions {
  /** Worker threads (default: the number of cores). */
  jobs: number;
  progress: ProgressOutput;
  signal?: AbortSignal;
}

export interface BatchResult {
  plan: BatchPlan;
  outcomes: DepartmentOutcome[];
  /** Undefined when the run was interrupted before every department was done (no index written). */
  summary?: Summary;
  indexDir: string;
}

/** The <year>.yaml of every sub-folder of `folder`, in code-unit order of the names (the same on every machine). */
export function planFolder(folder: string, year: number, out?: string): BatchPlan {
  const dir = resolve(folder);
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory())
      throw new UserError(
        `${folder} 不是文件夹。批量发布的用法：npm run batch -- <文件夹> <年度>，文件夹中每个单位一个子文件夹（如 各单位/省体育局/${year}.yaml）。`,
      );
    entries = readdirSync(dir);
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`找不到文件夹 ${folder}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）。请检查路径后重试。`);
  }
  const files: string[] = [];
  const skipped: string[] = [];
  for (const name of entries.sort(byCodeUnit)) {
    if (name.startsWith('.')) continue;
    const sub = join(dir, name);
    if (!isDirectory(sub)) continue;
    const file = join(sub, `${year}.yaml`);
    if (isRegularFile(file)) files.push(file);
    else skipped.push(name);
  }
  if (!files.length) {
    throw new UserError(
      `${folder} 中没有找到任何单位的 ${year}.yaml：批量发布要求每个单位一个子文件夹，年度文件放在其中（如 ${folder}/省体育局/${year}.yaml）。`,
    );
  }
  return plan(files, year, out, skipped);
}

/** Named year files (`build a/2024.yaml b/2024.yaml`), all of one year. */
export function planFiles(files: string[], year: number, out?: string): BatchPlan {
  return plan(
    files.map((f) => resolve(f)),
    year,
    out,
    [],
  );
}

function plan(files: string[], year: number, out: string | undefined, skipped: string[]): BatchPlan {
  const root = resolve(out ?? 'output');
  const jobs: DepartmentJob[] = [];
  const units: string[] = [];
  const taken = new Map<string, string>();
  files.forEach((file, index) => {
    const outputRoot = resolve(defaultOutputRoot(file, root));
    const unit = relative(root, join(outputRoot, String(year)))
      .split(sep)
      .join('/');
    const name = basename(join(file, '..'));
    let refused: string | undefined;
    if (unit.split('/')[0] === SUMMARY_FOLDER) {
      refused = `这个单位的文件夹名「${SUMMARY_FOLDER}」与汇总目录 ${shown(join(root, SUMMARY_FOLDER))}/ 同名，发布会互相覆盖。请给这个单位的文件夹换个名字后重新发布。`;
    } else if (taken.has(unit)) {
      refused = `${shown(file)} 与 ${shown(taken.get(unit)!)} 会发布到同一个输出目录 ${shown(join(root, unit))}/。请把两个单位的年度文件放在名字不同的文件夹中。`;
    } else taken.set(unit, file);
    jobs.push({ index, name, file, outputRoot, ...(refused ? { refused } : {}) });
    units.push(unit);
  });
  return { year, root, jobs, units, skipped };
}

export async function runBatch(plan: BatchPlan, options: BatchOptions): Promise<BatchResult> {
  const indexDir = join(plan.root, SUMMARY_FOLDER, String(plan.year));
  const progress = new Progress(plan.jobs.length, options.progress, Math.min(options.jobs, plan.jobs.length));
  const outcomes = await runPool(plan.jobs, {
    size: options.jobs,
    onStart: (job) => progress.start(job),
    onDone: (o) => progress.finish(o),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  progress.end();
  if (outcomes.length < plan.jobs.length) return { plan, outcomes, indexDir };

  const previous = readPreviousSummary(indexDir, plan.year);
  const summary = summarize(plan.year, outcomes, plan.units, previous, plan.skipped);
  const table = summaryTable(summary);
  // Loaded here, not at start-up: `build` imports this module, and a single build renders its workbook elsewhere.
  const { renderWorkbook } = await import('../render/xlsx/index.ts');
  const workbook = await renderWorkbook([table, messagesTable(summary)], {
    title: table.title,
    author: '部门决算汇总',
    // From the data, never the clock (the same date a department's workbook falls back to).
    date: `${plan.year + 1}-09-30`,
  });
  try {
    publish(indexDir, [
      { name: INDEX_PAGE, bytes: renderIndexPage(summary, table, indexDir) },
      { name: INDEX_WORKBOOK, bytes: workbook },
      { name: SUMMARY_DATA, bytes: Buffer.from(serializeSummary(summary)) },
    ]);
  } catch (e) {
    if (e instanceof PublishError) throw new UserError(`各单位已发布，但汇总未能写入：${e.message}`);
    throw e;
  }
  return { plan, outcomes, summary, indexDir };
}

const isDirectory = (p: string) => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};
const isRegularFile = (p: string) => {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
};

/** The closing report: one line per department that did not publish, with its messages. */
export function failureReport(result: BatchResult): string[] {
  const lines: string[] = [];
  for (const o of result.outcomes.filter((x) => !x.ok)) {
    lines.push(`  ${printable(o.name)}（${shown(o.file)}）：`);
    const shownLines = [
      ...(o.failure && o.failure.kind !== 'check' ? [o.failure.message] : []),
      ...(o.failure?.kind === 'check' ? o.log : []),
    ];
    for (const l of shownLines.join('\n').split('\n')) if (l.trim()) lines.push(`    ${printable(l)}`);
  }
  return lines;
}
