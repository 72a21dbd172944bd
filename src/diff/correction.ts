/**
 * What a correction changed: the previous build's report.json and manifest.json against the new ones.
 * Figures are joined by cell key (cells.ts) and subtracted as decimals; text is aligned sentence by
 * sentence (documents.ts); files are compared by their manifest sha256. Nothing here reads a PDF.
 */
import { cellDec, cellKey, flattenReport, rowName, tableFrameLines, tableName, type FlatCell, type TableInfo } from './cells.ts';
import { align } from './align.ts';
import { diffDocuments, type TextChange } from './documents.ts';
import type { ReportData } from '../model/report.ts';
import { diffLines } from './sentences.ts';

export interface CellChange {
  table: TableInfo;
  row: string;
  rowName: string;
  column: string;
  columnLabel: string;
  kind: FlatCell['kind'];
  /** Exact decimal text; null = blank cell. */
  old: string | null;
  new: string | null;
  /** new − old as exact decimal text, a blank counting as zero. */
  difference: string;
}

export interface RowChange {
  table: TableInfo;
  row: string;
  rowName: string;
  change: 'added' | 'removed' | 'renamed';
  /** Added/removed: the row's figures. Renamed: empty. */
  cells: { columnLabel: string; kind: FlatCell['kind']; value: string | null }[];
  oldName?: string;
}

export interface TableTextChange {
  table: TableInfo;
  label: string;
  old?: string;
  new?: string;
}

export interface FileChange {
  role: 'input' | 'output';
  file: string;
  /** unknown: the previous version has no readable manifest to compare with. */
  change: 'changed' | 'added' | 'removed' | 'unchanged' | 'unknown';
  old?: string;
  new?: string;
}

export interface Correction {
  year: number;
  department: string;
  /** False when the previous version had no readable report.json: only its files can be compared. */
  previousModel: boolean;
  cells: CellChange[];
  rows: RowChange[];
  tables: { table: TableInfo; change: 'added' | 'removed' }[];
  tableText: TableTextChange[];
  text: TextChange[];
  files: FileChange[];
}

/** True when the two models publish the same figures and the same text. */
export const modelUnchanged = (c: Correction) =>
  !c.cells.length && !c.rows.length && !c.tables.length && !c.tableText.length && !c.text.length;

/** Blank and 0.00 differ (the page shows them differently); "848.1" and "848.10" do not. */
const sameValue = (a: string | null, b: string | null) => (a === null || b === null ? a === b : cellDec(a).equals(cellDec(b)));

const rowKey = (c: FlatCell) => cellKey(c.table.id, c.row, '');

function compareCells(oldReport: ReportData, newReport: ReportData): Pick<Correction, 'cells' | 'rows'> {
  const a = flattenReport(oldReport);
  const b = flattenReport(newReport);
  const rowsOf = (m: Map<string, FlatCell>) => {
    const rows = new Map<string, FlatCell[]>();
    for (const c of m.values()) rows.set(rowKey(c), [...(rows.get(rowKey(c)) ?? []), c]);
    return rows;
  };
  const oldRows = rowsOf(a);
  const newRows = rowsOf(b);
  const cells: (CellChange & { order: [number, number] })[] = [];
  const rows: (RowChange & { order: [number, number] })[] = [];
  // Changes are listed in the new model's table order; a table only the old one has comes after.
  const tableOrder = new Map<string, number>();
  for (const t of [...newReport.tables, ...oldReport.tables]) if (!tableOrder.has(t.id)) tableOrder.set(t.id, tableOrder.size);
  const order = (c: FlatCell): [number, number] => [tableOrder.get(c.table.id) ?? 0, c.order];
  const figures = (cs: FlatCell[]) => cs.map((c) => ({ columnLabel: c.columnLabel, kind: c.kind, value: c.value }));

  for (const [key, cs] of newRows) {
    const before = oldRows.get(key);
    const first = cs[0]!;
    if (!before) {
      // Only a row of a table both models have is an added row; a whole new table is reported as such.
      if (oldReport.tables.some((t) => t.id === first.table.id))
        rows.push({
          table: first.table,
          row: first.row,
          rowName: rowName(first),
          change: 'added',
          cells: figures(cs),
          order: order(first),
        });
      continue;
    }
    if (before[0]!.rowLabel !== first.rowLabel) {
      rows.push({
        table: first.table,
        row: first.row,
        rowName: rowName(first),
        oldName: rowName(before[0]!),
        change: 'renamed',
        cells: [],
        order: order(first),
      });
    }
  }
  for (const [key, cs] of oldRows) {
    const first = cs[0]!;
    if (!newRows.has(key) && newReport.tables.some((t) => t.id === first.table.id)) {
      rows.push({
        table: first.table,
        row: first.row,
        rowName: rowName(first),
        change: 'removed',
        cells: figures(cs),
        order: order(first),
      });
    }
  }

  // Cells of rows both models have. A column only one side has counts as blank on the other side.
  for (const key of new Set([...b.keys(), ...a.keys()])) {
    const before = a.get(key);
    const after = b.get(key);
    const c = (after ?? before)!;
    if (!oldRows.has(rowKey(c)) || !newRows.has(rowKey(c))) continue;
    const oldValue = before?.value ?? null;
    const newValue = after?.value ?? null;
    if (sameValue(oldValue, newValue)) continue;
    cells.push({
      table: c.table,
      row: c.row,
      rowName: rowName(c),
      column: c.column,
      columnLabel: c.columnLabel,
      kind: c.kind,
      old: oldValue,
      new: newValue,
      difference: cellDec(newValue).minus(cellDec(oldValue)).toFixed(),
      order: order(c),
    });
  }
  const byOrder = (x: { order: [number, number] }, y: { order: [number, number] }) => x.order[0] - y.order[0] || x.order[1] - y.order[1];
  return {
    cells: cells.sort(byOrder).map(({ order: _, ...c }) => c),
    rows: rows.sort(byOrder).map(({ order: _, ...r }) => r),
  };
}

function compareTables(oldReport: ReportData, newReport: ReportData): Pick<Correction, 'tables' | 'tableText'> {
  const tables: Correction['tables'] = [];
  const tableText: TableTextChange[] = [];
  for (const p of align(oldReport.tables, newReport.tables, [(t) => t.id])) {
    const t = (p.new ?? p.old)!;
    const info = { id: t.id, name: tableName(t) };
    if (!p.old || !p.new) {
      tables.push({ table: info, change: p.new ? 'added' : 'removed' });
      continue;
    }
    const a = tableFrameLines(p.old);
    const b = tableFrameLines(p.new);
    const label = new Map([...a, ...b].map((l) => [l.text, l.label]));
    for (const s of diffLines(
      a.map((l) => l.text),
      b.map((l) => l.text),
    )) {
      tableText.push({ table: info, label: label.get(s.new ?? s.old!) ?? '', ...s });
    }
  }
  return { tables, tableText };
}

/** The files of a version as its manifest.json lists them (the diff needs only names and hashes). */
interface Manifest {
  inputs: { file: string; sha256: string }[];
  outputs: { file: string; sha256: string }[];
}

function compareFiles(oldManifest: Manifest | undefined, newManifest: Manifest): FileChange[] {
  if (!oldManifest) {
    return [
      ...newManifest.inputs.map((e): FileChange => ({ role: 'input', file: e.file, change: 'unknown', new: e.sha256 })),
      ...newManifest.outputs.map((e): FileChange => ({ role: 'output', file: e.file, change: 'unknown', new: e.sha256 })),
    ];
  }
  const out: FileChange[] = [];
  const side = (role: FileChange['role'], a: Manifest['inputs'], b: Manifest['inputs']) => {
    const before = new Map(a.map((e) => [e.file, e.sha256]));
    const after = new Map(b.map((e) => [e.file, e.sha256]));
    for (const [file, sha] of after) {
      const old = before.get(file);
      out.push({
        role,
        file,
        change: old === undefined ? 'added' : old === sha ? 'unchanged' : 'changed',
        ...(old ? { old } : {}),
        new: sha,
      });
    }
    for (const [file, sha] of before) if (!after.has(file)) out.push({ role, file, change: 'removed', old: sha });
  };
  side('input', oldManifest.inputs, newManifest.inputs);
  side('output', oldManifest.outputs, newManifest.outputs);
  return out;
}

/** Everything that differs between the previous publication and this build. */
export function compareCorrection(
  previous: { report?: ReportData; manifest?: Manifest },
  next: { report: ReportData; manifest: Manifest },
): Correction {
  const files = compareFiles(previous.manifest, next.manifest);
  const head = { year: next.report.year, department: next.report.department };
  if (!previous.report) return { ...head, previousModel: false, cells: [], rows: [], tables: [], tableText: [], text: [], files };
  const published = new Set([...previous.report.tables, ...next.report.tables].map((t) => t.id));
  return {
    ...head,
    previousModel: true,
    ...compareCells(previous.report, next.report),
    ...compareTables(previous.report, next.report),
    text: diffDocuments(previous.report.documents, next.report.documents, published),
    files,
  };
}
