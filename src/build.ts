/**
 * `build <year>`: check, then publish everything a year file produces into output/<year>/ — the PDF
 * document(s), the 公开表 workbook, report.json — only when there is no error.
 *
 * load + check → model → render (all in memory) → one call to write/publish.ts, which owns everything
 * about the folder: versions, history/, manifest.json, where changes.md goes, recovery from a killed
 * build and the lock. The text of changes.md is the correction diff's (src/diff/), made here from the
 * two report.json files and handed to the publish as a callback, since write/ knows nothing of content.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { outputNames } from './calc/output-names.ts';
import { UserError } from './commands/command.ts';
import { readConfig } from './config.ts';
import { compareCorrection } from './diff/correction.ts';
import { formatChanges } from './diff/format-changes.ts';
import { correctionNotice, noticeInfo } from './diff/notice.ts';
import { formatDiagnostics, hasErrors, type Diagnostic } from './diagnostics.ts';
import type { DocumentModel } from './model/document.ts';
import { buildModel, parseReportData, type ReportData, type ReportModel } from './model/report.ts';
import type { TableSpec } from './model/table-spec.ts';
import type { YearCalc } from './calc/index.ts';
import { loadYear } from './pipeline.ts';
import { renderJson } from './render/json.ts';
import type { PdfThread } from './render/pdf/background.ts';
import type { WorkbookMeta } from './render/xlsx/index.ts';
import { CHANGES } from './write/manifest.ts';
import {
  checkOutputFolder,
  otherDepartment,
  previewVersion,
  publishVersion,
  recoverFolder,
  PublishError,
  sha256,
  type OutputFile,
  type PreviousVersion,
  type PublishOptions,
  type StepHook,
} from './write/publish.ts';

export const REPORT = 'report.json';

export interface Renderers {
  pdf: (doc: DocumentModel) => Promise<Buffer>;
  workbook: (tables: TableSpec[], meta: WorkbookMeta) => Promise<Buffer>;
}

export interface BuildOptions {
  outputRoot?: string;
  log?: (line: string) => void;
  /** Tests replace the renderers (the correction logic depends only on report.json and the manifest). */
  renderers?: Partial<Renderers>;
  /** Tests stop a publish at a given step, as a killed process would, or make it fail (see write/disk.ts). */
  step?: StepHook;
}

/** Milliseconds per stage of one build (the watch mode and the batch print them). */
export interface BuildTimings {
  /** Reading and validating the year file and its prior year (YAML, schema). */
  load: number;
  /** The arithmetic (calc/). */
  calc: number;
  /** The rules. */
  check: number;
  /** The frozen model: tables and every sentence (templates). */
  model: number;
  /** PDF(s) and workbook (whatever the renderers did, reused bytes included). */
  render: number;
  /** The publish: versions, history, manifest, changes.md. */
  publish: number;
}

export interface BuildResult {
  ok: boolean;
  outputDir?: string;
  files: OutputFile[];
  /** Everything the checks found (errors included when the build stopped on them). */
  diagnostics: Diagnostic[];
  /** The department and year, once the year file could be read. */
  department?: string;
  year?: number;
  /** The model's comparable figures, when the year got as far as a model. */
  figures?: ReportModel['figures'];
  timings: BuildTimings;
  /**
   * first: first publication; changed: a new version, the previous one archived; unchanged: nothing
   * written; repaired: same version, damaged files rewritten.
   */
  status?: 'first' | 'changed' | 'unchanged' | 'repaired';
  version?: number;
  /** Where the previous version is archived (history/001), for a correction. */
  archive?: string;
  /** The text of changes.md, for a correction. */
  changes?: string;
}

export async function buildYear(arg: string, options: BuildOptions = {}): Promise<BuildResult> {
  // The PDFs' thread starts first, so that it loads pdfmake and the fonts while this one reads and
  // checks the year file (none when the caller brings its renderer: a watching build, a batch worker).
  const thread = options.renderers?.pdf ? undefined : (await import('./render/pdf/background.ts')).startPdfThread();
  try {
    return await build(arg, options, thread);
  } finally {
    thread?.close();
  }
}

async function build(arg: string, options: BuildOptions, thread: PdfThread | undefined): Promise<BuildResult> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const started = performance.now();
  const step = (what: string) => log(`  ${what}（${Math.round(performance.now() - started)} ms）`);

  // With a PDF thread, the documents are modelled and sent to it as soon as the year is calculated,
  // so that it lays them out while this thread runs the checks (the model is a function of the
  // calculation alone). When the checks find an error, the thread and its work are thrown away with
  // the build; a calculation the model cannot take is left to the checks to explain.
  let handedOver: { model: ReportModel; pdfs: Promise<Buffer>[]; ms: number } | undefined;
  const onCalculated = (calc: YearCalc) => {
    if (!thread || calc.kind === 'partial') return;
    const mark = performance.now();
    try {
      if (readConfig().charts?.pdf === true) return; // the PDFs' charts are drawn here first (below)
      const model = buildModel(calc);
      const pdfs = model.documents.map((doc) => thread.render(doc));
      for (const p of pdfs) p.catch(() => undefined); // awaited below; a rejection must not surface before that
      handedOver = { model, pdfs, ms: performance.now() - mark };
    } catch {
      handedOver = undefined;
    }
  };
  const result = loadYear(arg, { onCalculated });
  const t = result.timings;
  const timings: BuildTimings = {
    load: (t.load ?? 0) + (t.schema ?? 0),
    calc: t.calc ?? 0,
    check: t.check ?? 0,
    model: 0,
    render: 0,
    publish: 0,
  };
  const { diagnostics } = result;
  const about = result.value ? { department: result.value.calc.department, year: result.value.calc.year } : {};
  const warnings = diagnostics.filter((d) => d.severity !== 'error' || d.acknowledged);
  if (hasErrors(diagnostics) || !result.value) {
    log(formatDiagnostics(diagnostics));
    log('有错误，未发布任何文件（原有输出保持不变）。');
    return { ok: false, files: [], diagnostics, ...about, timings };
  }
  const { calc, path } = result.value;
  if (calc.kind === 'partial') {
    log(`${result.value.file} 是部分数据（partial: true），只用于上年对比，不能发布。`);
    return { ok: false, files: [], diagnostics, ...about, timings };
  }
  step('校验通过');
  if (warnings.length) log(formatDiagnostics(warnings));
  const outputDir = resolve(options.outputRoot ?? defaultOutputRoot(path), String(calc.year));
  userFacing(() => checkOutputFolder(outputDir));

  let mark = performance.now();
  const model = handedOver?.model ?? buildModel(calc);
  const { documents, tables } = model;
  timings.model = handedOver?.ms ?? performance.now() - mark;
  step('文档模型已生成');
  mark = performance.now();

  // The PDFs are started first (one after another): in their thread when there is one, while this
  // thread makes the workbook, the web editions, report.json and, for a correction, the correction
  // report. Without the thread everything is made here. The renderers are loaded only now, as they
  // pull in pdfmake, the fonts and ECharts.
  const web = await import('./render/html/index.ts');
  // Charts go into the PDF only when juesuan.config.json asks (the published document has none).
  const chartsInPdf = readConfig().charts?.pdf === true;
  const here = () => import('./render/pdf/index.ts').then((m) => (doc: DocumentModel) => m.renderPdf(doc));
  const pdf = options.renderers?.pdf ?? (thread ? (doc: DocumentModel) => thread.render(doc) : await here());
  // The 更正说明's PDF is made here while the thread lays out the documents.
  const noticePdf = thread ? async (doc: DocumentModel) => (await here())(doc) : pdf;
  let queue: Promise<unknown> = Promise.resolve();
  const pdfs =
    handedOver?.pdfs ??
    documents.map((doc) => {
      const bytes = queue.then(() => pdf(chartsInPdf ? web.withPdfCharts(model, doc) : doc));
      queue = bytes.catch(() => undefined);
      bytes.catch(() => undefined); // awaited below; a rejection must not surface before that
      return bytes;
    });
  const title = `${calc.department}${calc.year}年度部门决算公开表`;
  const meta = { title, author: calc.department, date: documents[0]?.date ?? `${calc.year + 1}-09-30` };
  const workbook = !tables.length
    ? undefined
    : (options.renderers?.workbook ?? (await import('./render/xlsx/index.ts')).renderWorkbook)(tables, meta);
  workbook?.catch(() => undefined);
  const workbookFile = workbook && (await workbook.then((bytes) => ({ name: outputNames(calc).workbook!.name, bytes })));
  if (workbookFile) step(`已生成 ${workbookFile.name}`);
  const editions = documents.map((doc) => {
    const edition = web.webEdition(model, doc);
    step(`已生成 ${edition.name}`);
    return edition;
  });
  const report = renderJson(model);
  const reportFile = { name: REPORT, bytes: report };
  /** The outputs in their order: each document's PDF and web edition, the workbook, report.json. */
  const outputs = (pdfBytes: (Buffer | undefined)[]): OutputFile[] => [
    ...documents.flatMap((doc, i) => [...(pdfBytes[i] ? [{ name: doc.fileName, bytes: pdfBytes[i] }] : []), editions[i]!]),
    ...(workbookFile ? [workbookFile] : []),
    reportFile,
  ];

  const inputs = [path, ...(result.value.prior ? [resolve(path, '..', `${calc.year - 1}.yaml`)] : [])].map((p) => ({
    file: p.split('/').slice(-2).join('/'),
    sha256: sha256(readFileSync(p)),
  }));
  const publishOptions = { department: calc.department, year: calc.year, inputs, ...(options.step ? { step: options.step } : {}) };

  // The correction report: changes.md, the correction diff of the two report.json files, and the
  // 更正说明 to post with the corrected publication (a web page and a PDF). It is made before the
  // publish, for the version the folder shows now — while the PDF thread lays the documents out, if
  // there is one: which version a new one follows depends on the folder alone, so the preview is asked
  // without the PDFs, and asked again with them (the outputs may all be the same: no new version). The
  // publish hands over the version it really follows, and a report made for another one is not used.
  let parsed: ReportData | undefined;
  const after = () => (parsed ??= parseReportData(report.toString('utf8')));
  const previousReports = new Map<number, { report?: ReportData }>();
  const previousReport = (previous: PreviousVersion) => {
    let old = previousReports.get(previous.version);
    if (!old) previousReports.set(previous.version, (old = readPreviousReport(previous, log)));
    return old;
  };
  const makeReport = async (previous: PreviousVersion, version: number) => {
    const old = previousReport(previous);
    // A manifest of an older tool does not name its department; its report.json does.
    if (old.report && old.report.department !== calc.department)
      throw new UserError(otherDepartment(outputDir, old.report.department, calc.department, calc.year));
    const correction = compareCorrection(
      { ...old, ...(previous.manifest ? { manifest: previous.manifest } : {}) },
      { report: after(), manifest: { inputs, outputs: [] } },
    );
    const v = { version, previousVersion: previous.version, archive: previous.archive };
    const notice = correctionNotice(correction, noticeInfo(old.report, after(), v));
    return {
      previous: previous.version,
      version,
      v,
      files: [
        { name: web.htmlFileName(notice), bytes: web.renderHtml(notice) },
        { name: notice.fileName, bytes: await noticePdf(notice) },
      ],
    };
  };
  for (const message of userFacing(() => recoverFolder(outputDir))) log(message);
  // Early only when the PDFs are laid out elsewhere meanwhile; here it would only be one more preview.
  const early = thread ? previewVersion(outputDir, outputs([]), publishOptions) : undefined;
  const speculative = early?.previous ? makeReport(early.previous, early.version) : undefined;
  speculative?.catch(() => undefined);

  const pdfBytes: Buffer[] = [];
  for (const [i, doc] of documents.entries()) {
    pdfBytes.push(await pdfs[i]!);
    step(`已生成 ${doc.fileName}`);
  }
  const files = outputs(pdfBytes);
  timings.render = performance.now() - mark;
  mark = performance.now();
  const preview = previewVersion(outputDir, files, publishOptions);
  // A report only for a new version (the outputs may all be as published); the one made early if it
  // is for the version this one follows, else made now.
  const guess = preview?.previous && speculative ? await speculative : undefined;
  const prepared = !preview?.previous
    ? undefined
    : guess?.previous === preview.previous.version && guess.version === preview.version
      ? guess
      : await makeReport(preview.previous, preview.version);
  // Every PDF is made: the thread can wind down (freeing its memory takes a while) during the publish.
  thread?.close();
  const changes: PublishOptions['changes'] = (previous, next) => {
    if (!prepared || prepared.previous !== previous.version || prepared.version !== next.version) {
      throw new UserError(
        `发布期间输出目录 ${outputDir}/ 中的版本发生了变化（可能有另一个发布刚刚完成）。本次没有写入任何文件，请重新发布。`,
      );
    }
    // The file comparison needs the manifest this publish writes.
    const correction = compareCorrection(
      { ...previousReport(previous), ...(previous.manifest ? { manifest: previous.manifest } : {}) },
      { report: after(), manifest: next.manifest },
    );
    const text = formatChanges(correction, { ...prepared.v, notes: previous.notes, damaged: previous.damaged });
    return { text, files: prepared.files };
  };

  const published = userFacing(() => publishVersion(outputDir, files, { ...publishOptions, changes }));
  timings.publish = performance.now() - mark;
  for (const message of published.messages) log(message);
  const { status, version } = published;
  const done = { diagnostics, ...about, figures: model.figures, timings };
  if (status === 'unchanged' || status === 'repaired') {
    const inputsNote =
      JSON.stringify(published.manifest.inputs) === JSON.stringify(inputs)
        ? ''
        : '（输入文件有改动，但不影响任何输出；manifest.json 保留产生这些输出时的输入校验值）';
    if (status === 'unchanged') log(`与上次发布相比没有变化（第 ${version} 版），未写入任何文件。${inputsNote}`);
    else
      log(
        `与上次发布相比没有变化（第 ${version} 版）；以下文件与 manifest.json 不符，已重新写入：${published.repaired.join('、')}${inputsNote}`,
      );
    return { ok: true, outputDir, files: published.files, status, version, ...done };
  }
  step(`已写入 ${outputDir}`);
  if (status === 'changed')
    log(`第 ${published.previousVersion} 版已存入 ${outputDir}/${published.archive}/；本次为第 ${version} 版，变化见 ${CHANGES}。`);
  else if (published.archive)
    log(`本次为第 ${version} 版，与 ${published.archive}/ 中的第 ${published.previousVersion} 版相比的变化见 ${CHANGES}。`);
  return {
    ok: true,
    outputDir,
    files: published.files,
    status,
    version,
    ...done,
    ...(published.archive ? { archive: published.archive } : {}),
    ...(published.changes !== undefined ? { changes: published.changes } : {}),
  };
}

/** A problem with the output folder (disk full, a file open in a viewer …) is the user's to fix: exit 1. */
function userFacing<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof PublishError) throw new UserError(e.message);
    throw e;
  }
}

function readPreviousReport(previous: PreviousVersion, log: (line: string) => void): { report?: ReportData } {
  const bytes = previous.read(REPORT);
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
 * built from one copy of the tool never overwrite — or “correct” — each other. A batch with --out passes
 * its folder as `root`, so each department keeps the place it has under output/.
 */
export function defaultOutputRoot(yearFile: string, root = 'output'): string {
  const dir = dirname(resolve(yearFile));
  return dir === resolve('data') ? root : join(root, basename(dir));
}
