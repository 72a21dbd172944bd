/**
 * `build <year>`: check, then publish everything a year file produces into output/<year>/ — the PDF
 * document(s), the 公开表 workbook, report.json and a manifest — only when there is no error.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatDiagnostics, hasErrors } from './diagnostics.ts';
import { buildDocuments } from './model/build-document.ts';
import { buildTables } from './model/tables.ts';
import { loadYear } from './pipeline.ts';
import { reportJson, serializeReport } from './render/json.ts';
import { renderPdf } from './render/pdf/index.ts';
import { renderWorkbook } from './render/xlsx/index.ts';
import { publish, sha256, type OutputFile } from './write/publish.ts';

/** Characters a file name cannot hold on Windows or Linux. */
export const safeFileName = (name: string) => name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');

export interface BuildResult {
  ok: boolean;
  outputDir?: string;
  files: OutputFile[];
}

export async function buildYear(arg: string, options: { outputRoot?: string; log?: (line: string) => void } = {}): Promise<BuildResult> {
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

  const documents = buildDocuments(calc);
  const tables = calc.kind === 'disclosure' ? buildTables(calc) : [];
  step('文档模型已生成');

  const files: OutputFile[] = [];
  for (const doc of documents) {
    files.push({ name: safeFileName(doc.fileName), bytes: await renderPdf(doc) });
    step(`已生成 ${doc.fileName}`);
  }
  if (tables.length) {
    const title = `${calc.department}${calc.year}年度部门决算公开表`;
    files.push({ name: safeFileName(`${title}.xlsx`), bytes: await renderWorkbook(tables, { title, author: calc.department, date: documents[0]!.date }) });
    step(`已生成 ${title}.xlsx`);
  }
  files.push({ name: 'report.json', bytes: Buffer.from(serializeReport(reportJson(calc, tables, documents))) });

  const inputs = [path, ...(result.value.prior ? [resolve(path, '..', `${calc.year - 1}.yaml`)] : [])];
  const manifest = {
    year: calc.year,
    inputs: inputs.map((p) => ({ file: p.split('/').slice(-2).join('/'), sha256: sha256(readFileSync(p)) })),
    outputs: files.map((f) => ({ file: f.name, sha256: sha256(f.bytes), bytes: f.bytes.length })),
  };
  files.push({ name: 'manifest.json', bytes: Buffer.from(JSON.stringify(manifest, null, 2) + '\n') });

  const outputDir = resolve(options.outputRoot ?? 'output', String(calc.year));
  publish(outputDir, files);
  step(`已写入 ${outputDir}`);
  return { ok: true, outputDir, files };
}

export async function build(args: string[], _flags: Set<string>): Promise<number> {
  if (args.length !== 1) {
    console.error('用法：npm run build -- <年度|文件>，例如 npm run build -- 2024');
    return 1;
  }
  const result = await buildYear(args[0]!);
  if (result.ok) {
    console.log(`发布完成：${result.outputDir}`);
    for (const f of result.files) console.log(`  ${f.name}`);
  }
  return result.ok ? 0 : 1;
}
