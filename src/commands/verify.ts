/**
 * `verify <pdf> [--data <年度|文件>]`: reads a published PDF back and checks it against the model —
 * report.json in the same folder by default, or the model built afresh from the year file (stronger:
 * report.json sits next to the PDF and could have been changed with it). See src/verify/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { formatDiagnostics, hasErrors } from '../diagnostics.ts';
import { buildModel, modelData, parseReportData, type ReportData } from '../model/report.ts';
import { loadYear } from '../pipeline.ts';
import { formatVerify, VerifyInputError, verifyPdf } from '../verify/index.ts';
import { defineCommand, UserError } from './command.ts';

/** A path as the user would type it: relative to the working folder when inside it. */
const shown = (path: string) => {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
};

export default defineCommand({
  name: 'verify',
  summary: '读回已发布的 PDF，逐格、逐段核对是否与数据一致',
  usage: `用法：npm run verify -- <PDF 文件> [--data <年度|文件>]
  从 PDF 中重新读出十张公开表、评价表和全部文字，核对：每张表都在、顺序和标题正确，每个单元格与数据一致，
  表内合计和表间关系（公开01↔02/03、04↔05/07/08、05↔06）在印出的数字上成立，每段文字与数据一致、
  文字中引用的表中数字与表中印出的一致，目录页码正确，没有占位符（XX、××、□、___、{{、undefined）。
  例如：npm run verify -- output/2024/江西省总工会2024年度部门决算.pdf
  一致时以“核对通过”开头，最后一行写明所用的数据，退出码为 0；不一致时逐条列出页码、位置、PDF 中的内容和数据中的内容，退出码为 1。

选项：
  --data 年度|文件  不读 PDF 旁边的 report.json，而是从年度文件重新计算数据再核对（例如 --data 2024）
  -h, --help        显示本说明`,
  options: { data: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  async run({ values, positionals }, io) {
    const pdfPath = resolve(positionals[0]!);
    if (!existsSync(pdfPath)) throw new UserError(`找不到文件 ${shown(pdfPath)}：请检查路径（PDF 在 output/<年度>/ 下）`);
    const bytes = readFileSync(pdfPath);

    let model: ReportData;
    let source: string;
    const data = values.data as string | undefined;
    if (data) {
      const result = loadYear(data);
      if (hasErrors(result.diagnostics) || !result.value) {
        io.err(formatDiagnostics(result.diagnostics.filter((d) => d.severity === 'error' && !d.acknowledged)));
        io.err('年度文件有错误，无法核对。');
        return 1;
      }
      model = modelData(buildModel(result.value.calc));
      source = `${shown(result.value.path)}（由年度文件重新计算）`;
    } else {
      const reportPath = join(dirname(pdfPath), 'report.json');
      if (!existsSync(reportPath)) {
        throw new UserError(
          `${shown(dirname(pdfPath)) || '当前文件夹'} 中没有 report.json：请核对 build 输出文件夹中的 PDF，或用 --data 指定年度文件（如 --data 2024）`,
        );
      }
      try {
        model = parseReportData(readFileSync(reportPath, 'utf8'));
      } catch (err) {
        throw new UserError(`${shown(reportPath)} 无法读取（${(err as Error).message}）：请重新 build，或用 --data 指定年度文件`);
      }
      source = shown(reportPath);
    }

    try {
      const result = await verifyPdf(bytes, model, basename(pdfPath));
      io.out(formatVerify(result, source));
      return result.ok ? 0 : 1;
    } catch (err) {
      if (err instanceof VerifyInputError) throw new UserError(err.message);
      throw err;
    }
  },
});
