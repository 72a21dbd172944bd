/**
 * What a spec cell becomes in the workbook: a typed value and its number format. Figures are numbers so
 * a reader can sum and sort them; codes stay text so 2012901 is a code, not a quantity.
 */
import { round, type Dec } from '../../decimal.ts';
import type { CellValue } from '../../model/table-spec.ts';
import { cellText } from '../../model/format.ts';

export const AMOUNT_FORMAT = '#,##0.00';
export const COUNT_FORMAT = '0';
export const TEXT_FORMAT = '@';
/** A rate in percent units (96.19 means 96.19 %), shown as the PDF shows it without dividing by 100. */
export const PERCENT_FORMAT = 'General"%"';

/** What a worksheet cell holds: a number, a string, or nothing. */
export type WorkbookValue = number | string | null;

export interface WorkbookCell {
  value: WorkbookValue;
  numFmt?: string;
  /** Text that may need wrapping (and so counts for the row height). */
  text?: string;
}

/**
 * The one place a decimal becomes a JS number, at the last moment: a worksheet cell can only hold an
 * IEEE double. Rounding first to the places the PDF prints (half-up, as everywhere) means the stored
 * number is the closest double to the published figure, so sums in the sheet agree with the tables.
 */
function toNumber(value: Dec, places: number): number {
  return Number(round(value, places).toFixed(places));
}

export function workbookCell(v: CellValue): WorkbookCell {
  switch (v.kind) {
    case 'text':
      return v.text === '' ? { value: null } : { value: v.text, text: v.text };
    case 'code':
      return { value: v.text, numFmt: TEXT_FORMAT };
    case 'amount':
      // A blank amount stays truly blank (no value), not 0: the published tables tell them apart.
      return { value: v.value === null ? null : toNumber(v.value, 2), numFmt: AMOUNT_FORMAT };
    case 'plain':
      // As the department typed it (3100, 1964.5): General shows exactly that.
      return { value: v.value === null ? null : toNumber(v.value, 4), numFmt: 'General' };
    case 'percent':
      return { value: v.value === null ? null : toNumber(v.value, 2), numFmt: PERCENT_FORMAT };
    case 'count':
      return { value: v.value, numFmt: COUNT_FORMAT };
    case 'dash':
      return { value: cellText(v) };
    case 'empty':
      return { value: null };
  }
}
