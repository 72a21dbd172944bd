/**
 * The figures the charts show, taken from the frozen model. Until the model lists every figure with its
 * identity, label and last year's value, some of them are read from the 公开表 specs by row and column
 * (the same cells the PDF prints, so a chart can never disagree with a table):
 *   income by source           公开01 rows r1–r8, column c1 (label: the row's printed name)
 *   expenditure by type        公开03 合计 row, columns c2–c6 (label: the column heading)
 *   expenditure by 类          figures expenditure_class.<code> (label: 公开03's 类 row name)
 *   this year against last     figures income_total, expenditure_total, three_public.total, and 公开04
 *                              row r59 column c2 (财政拨款本年支出合计), which has no figure key yet;
 *                              last year's values come from the prior year's comparable figures.
 */
import { D, sharesOf, type Dec } from '../../decimal.ts';
import type { ChartData, ChartPoint } from '../../model/document.ts';
import type { ReportModel } from '../../model/report.ts';
import type { Cell, TableSpec } from '../../model/table-spec.ts';

/** Last year's comparable figures by key (the same keys as `ReportModel.figures`). */
export type PriorFigures = ReadonlyMap<string, Dec>;

function cellAt(table: TableSpec | undefined, row: string, column: string): Cell | undefined {
  for (const r of table?.body ?? []) for (const c of r.cells) if (c?.ref?.row === row && c.ref.column === column) return c;
  return undefined;
}

const amountOf = (cell: Cell | undefined): Dec | null => (cell?.value.kind === 'amount' ? cell.value.value : null);
/** “一、一般公共预算财政拨款收入” → “一般公共预算财政拨款收入”: the list numbering means nothing in a chart. */
const withoutOrdinal = (label: string) => label.replace(/^[一二三四五六七八九十]+、/, '');

function shares(id: string, title: string, parts: { label: string; value: Dec }[]): ChartData | undefined {
  if (parts.every((p) => p.value.isZero()) || parts.some((p) => p.value.isNegative())) return undefined;
  const pct = sharesOf(parts.map((p) => p.value));
  return { id, kind: 'share', title, unit: '万元', points: parts.map((p, i) => ({ label: p.label, value: p.value.toFixed(), share: pct[i]!.toFixed(2) })) };
}

/** The charts of a 部门决算 (none for a file of stand-alone reports). */
export function chartData(model: ReportModel, prior?: PriorFigures): ChartData[] {
  const table = (id: string) => model.tables.find((t) => t.id === id);
  const t01 = table('T01');
  const t03 = table('T03');
  if (model.kind !== 'disclosure' || !t01 || !t03) return [];
  const year = `${model.year}年度`;
  const charts: (ChartData | undefined)[] = [];

  const income = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8'].flatMap((row) => {
    const cell = cellAt(t01, row, 'c1');
    return cell?.ref ? [{ label: withoutOrdinal(cell.ref.rowLabel), value: amountOf(cell) ?? D('0') }] : [];
  });
  charts.push(shares('income-sources', `${year}收入构成（按收入来源）`, income));

  const byType = ['c2', 'c3', 'c4', 'c5', 'c6'].flatMap((column) => {
    const cell = cellAt(t03, 'total', column);
    return cell?.ref ? [{ label: cell.ref.columnLabel, value: amountOf(cell) ?? D('0') }] : [];
  });
  charts.push(shares('expenditure-types', `${year}支出构成（按支出性质）`, byType));

  const classes: ChartPoint[] = [];
  for (const [key, value] of Object.entries(model.figures)) {
    const code = /^expenditure_class\.(\d{3})$/.exec(key)?.[1];
    if (!code || value.isZero()) continue;
    const name = cellAt(t03, code, 'c1')?.ref?.rowLabel.replace(/^\d+\s*/, '') ?? code;
    classes.push({ label: name, value: value.toFixed() });
  }
  if (classes.length) charts.push({ id: 'expenditure-classes', kind: 'bars', title: `${year}支出构成（按支出功能分类科目“类”级）`, unit: '万元', points: classes });

  const fiscal = amountOf(cellAt(table('T04'), 'r59', 'c2'));
  const compared: [string, Dec | null | undefined, string | undefined][] = [
    ['本年收入合计', model.figures['income_total'], 'income_total'],
    ['本年支出合计', model.figures['expenditure_total'], 'expenditure_total'],
    ['财政拨款支出', fiscal ?? D('0'), undefined],
    ['“三公”经费支出', model.figures['three_public.total'], 'three_public.total'],
  ];
  const points = compared.flatMap(([label, value, key]): ChartPoint[] => {
    if (value === undefined || value === null) return [];
    const before = key ? prior?.get(key) : undefined;
    return [{ label, value: value.toFixed(), prior: before ? before.toFixed() : null }];
  });
  if (points.length) charts.push({ id: 'year-on-year', kind: 'compare', title: `主要收支指标与上年对比`, unit: '万元', points, series: [`${model.year - 1}年度`, year] });

  return charts.filter((c): c is ChartData => c !== undefined);
}
