/**
 * Year over year: two years' models joined by what each figure is — table, row code, column — with the
 * change and the rate for every figure both years have. A partial year file (last year's figures
 * recovered from this year's text) has no tables: a cell then finds its value through the comparable
 * figure it shows (`ref.figure`), and every figure the partial year cannot supply is marked as missing,
 * never shown as zero.
 */
import { change } from '../change.ts';
import { D, round, type Dec } from '../decimal.ts';
import { align } from './align.ts';
import { flattenTable, rowName, tableName, type FlatCell } from './cells.ts';
import { isFamilyKey } from '../model/figures.ts';
import { figureLabels, sortFigureKeys } from './figures.ts';
import type { ReportData, TableData } from '../model/report.ts';

export interface YearSide {
  year: number;
  /** The column heading: “2023 年度”, or the file name when both files are of the same year. */
  label: string;
  file: string;
  partial: boolean;
  report: ReportData;
}

/** A value as one year has it: exact text, null for a blank cell, undefined when the year lacks it. */
export type SideValue = string | null | undefined;

export interface Delta {
  /** later − earlier, exact; blank counts as zero. */
  change: string;
  /** Percent, half-up to two places, signed; null when the earlier value is zero (no rate from zero). */
  rate: string | null;
}

export interface YearCell {
  column: string;
  columnLabel: string;
  kind: FlatCell['kind'];
  earlier: SideValue;
  later: SideValue;
  delta?: Delta;
}

export interface YearRow {
  row: string;
  rowName: string;
  /** added: only the later year has the row; removed: only the earlier year (both having the table). */
  status: 'both' | 'added' | 'removed';
  cells: YearCell[];
}

export interface YearTable {
  id: string;
  name: string;
  /** How the earlier/later year supplies this table: its own table, figures only, or not at all. */
  earlierSource: 'table' | 'figures';
  laterSource: 'table' | 'figures';
  rows: YearRow[];
  /** Cells whose value one year does not have (reported per side). */
  missing: { earlier: number; later: number };
  /** Rows left out because every figure is zero or blank in both years. */
  omittedRows: number;
}

export interface YearFigure {
  key: string;
  label: string;
  earlier: SideValue;
  later: SideValue;
  delta?: Delta;
}

export interface YearComparison {
  department: string;
  earlier: Omit<YearSide, 'report'>;
  later: Omit<YearSide, 'report'>;
  figures: YearFigure[];
  tables: YearTable[];
  /** Plain-language notes for the reader (partial files, what “上年无此数据” means). */
  notes: string[];
  /** Only what changed is listed (`diff --changed-only`). */
  changedOnly?: boolean;
}

/** The change from one year to the next; only when both years have the figure. */
export function delta(earlier: SideValue, later: SideValue): Delta | undefined {
  if (earlier === undefined || later === undefined) return undefined;
  if (earlier === null && later === null) return undefined;
  const c = change(D(later ?? '0'), D(earlier ?? '0'));
  const rate: Dec | null = c.rate === null || c.rate === undefined ? null : c.direction === 'down' ? c.rate.negated() : c.rate;
  return { change: c.delta!.toFixed(), rate: rate === null ? null : round(rate, 2).toFixed(2) };
}

const isZeroish = (v: SideValue) => v === undefined || v === null || D(v).isZero();

/** A year's value for a cell: from its own table when it has one, otherwise through the cell's figure. */
function lookup(side: YearSide, tables: Map<string, Map<string, FlatCell>>, cell: FlatCell): SideValue {
  const own = tables.get(cell.table.id);
  if (own) {
    const c = own.get(cell.key);
    return c ? c.value : undefined;
  }
  return cell.figure !== undefined ? side.report.figures[cell.figure] : undefined;
}

const cellsByKey = (t: TableData) => new Map(flattenTable(t).map((c) => [c.key, c]));

function compareTable(earlier: YearSide, later: YearSide, a: TableData | undefined, b: TableData | undefined): YearTable {
  const base = (b ?? a)!;
  const ownA = new Map(a ? [[base.id, cellsByKey(a)]] : []);
  const ownB = new Map(b ? [[base.id, cellsByKey(b)]] : []);
  // Rows in reading order: the later year's, with rows only the earlier year has kept in place.
  const rowsOf = (t: TableData | undefined) => {
    const rows = new Map<string, FlatCell[]>();
    for (const c of t ? flattenTable(t) : []) rows.set(c.row, [...(rows.get(c.row) ?? []), c]);
    return [...rows.values()];
  };
  const aligned = align(rowsOf(a), rowsOf(b), [(cs) => cs[0]!.row]);
  const rows: YearRow[] = [];
  const missing = { earlier: 0, later: 0 };
  let omittedRows = 0;
  for (const p of aligned) {
    const cs = p.new ?? p.old!;
    const status: YearRow['status'] = a && b ? (p.old && p.new ? 'both' : p.new ? 'added' : 'removed') : 'both';
    // Cells of the row: the later year's, plus any column only the earlier year has.
    const cells = [...(p.new ?? []), ...(p.old ?? []).filter((c) => !(p.new ?? []).some((n) => n.key === c.key))];
    const out: YearCell[] = cells.map((c) => {
      const e = status === 'added' ? null : lookup(earlier, ownA, c);
      const l = status === 'removed' ? null : lookup(later, ownB, c);
      const d = status === 'both' ? delta(e, l) : undefined;
      return { column: c.column, columnLabel: c.columnLabel, kind: c.kind, earlier: e, later: l, ...(d ? { delta: d } : {}) };
    });
    const shown = out.filter((c) => !(isZeroish(c.earlier) && isZeroish(c.later)));
    if (!shown.length) {
      omittedRows += 1;
      continue;
    }
    for (const c of shown) {
      if (c.earlier === undefined) missing.earlier += 1;
      if (c.later === undefined) missing.later += 1;
    }
    rows.push({ row: cs[0]!.row, rowName: rowName(cs[0]!), status, cells: shown });
  }
  return {
    id: base.id,
    name: tableName(base),
    earlierSource: a ? 'table' : 'figures',
    laterSource: b ? 'table' : 'figures',
    rows,
    missing,
    omittedRows,
  };
}

function compareFigures(earlier: YearSide, later: YearSide): YearFigure[] {
  const labels = figureLabels(later.report, earlier.report);
  const keys = sortFigureKeys(new Set([...Object.keys(earlier.report.figures), ...Object.keys(later.report.figures)]));
  // The fixed figures are always listed; of a family (a 类, an 经济分类 款…), what either year has.
  const listed = keys.filter(
    (key) => !isFamilyKey(key) || !(isZeroish(earlier.report.figures[key]) && isZeroish(later.report.figures[key])),
  );
  return listed.map((key) => {
    const e = earlier.report.figures[key];
    const l = later.report.figures[key];
    const d = delta(e, l);
    return { key, label: labels.get(key) ?? key, earlier: e, later: l, ...(d ? { delta: d } : {}) };
  });
}

export function compareYears(earlier: YearSide, later: YearSide): YearComparison {
  const tables: YearTable[] = [];
  for (const p of align(earlier.report.tables, later.report.tables, [(t) => t.id])) {
    tables.push(compareTable(earlier, later, p.old, p.new));
  }
  const notes: string[] = [];
  for (const side of [earlier, later]) {
    if (side.partial) {
      notes.push(
        `${side.label}文件为部分数据（partial: true），只含从其他年度公开文本推算出的数字，没有公开表；表中该年度的数字按各栏目对应的可比数字查找，查不到的标为“${side === earlier ? '上年无此数据' : '本年无此数据'}”。`,
      );
    }
  }
  const strip = ({ report: _, ...rest }: YearSide) => rest;
  return {
    department: later.report.department,
    earlier: strip(earlier),
    later: strip(later),
    figures: compareFigures(earlier, later),
    tables,
    notes,
  };
}

/** A figure whose value demonstrably changed: both sides have it and the difference is not zero. */
const changed = (x: { delta?: Delta }) => x.delta !== undefined && !D(x.delta.change).isZero();

/**
 * The comparison cut down to what changed (`diff --changed-only`): figures and cells with a non-zero
 * difference, and rows only one side has. A value one side lacks is no known change and is left out.
 */
export function onlyChanged(c: YearComparison): YearComparison {
  return {
    ...c,
    changedOnly: true,
    figures: c.figures.filter(changed),
    tables: c.tables.map((t) => {
      const rows = t.rows.flatMap((r) =>
        r.status !== 'both' ? [r] : r.cells.some(changed) ? [{ ...r, cells: r.cells.filter(changed) }] : [],
      );
      return { ...t, rows, missing: { earlier: 0, later: 0 } };
    }),
  };
}
