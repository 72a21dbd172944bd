/**
 * One department of a batch: exactly the build a single `build <file>` does (src/build.ts buildYear),
 * with its terminal lines kept instead of printed, and whatever happens — an error in the data, a file
 * open in a viewer, a bug — turned into a plain outcome the finance office's index can list. Runs in a
 * pool worker (batch-worker.ts) or, where there is no worker, in the main thread; the outcome is plain
 * data, so it crosses the thread boundary as it is.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildYear, REPORT, type BuildTimings } from '../build.ts';
import { UserError } from '../commands/command.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { figureLabel } from '../calc/figures.ts';
import { parseReportData } from '../model/report.ts';
import type { TemplateError } from '../model/narrative.ts';
import { isFile } from '../write/disk.ts';
import { MANIFEST, readManifest } from '../write/manifest.ts';
import { PublishError, sha256 } from '../write/publish.ts';

/** The figures the index lists for every department, in its column order. */
export const KEY_FIGURES = ['income_total', 'expenditure_total', 'fiscal_expenditure', 'three_public.total', 'closing_balance'] as const;
export type KeyFigure = (typeof KEY_FIGURES)[number];
export const keyFigureLabel = (key: KeyFigure) => figureLabel(key);

export interface DepartmentJob {
  /** Position in the batch (the order of the index). */
  index: number;
  /** The department's folder name, as the index names it. */
  name: string;
  /** The year file (absolute path). */
  file: string;
  /** What `--out` would be for a single build: the output folder is <outputRoot>/<year>. */
  outputRoot: string;
  /** Set when the department cannot be built at all (its output folder is taken): the reason. */
  refused?: string;
}

/** What happened, as plain data (structured-clone safe: no classes, no decimals). */
export interface DepartmentOutcome {
  index: number;
  name: string;
  file: string;
  outputDir?: string;
  ok: boolean;
  /** As BuildResult: first, changed, unchanged, repaired. */
  status?: 'first' | 'changed' | 'unchanged' | 'repaired';
  /** The version now published in its folder (after a failure: the one that stayed), if any. */
  version?: number;
  department?: string;
  /** Key figures of the version now published, as exact decimal strings. */
  figures: Partial<Record<KeyFigure, string>>;
  /** Whether the figures are those of an earlier publication (this build failed). */
  figuresFromEarlier?: boolean;
  diagnostics: Diagnostic[];
  /** Why it failed, besides the diagnostics: the data, the output folder, or a bug. */
  failure?: { kind: 'check' | 'partial' | 'user' | 'internal'; message: string };
  /** changes.md was written by this build (a correction). */
  corrected?: boolean;
  /** Published files, for the index's links. */
  files: string[];
  /** The lines a single build would have printed. */
  log: string[];
  ms: number;
  timings?: BuildTimings;
}

const isOfficeTemplateError = (err: unknown) => err instanceof Error && err.name === 'TemplateError' && (err as TemplateError).overridden;

export async function buildDepartment(job: DepartmentJob): Promise<DepartmentOutcome> {
  const started = performance.now();
  const log: string[] = [];
  const base = { index: job.index, name: job.name, file: job.file, figures: {}, diagnostics: [], files: [], log };
  const outputDir = (year: number | undefined) => (year === undefined ? undefined : join(job.outputRoot, String(year)));
  const finish = (o: Omit<DepartmentOutcome, 'ms'>): DepartmentOutcome => ({ ...o, ms: performance.now() - started });
  if (job.refused) return finish({ ...base, ok: false, failure: { kind: 'user', message: job.refused } });
  try {
    // Everything is rendered here, in this thread: a pool worker is already off the main thread, and the
    // pool has as many as there are cores. (Loaded on first use: `build` imports this module.)
    const [{ renderWorkbook }, { renderPdf }] = await Promise.all([import('../render/xlsx/index.ts'), import('../render/pdf/index.ts')]);
    const result = await buildYear(job.file, {
      outputRoot: job.outputRoot,
      log: (line) => log.push(line),
      renderers: { workbook: renderWorkbook, pdf: (doc) => renderPdf(doc) },
    });
    const dir = result.outputDir ?? outputDir(result.year);
    const about = { ...(result.department !== undefined ? { department: result.department } : {}), ...(dir ? { outputDir: dir } : {}) };
    if (result.ok) {
      const figures: Partial<Record<KeyFigure, string>> = {};
      for (const key of KEY_FIGURES) {
        const value = result.figures?.[key];
        if (value) figures[key] = value.toFixed();
      }
      return finish({
        ...base,
        ...about,
        ok: true,
        ...(result.status ? { status: result.status } : {}),
        ...(result.version !== undefined ? { version: result.version } : {}),
        figures,
        diagnostics: result.diagnostics,
        corrected: result.changes !== undefined,
        files: result.files.map((f) => f.name),
        timings: result.timings,
      });
    }
    const partial = !result.diagnostics.some((d) => d.severity === 'error' && !d.acknowledged);
    return finish({
      ...base,
      ...about,
      ...(dir ? earlierPublication(dir) : {}),
      ok: false,
      diagnostics: result.diagnostics,
      failure: partial
        ? { kind: 'partial', message: log.at(-1) ?? '部分数据文件不能发布' }
        : { kind: 'check', message: '有错误，未发布（原有输出保持不变）' },
      timings: result.timings,
    });
  } catch (err) {
    const user = err instanceof UserError || err instanceof PublishError || isOfficeTemplateError(err);
    const message = user
      ? (err as Error).message
      : `内部错误：${(err as Error)?.message ?? String(err)}（这不是您的数据问题，请把这条信息报告给开发者）`;
    log.push(message);
    const dir = outputDir(yearOfFile(job.file));
    return finish({
      ...base,
      ...(dir ? { outputDir: dir, ...earlierPublication(dir) } : {}),
      ok: false,
      failure: { kind: user ? 'user' : 'internal', message },
    });
  }
}

/** The year a file's name says (…/2024.yaml), if it says one. */
export function yearOfFile(file: string): number | undefined {
  const m = /(?:^|[\\/])(\d{4})\.yaml$/.exec(file);
  return m ? Number(m[1]) : undefined;
}

/** Files larger than this in an output folder are not what this tool wrote: not read for the index. */
const MAX_READ = 64 * 1024 * 1024;
const DECIMAL = /^-?\d{1,15}(\.\d{1,10})?$/;

/**
 * The version that stayed in a department's folder when this build failed: its number, department and
 * key figures, read as untrusted input — report.json only when the manifest vouches for its bytes.
 */
export function earlierPublication(
  dir: string,
): Pick<DepartmentOutcome, 'version' | 'department' | 'figures' | 'figuresFromEarlier'> & { files?: string[] } {
  try {
    const read = (name: string) => {
      const path = join(dir, name);
      return isFile(path) && statSync(path).size <= MAX_READ ? readFileSync(path) : undefined;
    };
    const manifestBytes = read(MANIFEST);
    if (!manifestBytes) return { figures: {} };
    const manifest = readManifest(manifestBytes.toString('utf8'));
    const about = {
      version: manifest.version ?? 1,
      ...(manifest.department ? { department: manifest.department } : {}),
      files: manifest.outputs.map((o) => o.file),
    };
    const entry = manifest.outputs.find((o) => o.file === REPORT);
    const report = entry ? read(REPORT) : undefined;
    if (!report || sha256(report) !== entry!.sha256) return { ...about, figures: {} };
    const data = parseReportData(report.toString('utf8'));
    const figures: Partial<Record<KeyFigure, string>> = {};
    for (const key of KEY_FIGURES) {
      const value = (data.figures as Record<string, unknown>)[key];
      if (typeof value === 'string' && DECIMAL.test(value)) figures[key] = value;
    }
    return { ...about, figures, figuresFromEarlier: true };
  } catch {
    // Unreadable or tampered with: the index says nothing about an earlier version.
    return { figures: {} };
  }
}
