/**
 * Rolls 项 (7-digit) leaf rows up to 款 (5) and 类 (3) and a 合计, column by column. This is the one
 * piece of arithmetic behind the hierarchical tables 公开02, 03, 05, 07 and 08, so 类 = Σ 款 = Σ 项 holds by
 * construction; what the checks test is how the leaves agree with each other.
 */
import { sumAmounts, type Amount } from '../decimal.ts';

export type Level = 'class' | 'kuan' | 'item';

export interface RollupRow<C extends string> {
  code: string;
  level: Level;
  values: Record<C, Amount>;
}

export interface Rollup<C extends string> {
  columns: readonly C[];
  rows: RollupRow<C>[];
  total: Record<C, Amount>;
}

export const isItemCode = (code: string) => /^\d{7}$/.test(code);

export function levelOf(code: string): Level {
  return code.length === 3 ? 'class' : code.length === 5 ? 'kuan' : 'item';
}

function emptyValues<C extends string>(columns: readonly C[]): Record<C, Amount> {
  return Object.fromEntries(columns.map((c) => [c, null])) as Record<C, Amount>;
}

function addInto<C extends string>(target: Record<C, Amount>, values: Record<C, Amount>, columns: readonly C[]): void {
  for (const c of columns) target[c] = sumAmounts([target[c], values[c]]);
}

/**
 * @param leaves 项-level rows. A row whose code is not a 7-digit 项 gets no row of its own (a rule reports
 *   the code) but still counts in the 合计, so one mistyped code does not also unbalance every total and
 *   bury the real mistake under consequential errors. Rows whose every value is blank are dropped.
 */
export function rollup<C extends string>(columns: readonly C[], leaves: Iterable<{ code: string; values: Record<C, Amount> }>): Rollup<C> {
  const byCode = new Map<string, Record<C, Amount>>();
  const total = emptyValues(columns);
  for (const leaf of leaves) {
    if (columns.every((c) => leaf.values[c] === null)) continue;
    addInto(total, leaf.values, columns);
    if (!isItemCode(leaf.code)) continue;
    for (const code of [leaf.code.slice(0, 3), leaf.code.slice(0, 5), leaf.code]) {
      let values = byCode.get(code);
      if (!values) byCode.set(code, (values = emptyValues(columns)));
      addInto(values, leaf.values, columns);
    }
  }
  const rows = [...byCode.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, values]) => ({ code, level: levelOf(code), values }));
  return { columns, rows, total };
}

export function rowOf<C extends string>(r: Rollup<C>, code: string): RollupRow<C> | undefined {
  return r.rows.find((row) => row.code === code);
}
