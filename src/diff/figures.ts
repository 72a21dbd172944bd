/**
 * Names and order of the comparable figures (calc/index.ts comparableFigures) for the year diff's
 * summary. Figures keyed by a code (a 类, an 经济分类 款) take their name from the cell that shows them in a
 * 公开表, so the name is the one printed in that year's table (and follows the year's catalogue).
 */
import { flattenReport } from './cells.ts';
import type { ReportData } from '../model/report.ts';

const FIXED: Record<string, string> = {
  income_total: '本年收入合计',
  non_fiscal_surplus_used: '使用非财政拨款结余（含专用结余）',
  opening_balance: '年初结转和结余',
  expenditure_total: '本年支出合计',
  surplus_distribution: '结余分配',
  closing_balance: '年末结转和结余',
  basic_total: '基本支出',
  project_total: '项目支出',
  gp_basic: '一般公共预算财政拨款基本支出',
  'three_public.total': '“三公”经费支出',
  'three_public.abroad': '因公出国（境）费',
  'three_public.vehicles': '公务用车购置及运行维护费',
  'three_public.vehicle_purchase': '公务用车购置费',
  'three_public.vehicle_operation': '公务用车运行维护费',
  'three_public.reception': '公务接待费',
  admin_operating_cost: '机关运行经费',
};

/** Groups in the order the 情况说明 discusses them; keys within a group keep code order. */
const ORDER: string[] = [
  'income_total', 'non_fiscal_surplus_used', 'opening_balance', 'expenditure_total', 'surplus_distribution', 'closing_balance',
  'basic_total', 'project_total', 'expenditure_class.', 'gp_basic', 'gp_basic_by_class.', 'basic_item.',
  'three_public.total', 'three_public.abroad', 'three_public.vehicles', 'three_public.vehicle_purchase', 'three_public.vehicle_operation', 'three_public.reception',
  'admin_operating_cost', 'project.',
];

const rank = (key: string) => {
  const i = ORDER.findIndex((o) => (o.endsWith('.') ? key.startsWith(o) : key === o));
  return i < 0 ? ORDER.length : i;
};

export function sortFigureKeys(keys: Iterable<string>): string[] {
  return [...keys].sort((a, b) => rank(a) - rank(b) || naturalOrder(a, b));
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

/** A label for every figure key either report has, e.g. gp_basic_by_class.301 → 基本支出 301 工资福利支出. */
export function figureLabels(...reports: ReportData[]): Map<string, string> {
  const fromCells = new Map<string, string>();
  for (const r of reports) {
    for (const c of flattenReport(r).values()) if (c.figure && !fromCells.has(c.figure)) fromCells.set(c.figure, c.rowLabel.replace(/^[一二三四五六七八九十]+、/, ''));
  }
  const labels = new Map<string, string>();
  for (const key of new Set(reports.flatMap((r) => Object.keys(r.figures)))) {
    const [prefix, rest] = [key.slice(0, key.indexOf('.') + 1), key.slice(key.indexOf('.') + 1)];
    const cell = fromCells.get(key);
    const label =
      FIXED[key] ??
      (prefix === 'expenditure_class.' ? `本年支出 ${rest} ${cell ?? ''}` :
        prefix === 'gp_basic_by_class.' || prefix === 'basic_item.' ? `财政拨款基本支出 ${cell ?? rest}` :
          prefix === 'project.' ? `项目：${rest}` :
            cell ?? key);
    labels.set(key, label.trim());
  }
  return labels;
}
