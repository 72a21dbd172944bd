/**
 * `build <year>`: check, then publish everything a year file produces into output/<year>/ — the PDF
 * document(s), the 公开表 workbook, report.json and a manifest — only when there is no error.
 *
 * Everything is rendered in memory first. Then the new build is compared with the version already
 * published there (its manifest and report.json): identical outputs → nothing is written at all; a
 * correction → the previous version goes to history/<NNN>/ and changes.md says exactly what changed
 * (src/diff/correction.ts), all through the crash-safe order of src/write/history.ts.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { readConfig } from './config.ts';
import { compareCorrection } from './diff/correction.ts';
import { formatChanges } from './diff/format-changes.ts';
import { correctionNotice, noticeInfo } from './diff/notice.ts';
import { formatDiagnostics, hasErrors } from './diagnostics.ts';
import type { DocumentModel } from './model/document.ts';
import { buildModel, parseReportData, type ReportData } from './model/report.ts';
import type { TableSpec } from './model/table-spec.ts';
import { loadYear } from './pipeline.ts';
import { renderJson } from './render/json.ts';
import type { WorkbookMeta } from './render/xlsx/index.ts';
import { archiveNumber, CHANGES, MANIFEST, nextArchive, publishVersion, readPublished, readPublishedFile, recover, REPORT, type StepHook } from './write/history.ts';
import { sameOutputs, serializeManifest, type Manifest } from './write/manifest.ts';
import { replaceFile, sha256, type OutputFile } from './write/publish.ts';

/** Characters a file name cannot hold on Windows or Linux. */
export const safeFileName = (name: string) => name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');

export interface Renderers {
  pdf: (doc: DocumentModel) => Promise<Buffer>;
  workbook: (tables: TableSpec[], meta: WorkbookMeta) => Promise<Buffer>;
}

export interface BuildOptions {
  outputRoot?: string;
  log?: (line: string) => void;
  /** Tests replace the renderers (the correction logic depends only on report.json and the manifest). */
  renderers?: Partial<Renderers>;
  /** Tests stop a publish at a given step, as a killed process would (see write/history.ts). */
  step?: StepHook;
}

export interface BuildResult {
  ok: boolean;
  outputDir?: string;
  files: OutputFile[];
  /**
   * first: first publication; changed: a new version, the previous one archived; unchanged: nothing
   * written; repaired: same version, damaged files rewritten.
   */
  status?: 'first' | 'changed' | 'unchanged' | 'repaired';
  version?: number;
  /** Where the previous version went (history/001), for a changed build. */
  archive?: string;
  /** The text of changes.md, for a changed build. */
  changes?: string;
}

export async function buildYear(arg: string, options: BuildOptions = {}): Promise<BuildResult> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const started = performance.now();
  const step = (what: string) => log(`  ${what}（${Math.round(performance.now() - started)} ms）`);

  const result = loadYear(arg);
  const warnings = result.diagnostics.filter((d) => d.severity !== 'error' || d.acknowledged);
  if (hasErrors(result.diagnostics) || !result.value) {
    log(formatDiagnostics(result.diagnostics));
    log('有错误，未发布任何文件（原有输出保持不变）。');
    return { ok: false, files: [] };
  }
  const { calc, path } = result.value;
  if (calc.kind === 'partial') {
    log(`${result.value.file} 是部分数据（partial: true），只用于上年对比，不能发布。`);
    return { ok: false, files: [] };
  }
  step('校验通过');
  if (warnings.length) log(formatDiagnostics(warnings));

  const model = buildModel(calc);
  const { documents, tables } = model;
  step('文档模型已生成');

  // The workbook starts first (off the main thread when possible), then the PDFs are laid out; the
  // renderers are loaded only now, as they pull in pdfmake, the fonts and ExcelJS.
  const title = `${calc.department}${calc.year}年度部门决算公开表`;
  const meta = { title, author: calc.department, date: documents[0]?.date ?? `${calc.year + 1}-09-30` };
  const workbookBytes = !tables.length
    ? undefined
    : options.renderers?.workbook
      ? options.renderers.workbook(tables, meta)
      : (await import('./render/xlsx/background.ts')).renderWorkbookInBackground(tables, meta);
  workbookBytes?.catch(() => undefined); // awaited below; a rejection must not surface before that
  const pdf = options.renderers?.pdf ?? (await import('./render/pdf/index.ts')).renderPdf;
  const web = await import('./render/html/index.ts');
  const chartsInPdf = readConfig().charts?.pdf === true;
  const files: OutputFile[] = [];
  for (const doc of documents) {
    files.push({ name: safeFileName(doc.fileName), bytes: await pdf(chartsInPdf ? web.withPdfCharts(model, doc, calc.prior) : doc) });
    step(`已生成 ${doc.fileName}`);
    const edition = web.webEdition(model, doc, calc.prior);
    files.push({ name: safeFileName(edition.name), bytes: edition.bytes });
    step(`已生成 ${edition.name}`);
  }
  if (workbookBytes) {
    files.push({ name: safeFileName(`${title}.xlsx`), bytes: await workbookBytes });
    step(`已生成 ${title}.xlsx`);
  }
  const report = renderJson(model);
  files.push({ name: REPORT, bytes: report });

  const inputs = [path, ...(result.value.prior ? [resolve(path, '..', `${calc.year - 1}.yaml`)] : [])];
  const manifest: Manifest = {
    year: calc.year,
    inputs: inputs.map((p) => ({ file: p.split('/').slice(-2).join('/'), sha256: sha256(readFileSync(p)) })),
    outputs: files.map((f) => ({ file: f.name, sha256: sha256(f.bytes), bytes: f.bytes.length })),
  };

  const outputDir = resolve(options.outputRoot ?? defaultOutputRoot(path), String(calc.year));
  for (const message of recover(outputDir)) log(message);
  const previous = readPublished(outputDir);

  // The same outputs as the version in place: write nothing (not even a timestamp).
  if (previous?.manifest && previous.manifest.year === manifest.year && sameOutputs(previous.manifest, manifest)) {
    const version = previous.manifest.version ?? 1;
    const inputsNote = JSON.stringify(previous.manifest.inputs) === JSON.stringify(manifest.inputs)
      ? ''
      : '（输入文件有改动，但不影响任何输出；manifest.json 保留产生这些输出时的输入校验值）';
    if (!previous.damaged.length) {
      log(`与上次发布相比没有变化（第 ${version} 版），未写入任何文件。${inputsNote}`);
      return { ok: true, outputDir, files, status: 'unchanged', version };
    }
    // Outputs that no longer match their manifest (deleted, edited by hand) are put back.
    for (const name of previous.damaged) replaceFile(outputDir, name, files.find((f) => f.name === name)!.bytes);
    log(`与上次发布相比没有变化（第 ${version} 版）；以下文件与 manifest.json 不符，已重新写入：${previous.damaged.join('、')}${inputsNote}`);
    return { ok: true, outputDir, files, status: 'repaired', version };
  }

  // history/NNN holds version NNN: the new version is one after the archive of the previous one (or,
  // when the folder holds nothing but an old history/, one after the last archive).
  let archive: string | null = null;
  let version = archiveNumber(nextArchive(outputDir));
  let changes: string | undefined;
  if (previous) {
    archive = previous.archived ?? nextArchive(outputDir);
    version = archiveNumber(archive) + 1;
  }
  const versioned: Manifest = { year: manifest.year, version, inputs: manifest.inputs, outputs: manifest.outputs };
  files.push({ name: MANIFEST, bytes: Buffer.from(serializeManifest(versioned)) });
  if (previous && archive) {
    const before = readPreviousReport(previous, log);
    const after = parseReportData(report.toString('utf8'));
    const correction = compareCorrection({ ...before, ...(previous.manifest ? { manifest: previous.manifest } : {}) }, { report: after, manifest: versioned });
    const v = { version, previousVersion: archiveNumber(archive), archive };
    changes = formatChanges(correction, v);
    files.push({ name: CHANGES, bytes: Buffer.from(changes) });
    // The 更正说明 to post with the corrected publication, as a web page and a PDF.
    const notice = correctionNotice(correction, noticeInfo(before.report, after, v));
    files.push({ name: web.htmlFileName(notice), bytes: web.renderHtml(notice) }, { name: notice.fileName, bytes: await pdf(notice) });
  }

  publishVersion(outputDir, files, previous, archive, options.step);
  step(`已写入 ${outputDir}`);
  if (archive) log(`第 ${archiveNumber(archive)} 版已原样存入 ${outputDir}/${archive}/；本次为第 ${version} 版，变化见 ${CHANGES}。`);
  return { ok: true, outputDir, files, status: previous ? 'changed' : 'first', version, ...(archive ? { archive } : {}), ...(changes ? { changes } : {}) };
}

function readPreviousReport(previous: NonNullable<ReturnType<typeof readPublished>>, log: (line: string) => void): { report?: ReportData } {
  const bytes = readPublishedFile(previous, REPORT);
  if (!bytes) return {};
  try {
    return { report: parseReportData(bytes.toString('utf8')) };
  } catch (e) {
    log(`上一版的 report.json 无法读取（${(e as Error).message}），只比较文件。`);
    return {};
  }
}

/**
 * Where a year file publishes: data/<year>.yaml to output/<year>/; a year file kept in a folder of its
 * own (another department's, e.g. 各单位/省体育局/2024.yaml) to output/<folder>/<year>/, so departments
 * built from one copy of the tool never overwrite — or “correct” — each other.
 */
export function defaultOutputRoot(yearFile: string): string {
  const dir = dirname(resolve(yearFile));
  return dir === resolve('data') ? 'output' : join('output', basename(dir));
}
