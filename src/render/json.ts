/**
 * The model as JSON (report.json): figures, tables and the document text. Year-over-year and correction
 * diffs are computed on this, never on PDF bytes. Decimals are written as exact strings.
 */
import type { YearCalc } from '../calc/index.ts';
import type { DocumentModel } from '../model/document.ts';
import type { TableSpec } from '../model/table-spec.ts';

export interface ReportJson {
  format: 'juesuan-report/1';
  year: number;
  department: string;
  kind: YearCalc['kind'];
  figures: Record<string, string>;
  tables: TableSpec[];
  documents: DocumentModel[];
}

export function reportJson(calc: YearCalc, tables: TableSpec[], documents: DocumentModel[]): ReportJson {
  return {
    format: 'juesuan-report/1',
    year: calc.year,
    department: calc.department,
    kind: calc.kind,
    figures: Object.fromEntries([...calc.figures].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, v.toFixed()])),
    tables,
    documents,
  };
}

export function serializeReport(report: ReportJson): string {
  return JSON.stringify(report, (_key, value: unknown) => (value && typeof value === 'object' && 'toFixed' in value && 'isZero' in value ? (value as { toFixed(): string }).toFixed() : value), 2) + '\n';
}
