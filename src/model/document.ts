/**
 * The document as an ordered list of blocks, with every text final: what the PDF renderer lays out,
 * what report.json stores, and what the correction diff compares sentence by sentence.
 */
import type { TableSpec } from './table-spec.ts';

export type Block =
  /** The cover page: title lines (large), then smaller lines (department, date). */
  | { kind: 'cover'; title: string[]; lines: string[] }
  /** Table of contents, filled with page numbers by the renderer. */
  | { kind: 'toc'; title: string }
  /** A centred title (a report's or a form's), optionally starting a new page and listed in the TOC. */
  | { kind: 'title'; id: string; lines: string[]; newPage?: boolean; toc?: boolean }
  /** 第一部分 … : starts a new page; a bookmark and a TOC entry of level 0. */
  | { kind: 'part'; id: string; title: string }
  /**
   * Headings inside a part. level 1 “一、收入决算情况说明” (黑体), 2 “（一）…” (楷体-like), 3 “1.…”.
   * `toc` puts the heading in the table of contents and the bookmarks.
   */
  | { kind: 'heading'; id: string; level: 1 | 2 | 3; text: string; toc?: boolean }
  /** Body text. `indent`: first-line indent of two characters (default true). */
  | { kind: 'paragraph'; id: string; text: string; indent?: boolean; align?: 'left' | 'center' | 'right' }
  /** A table; 公开表 start on a new page in their own orientation. `toc`: listed in the TOC/bookmarks. */
  | { kind: 'table'; id: string; table: TableSpec; newPage?: boolean; toc?: boolean }
  | { kind: 'pageBreak' };

export interface DocumentModel {
  /** Stable id, e.g. disclosure-2024. */
  id: string;
  /** The PDF file name, e.g. 江西省总工会2024年度部门决算.pdf */
  fileName: string;
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** ISO date (YYYY-MM-DD) stamped into the PDF metadata: from the data, never the clock. */
  date: string;
  /** Whether page numbers (— N —) start after the cover and TOC (true for the full 决算 document). */
  frontMatter: boolean;
  blocks: Block[];
}
