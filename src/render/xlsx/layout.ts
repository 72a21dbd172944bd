/**
 * Sizes for the worksheet: the spec's relative column widths scaled to Excel character widths, and row
 * heights estimated from the text. Heights are set explicitly because Excel never auto-fits a row whose
 * wrapped text sits in a merged cell (the notes, the title) and because Excel, WPS and LibreOffice
 * auto-fit differently; an explicit height prints the same everywhere.
 */
import type { TableSpec } from '../../model/table-spec.ts';

/** Excel's width unit is the max digit width of the default font (Calibri 11): 7 px at 96 dpi. */
const DIGIT_PX = 7;
/** Excel adds 5 px of padding to every column (2 each side plus the gridline). */
const COLUMN_PADDING_PX = 5;
/** Page margins in inches (the footer holds the page number). */
export const MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
/** A4 (8.27 × 11.69 in) less the side margins, in px at 96 dpi. */
const PRINTABLE_PX = {
  portrait: (8.27 - MARGINS.left - MARGINS.right) * 96,
  landscape: (11.69 - MARGINS.left - MARGINS.right) * 96,
};

/**
 * Column widths in Excel characters: the spec's proportions stretched to the printable width, so the
 * sheet prints at about 100 % like the PDF fills its page; fitToWidth takes care of any excess.
 */
export function columnWidths(spec: TableSpec): number[] {
  const total = spec.columns.reduce((s, c) => s + c.width, 0);
  const available = (PRINTABLE_PX[spec.orientation] - COLUMN_PADDING_PX * spec.columns.length) / DIGIT_PX;
  return spec.columns.map((c) => Math.round((c.width * available * 100) / total) / 100);
}

/** Width in px of a run of `columns` (as Excel draws them), less the cell's inner padding. */
export function usablePx(widths: number[], first: number, span: number, indent = 0): number {
  let px = 0;
  for (let i = first; i < first + span; i++) px += (widths[i] ?? 0) * DIGIT_PX + COLUMN_PADDING_PX;
  // An indent level is about 9 px in Excel and LibreOffice at 100 %.
  return Math.max(px - 6 - indent * 9, DIGIT_PX);
}

/** Han, kana, full-width forms and CJK punctuation take a full em; Latin, digits and ASCII half. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u2014\u2026\u201c\u201d]|[\u{20000}-\u{3fffd}]/u;

/** Rendered width of `text` in px at `sizePt`. */
export function textPx(text: string, sizePt: number): number {
  let ems = 0;
  for (const ch of text) ems += WIDE.test(ch) ? 1 : 0.55;
  return (ems * sizePt * 96) / 72;
}

/** How many lines `text` wraps to in a cell `px` wide (greedy, per character, as CJK wraps). */
export function lineCount(text: string, sizePt: number, px: number): number {
  let lines = 0;
  for (const paragraph of text.split('\n')) lines += Math.max(1, Math.ceil(textPx(paragraph, sizePt) / px - 0.02));
  return lines;
}

/** Row height in points for `lines` lines of `sizePt` text. 宋体 and its fallbacks need about 1.35 em. */
export function rowHeight(lines: number, sizePt: number): number {
  return Math.round((lines * sizePt * 1.35 + 5) * 4) / 4;
}

/**
 * Splits the columns into three runs for the 部门 / 年度 / 单位 line: the boundaries nearest a third
 * and two thirds of the width, each run at least one column. Returns [leftEnd, rightStart] (0-based).
 */
export function metaSplit(widths: number[]): [number, number] {
  const n = widths.length;
  if (n < 3) return [0, Math.max(n - 1, 0)];
  const total = widths.reduce((s, w) => s + w, 0);
  const edges: number[] = [];
  widths.reduce((s, w) => (edges.push(s + w), s + w), 0);
  const nearest = (target: number, from: number, to: number) => {
    let best = from;
    for (let i = from; i <= to; i++) if (Math.abs(edges[i]! - target) < Math.abs(edges[best]! - target)) best = i;
    return best;
  };
  const leftEnd = nearest(total / 3, 0, n - 3);
  const centreEnd = nearest((2 * total) / 3, leftEnd + 1, n - 2);
  return [leftEnd, centreEnd + 1];
}
