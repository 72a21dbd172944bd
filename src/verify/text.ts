/**
 * The document's text read back: every block of the model (cover, part titles, headings, paragraphs)
 * found in the PDF in order, with whitespace ignored (line breaks, letter spacing of justified lines)
 * and the page footers (— N —) left out; the 目录's page numbers against the pages the entries are on;
 * the figures the narrative takes from a table against the table as printed; and no placeholder left.
 */
import { D } from '../decimal.ts';
import { textAmount } from '../model/format.ts';
import type { BlockData, DocumentData } from '../model/report.ts';
import { pageName, squash, type Finding } from './finding.ts';
import type { PdfFile, PdfPage } from './pdf.ts';
import type { PrintedCell, TableResult } from './tables.ts';

/** The whole document as one string without white space, and where each page starts in it. */
export class DocumentText {
  readonly text: string;
  private starts: number[] = [];
  constructor(readonly pdf: PdfFile) {
    let text = '';
    for (const page of pdf.pages) {
      this.starts.push(text.length);
      text += squash(page.text);
    }
    this.text = text;
  }

  pageAt(index: number): PdfPage {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return this.pdf.pages[lo]!;
  }

  startOf(page: PdfPage): number {
    return this.starts[page.index - 1]!;
  }
}

/** The texts a block prints, in order (tables are read cell by cell elsewhere). */
function blockTexts(block: BlockData): string[] {
  switch (block.kind) {
    case 'cover':
      return [...block.title, ...block.lines];
    case 'toc':
      return [block.title];
    case 'title':
      return block.lines;
    case 'part':
      return [block.title];
    case 'heading':
    case 'paragraph':
      return [block.text];
    default:
      return [];
  }
}

/** What the narrative check found for one paragraph: where it stands in the document text. */
interface Located {
  block: BlockData;
  text: string;
  at: number;
  exact: boolean;
}

export interface TextResult {
  paragraphs: number;
  numbers: number;
  /** Narrative figures compared with the table cell that prints the same figure. */
  figures: number;
  tocEntries: number;
}

const NUMBER = /\d+(?:\.\d+)?/g;
const PLACEHOLDER = /XX|××|□|_{3,}|\{\{|\}\}|undefined|NaN|待填写/g;

export function checkText(
  doc: DocumentData,
  text: DocumentText,
  tables: TableResult[],
  figures: Record<string, string>,
  findings: Finding[],
): TextResult {
  const result: TextResult = { paragraphs: 0, numbers: 0, figures: 0, tocEntries: 0 };
  const located: Located[] = [];
  const full = text.text;
  let cursor = 0;
  let tocEnd: number | undefined;
  for (const block of doc.blocks) {
    for (const raw of blockTexts(block)) {
      const want = squash(raw);
      if (!want) continue;
      const where = partName(doc, block);
      const exact = full.indexOf(want, cursor);
      if (exact >= 0) {
        located.push({ block, text: want, at: exact, exact: true });
        cursor = exact + want.length;
        if (block.kind === 'paragraph') {
          result.paragraphs++;
          result.numbers += want.match(NUMBER)?.length ?? 0;
        }
      } else {
        const k = longestPrefix(full, want, cursor);
        const at = k ? full.indexOf(want.slice(0, k), cursor) : -1;
        if (k < Math.min(12, Math.ceil(want.length / 2))) {
          findings.push({
            ...(located.length ? { page: text.pageAt(cursor) } : {}),
            where,
            message: `PDF 中没有这段文字（或不在应有的位置）：数据为「${clip(want, 40)}」`,
          });
        } else {
          const page = text.pageAt(at + k);
          findings.push({ page, where, message: `PDF 中为「${around(full, at + k)}」，数据为「${around(want, k)}」` });
          located.push({ block, text: want, at, exact: false });
          cursor = at + k;
        }
      }
      // The 目录 is followed by its entries: the body is searched from the first page after them.
      if (block.kind === 'toc' && exact >= 0) {
        tocEnd = skipToc(text, exact);
        cursor = tocEnd;
      }
    }
  }

  checkToc(doc, text, located, tables, tocEnd, findings, result);
  checkFigures(doc, located, full, tables, figures, text, findings, result);
  checkPlaceholders(text, findings);
  return result;
}

/** Where a block belongs, for a finding: the part (第三部分 情况说明) and the heading above it. */
function partName(doc: DocumentData, block: BlockData): string {
  let part = '';
  let heading = '';
  for (const b of doc.blocks) {
    if (b.kind === 'part') {
      part = b.title;
      heading = '';
    } else if (b.kind === 'heading') heading = b.text;
    if (b === block) break;
  }
  const kind = block.kind === 'paragraph' ? '的一段文字' : block.kind === 'heading' ? '的标题' : '';
  const place = block.kind === 'heading' ? part : [part, heading].filter((s) => s).join(' ');
  return place ? `${place} ${kind}`.trim() : block.kind === 'cover' ? '封面' : block.kind === 'toc' ? '目录' : '正文';
}

/** Length of the longest prefix of `want` that occurs in `text` at or after `from` (binary search). */
function longestPrefix(text: string, want: string, from: number): number {
  let lo = 0;
  let hi = want.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (text.indexOf(want.slice(0, mid), from) >= 0) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);
/** The text around a position: a few characters before, more after. */
const around = (s: string, at: number) => `${at > 10 ? '…' : ''}${s.slice(Math.max(0, at - 10), at + 14)}${at + 14 < s.length ? '…' : ''}`;

/** The first position after the 目录's last page (the pages from `at` on that have dot leaders). */
function skipToc(text: DocumentText, at: number): number {
  let page = text.pageAt(at);
  while (text.pdf.pages[page.index] && LEADER.test(squash(text.pdf.pages[page.index]!.text))) page = text.pdf.pages[page.index]!;
  const next = text.pdf.pages[page.index];
  return next ? text.startOf(next) : text.text.length;
}

const LEADER = /\.{4,}\d+/;

/**
 * The 目录: each listed block's entry (found by its text, in order) must give the page the block is on,
 * as printed in that page's footer.
 */
function checkToc(
  doc: DocumentData,
  text: DocumentText,
  located: Located[],
  tables: TableResult[],
  tocEnd: number | undefined,
  findings: Finding[],
  result: TextResult,
) {
  const toc = doc.blocks.find((b) => b.kind === 'toc');
  if (!toc || tocEnd === undefined) return;
  const start = located.find((l) => l.block === toc)?.at ?? 0;
  const entries = [...text.text.slice(start, tocEnd).matchAll(/(.+?)\.{4,}(\d+)/g)].map((m) => ({
    text: m[1]!,
    page: Number(m[2]),
    at: start + m.index!,
  }));
  let next = 0;
  for (const block of doc.blocks) {
    const listed = block.kind === 'part' || ((block.kind === 'heading' || block.kind === 'title' || block.kind === 'table') && block.toc);
    if (!listed) continue;
    const names = block.kind === 'table' ? [block.table.title, ...(block.table.label ? [block.table.label] : [])] : blockTexts(block);
    const i = entries.findIndex((e, k) => k >= next && names.every((n) => e.text.includes(squash(n))));
    const label = names.join('');
    if (i < 0) {
      findings.push({ page: text.pageAt(start), where: '目录', message: `没有「${label}」这一条` });
      continue;
    }
    next = i + 1;
    const entry = entries[i]!;
    let page: PdfPage | undefined;
    if (block.kind === 'table') page = tables.find((t) => t.table === block.table)?.pages[0];
    else {
      const l = located.find((x) => x.block === block && x.at >= tocEnd);
      page = l ? text.pageAt(l.at) : undefined;
    }
    if (!page) continue; // not found at all: reported already
    result.tocEntries++;
    if (page.printed !== entry.page) {
      findings.push({
        page: text.pageAt(entry.at),
        where: '目录',
        message: `「${label}」印为第 ${entry.page} 页，实际在${pageName(page)}`,
      });
    }
  }
}

/**
 * A figure the narrative takes from a table (收入合计, 基本支出 …): wherever a paragraph of the model
 * states it, the printed paragraph must state the figure the printed table shows in that cell.
 */
function checkFigures(
  doc: DocumentData,
  located: Located[],
  full: string,
  tables: TableResult[],
  figures: Record<string, string>,
  text: DocumentText,
  findings: Finding[],
  result: TextResult,
) {
  const cells = new Map<string, PrintedCell>();
  for (const t of tables) for (const c of t.printed) if (c.figure && !cells.has(c.figure)) cells.set(c.figure, c);
  const paragraphs = located.filter((l) => l.block.kind === 'paragraph');
  for (const [key, cell] of cells) {
    const value = figures[key];
    if (value === undefined || /^-?0(\.0*)?$/.test(value)) continue; // 0.00 is everywhere: no evidence
    const stated = textAmount(D(value));
    const pattern = new RegExp(`(?<![\\d.])${stated.replace('.', '\\.')}(?![\\d])`);
    const printed = cell.text.replace(/,/g, '');
    for (const p of paragraphs) {
      if (!pattern.test(p.text)) continue;
      result.figures++;
      const region = full.slice(p.at, p.at + p.text.length + 8);
      if (!new RegExp(`(?<![\\d.])${printed.replace('.', '\\.')}(?![\\d])`).test(region)) {
        const t = tables.find((x) => x.printed.includes(cell))!;
        findings.push({
          page: text.pageAt(p.at),
          where: partName(doc, p.block),
          message: `文字中的数与${t.name} ${cell.rowLabel} 行 ${cell.columnLabel} 栏不符：表中印为 ${cell.text || '（空白）'}，文字中没有 ${printed || '0.00'}`,
        });
      }
    }
  }
}

function checkPlaceholders(text: DocumentText, findings: Finding[]) {
  for (const page of text.pdf.pages) {
    const s = squash(page.text);
    for (const m of s.matchAll(PLACEHOLDER)) {
      findings.push({
        page,
        where: '占位符',
        message: `「${m[0]}」未替换：…${s.slice(Math.max(0, m.index! - 12), m.index! + m[0].length + 12)}…`,
      });
    }
  }
}
