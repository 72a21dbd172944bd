/**
 * The model as both diffs see it: report.json parsed back from its text, decimals as exact strings.
 * The correction diff reads last build's report.json from disk and the year diff builds two models in
 * memory; both go through the same JSON form, so the two workflows compare the same thing and never
 * depend on how the PDF or the workbook happen to lay a figure out.
 */
import type { YearCalc } from '../calc/index.ts';
import type { Dec } from '../decimal.ts';
import { buildDocuments } from '../model/build-document.ts';
import { buildTables } from '../model/tables.ts';
import { reportJson, serializeReport, type ReportJson } from '../render/json.ts';

/** A type as it comes back from JSON.parse(serializeReport(…)): every Dec became its exact string. */
export type Jsonified<T> = T extends Dec
  ? string
  : T extends readonly (infer U)[]
    ? Jsonified<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonified<T[K]> }
      : T;

export type ReportData = Jsonified<ReportJson>;
export type TableData = ReportData['tables'][number];
export type DocumentData = ReportData['documents'][number];
export type BlockData = DocumentData['blocks'][number];
export type TableRowData = TableData['body'][number];
export type CellData = NonNullable<TableRowData['cells'][number]>;

const FORMAT: ReportJson['format'] = 'juesuan-report/1';

/** Parses a report.json; refuses anything that is not a report of the format this code understands. */
export function parseReportData(text: string): ReportData {
  const data = JSON.parse(text) as Partial<ReportData>;
  if (!data || typeof data !== 'object' || data.format !== FORMAT || !Array.isArray(data.tables) || !Array.isArray(data.documents)) {
    throw new Error(`不是可识别的 report.json（应为 ${FORMAT} 格式）`);
  }
  return data as ReportData;
}

/** The in-memory model in its JSON form, exactly as report.json would hold it. */
export function reportData(report: ReportJson): ReportData {
  return parseReportData(serializeReport(report));
}

/**
 * The model of a year for the year-over-year diff, built in memory (no previous build needed). A partial
 * file has no tables and no documents; its comparable figures are all it can offer.
 */
export function yearReportData(calc: YearCalc, options: { documents?: boolean } = {}): ReportData {
  const tables = calc.kind === 'disclosure' ? buildTables(calc) : [];
  const documents = options.documents && calc.kind !== 'partial' ? buildDocuments(calc) : [];
  return reportData(reportJson(calc, tables, documents));
}
