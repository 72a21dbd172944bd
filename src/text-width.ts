/**
 * Display width in a terminal (columns): CJK ideographs and full-width forms take two, combining marks
 * none, ambiguous characters such as “ ” one (as most terminals draw them outside CJK locales).
 * string-width does the East Asian Width lookup from the Unicode tables, emoji and ANSI codes included,
 * which a hand-kept list of ranges did only in part. Without this, columns of Chinese labels drift.
 *
 * This is the one character-count width of the project: printed text (PDF, workbook) is measured with
 * the font's real metrics instead (fonts/ textWidth).
 */
import stringWidth from 'string-width';

export function displayWidth(text: string): number {
  return stringWidth(text);
}

/** Pads to a display width: text left-aligned (labels), numbers right-aligned. */
export function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

/** Lays out rows as columns separated by two spaces; each column as wide as its widest cell. */
export function columns(rows: string[][], aligns: ('left' | 'right')[]): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(c))));
  return rows.map((r) =>
    r
      .map((c, i) => pad(c, i === r.length - 1 && aligns[i] !== 'right' ? 0 : widths[i]!, aligns[i] ?? 'left'))
      .join('  ')
      .trimEnd(),
  );
}
