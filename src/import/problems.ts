/**
 * What the importer says when it refuses a workbook: Chinese sentences that name the sheet and the cell
 * (「公开03表 第12行「基本支出」栏（工作表「支出」F12）：…」), collected so one run lists every problem it
 * can find. A refused import writes nothing and exits 1.
 */
import { address } from '../cell-address.ts';
import { round, type Dec } from '../decimal.ts';

export class ImportError extends Error {
  override name = 'ImportError';
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

/** At most this many problems are listed; the rest are counted (they are usually consequences). */
export const MAX_PROBLEMS = 30;

export function refuse(problem: string): never {
  throw new ImportError([problem]);
}

/** Where a cell is, as a reader of the workbook finds it. */
export interface CellPlace {
  sheet: string;
  row: number;
  col: number;
}

export const cellName = (p: CellPlace) => `工作表「${p.sheet}」${address(p.row, p.col)}`;

/** A figure as the tables print it: thousands separators, at least two places (1,878.35; 0.0035). */
export function showAmount(value: Dec | null): string {
  if (value === null) return '空白';
  const places = Math.max(2, value.decimalPlaces());
  const [int, frac] = round(value, places).toFixed(places).split('.') as [string, string];
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}
