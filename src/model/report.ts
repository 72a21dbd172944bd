/**
 * The frozen model of one year file: every figure with its identity, every table as a TableSpec and
 * every document as blocks of final text. Renderers (pdf, xlsx, json, html) take this and nothing else;
 * the diffs compare two of them.
 *
 * Its JSON form is report.json, the one both diffs read: the correction diff reads last build's from
 * disk, the year diff makes both in memory, and both go through the same text, so the two workflows
 * compare the same thing and never depend on how the PDF or the workbook happen to lay a figure out.
 * Decimals are written as exact strings; keys are sorted by code unit, never by locale, so the bytes
 * are the same on every machine.
 */
import type { YearCalc } from '../calc/index.ts';
import type { Dec } from '../decimal.ts';
import { byCodeUnit } from '../diagnostics.ts';
import { buildDocuments } from './build-document.ts';
import { buildCharts } from './charts.ts';
import type { ChartData, DocumentModel } from './document.ts';
import type { TableSpec } from './table-spec.ts';
import { buildTables } from './tables.ts';

export const REPORT_FORMAT = 'juesuan-report/1';

export interface ReportModel {
  format: typeof REPORT_FORMAT;
  year: number;
  department: string;
  kind: YearCalc['kind'];
  /** Comparable figures by key (income_total, expenditure_class.201 …), in key order. */
  figures: Record<string, Dec>;
  tables: TableSpec[];
  documents: DocumentModel[];
  /** What the charts draw (the web edition's, and the PDF's when asked for). */
  charts: ChartData[];
}

export function buildModel(calc: YearCalc, options: { documents?: boolean } = {}): ReportModel {
  const tables = calc.kind === 'disclosure' ? buildTables(calc) : [];
  const documents = options.documents === false || calc.kind === 'partial' ? [] : buildDocuments(calc);
  return deepFreeze({
    format: REPORT_FORMAT,
    year: calc.year,
    department: calc.department,
    kind: calc.kind,
    figures: Object.fromEntries([...calc.figures].sort(([a], [b]) => byCodeUnit(a, b))),
    tables,
    documents,
    charts: buildCharts(calc),
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value) && !isDecimal(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const isDecimal = (v: object) => 'toFixed' in v && 'isZero' in v;

/** report.json: the model as text, decimals as exact strings. */
export function serializeModel(model: ReportModel): string {
  return (
    JSON.stringify(
      model,
      (_key, value: unknown) => (value && typeof value === 'object' && isDecimal(value) ? (value as Dec).toFixed() : value),
      2,
    ) + '\n'
  );
}

/** A type as it comes back from JSON.parse(serializeModel(…)): every Dec became its exact string. */
export type Jsonified<T> = T extends Dec
  ? string
  : T extends readonly (infer U)[]
    ? Jsonified<U>[]
    : T extends object
      ? { -readonly [K in keyof T]: Jsonified<T[K]> }
      : T;

export type ReportData = Jsonified<ReportModel>;
export type TableData = ReportData['tables'][number];
export type DocumentData = ReportData['documents'][number];
export type BlockData = DocumentData['blocks'][number];
export type TableRowData = TableData['body'][number];
export type CellData = NonNullable<TableRowData['cells'][number]>;

/** Parses a report.json; refuses anything that is not a report of the format this code understands. */
export function parseReportData(text: string): ReportData {
  const data = JSON.parse(text) as Partial<ReportData>;
  if (!data || typeof data !== 'object' || data.format !== REPORT_FORMAT || !Array.isArray(data.tables) || !Array.isArray(data.documents)) {
    throw new Error(`不是可识别的 report.json（应为 ${REPORT_FORMAT} 格式）`);
  }
  return data as ReportData;
}

/** The model in its JSON form, exactly as report.json holds it. */
export function modelData(model: ReportModel): ReportData {
  return parseReportData(serializeModel(model));
}
