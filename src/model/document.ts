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
  /**
   * Body text. `indent`: first-line indent of two characters (default true). `runs`, when present, is
   * the same text in pieces, some marked (the changed characters of a 更正说明); joined they equal `text`.
   */
  | { kind: 'paragraph'; id: string; text: string; indent?: boolean; align?: 'left' | 'center' | 'right'; runs?: TextRun[] }
  /** A table; 公开表 start on a new page in their own orientation. `toc`: listed in the TOC/bookmarks. */
  | { kind: 'table'; id: string; table: TableSpec; newPage?: boolean; toc?: boolean }
  | { kind: 'pageBreak' }
  /** Charts of the year's figures, side by side where there is room (the web edition; the PDF only when juesuan.config.json asks). */
  | { kind: 'charts'; id: string; charts: ChartData[] };

/** A piece of a paragraph: `removed`/`added` mark what a correction took out or put in. */
export interface TextRun {
  text: string;
  mark?: 'removed' | 'added';
}

/**
 * Figures to draw, not a picture: each renderer draws them its own way (inline SVG in the web edition, the
 * same SVG in the PDF) and prints them as a table for readers who cannot see the chart. Values are exact
 * decimal text, like report.json.
 */
export interface ChartData {
  id: string;
  /** share: parts of a whole (a ring); bars: amounts side by side; compare: this year against last. */
  kind: 'share' | 'bars' | 'compare';
  title: string;
  /** 万元 */
  unit: string;
  points: ChartPoint[];
  /** compare: the names of the two series, earlier first (2023年度, 2024年度). */
  series?: [string, string];
}

export interface ChartPoint {
  label: string;
  value: string;
  /** share: percent of the whole, two places, the parts adding up to 100.00. */
  share?: string;
  /** compare: last year's value; null when last year's file does not have it. */
  prior?: string | null;
}

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
