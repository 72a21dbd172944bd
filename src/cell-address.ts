/**
 * A1-style cell addresses, as Excel names cells: the workbook writer puts them in merges and print
 * ranges, the importer in its messages (「工作表「支出」F12」).
 */

/** Column letters of a 1-based column number (1 → A, 27 → AA). */
export function columnLetters(col: number): string {
  let letters = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return letters;
}

/** 'A1'-style address from 1-based row and column. */
export const address = (row: number, col: number): string => `${columnLetters(col)}${row}`;
