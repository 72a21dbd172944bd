/**
 * `verify`: the tool reads its own PDF back and checks that it says what the model says. From the text
 * pdfjs extracts and the rules drawn on each page it rebuilds every table (verify/grid.ts) and compares
 * each cell with the model, checks the sums on the printed figures (identities.ts), finds every
 * paragraph, title and heading of the model in order, the 目录's page numbers, the narrative's figures
 * against the printed tables, and looks for placeholders (text.ts). This catches what no check of the
 * data can see: a row lost at a page break, a figure in the wrong column, a paragraph cut short.
 *
 * It reads the model in its JSON form (report.json, or the same built afresh from the year file), and
 * nothing of the renderers: the PDF is judged by what it shows.
 */
import type { DocumentData, ReportData } from '../model/report.ts';
import { formatFinding, squash, type Finding } from './finding.ts';
import { checkIdentities } from './identities.ts';
import { readPdf } from './pdf.ts';
import { TableReader } from './tables.ts';
import { checkText, DocumentText } from './text.ts';

export interface VerifyStats {
  /** 公开表 (tables with a 公开NN表 label) and other tables (evaluation forms). */
  disclosureTables: number;
  otherTables: number;
  cells: number;
  identities: number;
  paragraphs: number;
  numbers: number;
  figures: number;
  tocEntries: number;
  pages: number;
}

export interface VerifyResult {
  ok: boolean;
  document: DocumentData;
  findings: Finding[];
  stats: VerifyStats;
}

/** The PDF is not one of the model's documents, or not a PDF at all. */
export class VerifyInputError extends Error {
  override name = 'VerifyInputError';
}

/** Characters a file name cannot hold (as the build replaces them). */
const safeName = (name: string) => name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');

export async function verifyPdf(bytes: Uint8Array, model: ReportData, fileName?: string): Promise<VerifyResult> {
  let pdf;
  try {
    pdf = await readPdf(bytes);
  } catch (err) {
    throw new VerifyInputError(`无法读取 PDF（${(err as Error).message}）：请确认这是 build 生成的 PDF 文件`);
  }
  const document = pickDocument(model, fileName, squash(pdf.pages[0]?.text ?? ''));
  const findings: Finding[] = [];

  const blocks = document.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
  const titles = new Map<string, number>();
  for (const t of blocks) titles.set(t.title, (titles.get(t.title) ?? 0) + 1);
  const tables = blocks.map((table) => ({
    table,
    name:
      table.label ??
      (titles.get(table.title)! > 1 && table.id.includes(':')
        ? `${table.title}（${table.id.split(':').slice(1).join(':')}）`
        : table.title),
  }));
  // report.json holds each 公开表 twice (for the workbook, and in the document): they must agree.
  for (const t of model.tables) {
    const inDocument = blocks.find((b) => b.id === t.id);
    if (inDocument && JSON.stringify(inDocument) !== JSON.stringify(t)) {
      findings.push({
        where: 'report.json',
        message: `${t.label ?? t.title}在 tables 与文档中的内容不同：此文件被改动过，请重新 build，或用 --data 从年度文件核对`,
      });
    }
  }
  const read = await new TableReader(pdf).readAll(tables, findings);
  const identities = checkIdentities(
    read.flatMap((t) => t.printed),
    findings,
  );
  const text = checkText(document, new DocumentText(pdf), read, model.figures, findings);

  return {
    ok: findings.length === 0,
    document,
    findings,
    stats: {
      disclosureTables: read.filter((t) => t.found && t.table.label).length,
      otherTables: read.filter((t) => t.found && !t.table.label).length,
      cells: read.reduce((s, t) => s + t.cells, 0),
      identities: identities.checked,
      paragraphs: text.paragraphs,
      numbers: text.numbers,
      figures: text.figures,
      tocEntries: text.tocEntries,
      pages: pdf.pages.length,
    },
  };
}

/** Which of the model's documents the PDF is: by file name, the only one, or the one whose title is on page 1. */
function pickDocument(model: ReportData, fileName: string | undefined, firstPage: string): DocumentData {
  const docs = model.documents;
  const byName = fileName ? docs.find((d) => d.fileName === fileName || safeName(d.fileName) === fileName) : undefined;
  if (byName) return byName;
  if (docs.length === 1) return docs[0]!;
  // The title on the document's first page (its cover, or the report's title block).
  const firstTitle = (d: DocumentData) => {
    const b = d.blocks.find((x) => x.kind === 'cover' || x.kind === 'title');
    return squash(b?.kind === 'cover' ? b.title.join('') : b?.kind === 'title' ? b.lines.join('') : '');
  };
  const byTitle = docs.filter((d) => firstTitle(d) && firstPage.includes(firstTitle(d)));
  if (byTitle.length === 1) return byTitle[0]!;
  if (!docs.length) throw new VerifyInputError(`数据中没有可发布的文档（${model.year} 年度为部分数据）`);
  throw new VerifyInputError(
    `无法确定这个 PDF 是哪一份文档：数据中有 ${docs.map((d) => `「${d.fileName}」`).join('、')}，请使用 build 生成的原文件名`,
  );
}

const n = (x: number) => x.toLocaleString('en-US');

/** The report a user reads: one line when all agrees, else every finding with its page. */
export function formatVerify(result: VerifyResult, source: string): string {
  const s = result.stats;
  const tables = [s.disclosureTables ? `${s.disclosureTables} 张公开表` : '', s.otherTables ? `${s.otherTables} 张评价表` : '']
    .filter((x) => x)
    .join('和 ');
  const what = [tables ? `${tables}的 ${n(s.cells)} 个单元格` : '', `${n(s.paragraphs)} 段文字中的 ${n(s.numbers)} 个数字`]
    .filter((x) => x)
    .join('、');
  const extra = [
    s.identities ? `${n(s.identities)} 项合计与表间关系` : '',
    s.figures ? `${n(s.figures)} 处文字与表中同一数字` : '',
    s.tocEntries ? `${n(s.tocEntries)} 条目录页码` : '',
  ].filter((x) => x);
  const sourceLine = `数据来源：${source}；PDF 共 ${s.pages} 页。`;
  if (result.ok) {
    return [
      `核对通过：${what}与数据一致。`,
      `${extra.length ? `另核对了 ${extra.join('、')}，均相符；` : ''}没有占位符。`,
      sourceLine,
    ].join('\n');
  }
  const shown = result.findings.slice(0, 200).map((f) => `  ${formatFinding(f)}`);
  const more = result.findings.length > shown.length ? [`  ……另有 ${result.findings.length - shown.length} 处未列出`] : [];
  return [`核对未通过：PDF 与数据有 ${result.findings.length} 处不一致。`, ...shown, ...more, sourceLine].join('\n');
}
