/**
 * Names and order of the comparable figures (the one list in calc/figures.ts, through model/figures.ts)
 * for the year diff's summary. Figures keyed by a code (a 类, an 经济分类 款) are named as the cell that
 * shows them in that year's 公开表 names them, so the name follows the year's catalogue.
 */
import { figureLabel, figureRank } from '../model/figures.ts';
import type { ReportData } from '../model/report.ts';
import { flattenReport } from './cells.ts';

export function sortFigureKeys(keys: Iterable<string>): string[] {
  return [...keys].sort((a, b) => figureRank(a) - figureRank(b) || naturalOrder(a, b));
}

/**
 * Keys in reading order with their numbers compared as numbers (`x.9` before `x.10`), and everything
 * else by code unit: the same on every machine, whatever its locale or ICU data (never localeCompare).
 */
export function naturalOrder(a: string, b: string): number {
  const parts = (s: string) => s.match(/\d+|\D+/g) ?? [];
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    const digits = /^\d/.test(x) && /^\d/.test(y);
    if (digits) {
      const nx = x.replace(/^0+(?=\d)/, '');
      const ny = y.replace(/^0+(?=\d)/, '');
      if (nx.length !== ny.length) return nx.length - ny.length;
      if (nx !== ny) return nx < ny ? -1 : 1;
    }
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** A label for every figure key either report has, e.g. gp_basic_by_class.301 → 财政拨款基本支出 301 工资福利支出. */
export function figureLabels(...reports: ReportData[]): Map<string, string> {
  const fromCells = new Map<string, string>();
  for (const r of reports) {
    for (const c of flattenReport(r).values())
      if (c.figure && !fromCells.has(c.figure)) fromCells.set(c.figure, c.rowLabel.replace(/^[一二三四五六七八九十]+、/, ''));
  }
  const labels = new Map<string, string>();
  for (const key of new Set(reports.flatMap((r) => Object.keys(r.figures)))) {
    const code = key.slice(key.indexOf('.') + 1);
    const cell = fromCells.get(key);
    // T01 prints a 类 by name only, T06 an 经济分类 with its code: name a family member as 「code name」.
    const name = cell === undefined ? code : cell.startsWith(code) ? cell : `${code} ${cell}`;
    labels.set(key, key.includes('.') ? figureLabel(key, name) : figureLabel(key, cell));
  }
  return labels;
}
