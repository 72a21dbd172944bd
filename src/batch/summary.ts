/**
 * The finance office's index of a batch: one row per department — its key figures, its check result,
 * the version now published and what changed since the last batch — as TableSpecs, so the workbook
 * renderer writes 汇总.xlsx from exactly the rows the web page shows (index-page.ts).
 *
 * “Since the last batch” compares with the index data the previous batch left next to its index
 * (汇总.json, summary-file.ts): which version each department had then and its key figures. The details
 * of a correction are the department's own changes.md, which the page links to.
 */
import { D, sumAmounts, type Dec } from '../decimal.ts';
import { byCodeUnit, formatDiagnostics, formatPlace, printable } from '../diagnostics.ts';
import { exactTableAmount } from '../model/format.ts';
import { amount, headerRows, row, text, type Cell, type TableRow, type TableSpec } from '../model/table-spec.ts';
import { KEY_FIGURES, keyFigureLabel, type DepartmentOutcome, type KeyFigure } from './department.ts';
import type { PreviousSummary, SummaryRecord } from './summary-file.ts';

export const SUMMARY_FOLDER = '汇总';

/** One department as the index shows it. */
export interface SummaryRow {
  /** 1, 2, … in folder order; the anchor of its messages is msg-<n>. */
  n: number;
  outcome: DepartmentOutcome;
  /** Its output folder relative to the output root, with “/” (省体育局/2024): the key across batches. */
  unit: string;
  result: string;
  errors: number;
  warnings: number;
  acknowledged: number;
  /** What changed since the last batch, in a few words. */
  since: string;
  /** The department's own changes.md describes the change (this batch corrected it). */
  correction: boolean;
  /** Has messages to show (diagnostics or a failure). */
  hasMessages: boolean;
}

export interface Summary {
  year: number;
  rows: SummaryRow[];
  /** Departments the previous batch listed that this one did not build. */
  gone: SummaryRecord[];
  /** Whether a previous batch's index data was found (and readable). */
  hadPrevious: boolean;
  /** A note on the previous index data when it could not be used. */
  previousNote?: string;
  /** Folders holding no year file of this year. */
  skipped: string[];
  failed: number;
}

export function summarize(
  year: number,
  outcomes: DepartmentOutcome[],
  units: string[],
  previous: PreviousSummary,
  skipped: string[],
): Summary {
  const before = new Map(previous.records.map((r) => [r.unit, r]));
  const rows = outcomes.map((o, i): SummaryRow => {
    const unit = units[i]!;
    const open = o.diagnostics.filter((d) => !d.acknowledged);
    return {
      n: i + 1,
      outcome: o,
      unit,
      result: resultText(o),
      errors: open.filter((d) => d.severity === 'error').length,
      warnings: open.filter((d) => d.severity === 'warning').length,
      acknowledged: o.diagnostics.filter((d) => d.acknowledged).length,
      since: previous.found ? sinceText(before.get(unit), o) : '首次汇总',
      correction: o.ok && o.status === 'changed' && !!o.corrected,
      hasMessages: o.diagnostics.length > 0 || !!o.failure,
    };
  });
  const present = new Set(rows.map((r) => r.unit));
  return {
    year,
    rows,
    gone: previous.records.filter((r) => !present.has(r.unit)).sort((a, b) => byCodeUnit(a.unit, b.unit)),
    hadPrevious: previous.found,
    ...(previous.note ? { previousNote: previous.note } : {}),
    skipped,
    failed: rows.filter((r) => !r.outcome.ok).length,
  };
}

function resultText(o: DepartmentOutcome): string {
  if (o.ok) {
    switch (o.status) {
      case 'first':
        return '已发布（首次）';
      case 'changed':
        return '已发布（更正）';
      case 'repaired':
        return '未变化（已修复受损文件）';
      default:
        return '未变化';
    }
  }
  const kept = o.version !== undefined ? `，仍为第 ${o.version} 版` : '';
  switch (o.failure?.kind) {
    case 'check':
      return `有错误，未发布${kept}`;
    case 'partial':
      return '部分数据文件，不能发布';
    case 'internal':
      return `内部错误，未发布${kept}`;
    default:
      return `未能发布${kept}`;
  }
}

/** 第 1 版 → 第 2 版：本年收入合计 +12.00 … / 无变化 / 新增 … */
function sinceText(before: SummaryRecord | undefined, o: DepartmentOutcome): string {
  if (!before) return o.version === undefined ? '新增（尚未发布）' : '新增';
  if (o.version === undefined)
    return before.version === undefined ? '无变化（仍未发布）' : `上次为第 ${before.version} 版，现在没有已发布的版本`;
  if (before.version === o.version) return '无变化';
  const deltas: string[] = [];
  for (const key of KEY_FIGURES) {
    const was = before.figures[key];
    const now = o.figures[key];
    if (was === undefined || now === undefined) continue;
    const d = D(now).minus(D(was));
    if (!d.isZero()) deltas.push(`${keyFigureLabel(key)} ${signed(d)}`);
  }
  const versions = before.version === undefined ? `第 ${o.version} 版（上次未发布）` : `第 ${before.version} 版 → 第 ${o.version} 版`;
  return deltas.length ? `${versions}：${deltas.join('，')}` : `${versions}（以上数字未变）`;
}

const signed = (d: Dec) => `${d.isNegative() ? '' : '+'}${exactTableAmount(d)}`;

// ─── The tables (汇总.xlsx, and the web page's main table) ─────────────────────────────────────────────

/** Column keys of the summary table, for the web page's links. */
export const SUMMARY_COLUMNS = ['n', 'name', 'department', 'result', 'version', ...KEY_FIGURES, 'errors', 'warnings', 'since'] as const;
export type SummaryColumn = (typeof SUMMARY_COLUMNS)[number];

export function summaryTable(s: Summary): TableSpec {
  const width = SUMMARY_COLUMNS.length;
  const header = headerRows(width, [
    [
      text('序号', { rowSpan: 2 }),
      text('单位（文件夹）', { rowSpan: 2 }),
      text('部门', { rowSpan: 2 }),
      text('本次结果', { rowSpan: 2 }),
      text('已发布版本', { rowSpan: 2 }),
      text('主要数字（万元）', { colSpan: KEY_FIGURES.length }),
      text('校验', { colSpan: 2 }),
      text('与上次汇总相比', { rowSpan: 2 }),
    ],
    [...KEY_FIGURES.map((k) => text(keyFigureLabel(k))), text('错误'), text('警告')],
  ]);
  const figure = (v: string | undefined): Cell => amount(v === undefined ? null : D(v));
  const body: TableRow[] = s.rows.map((r) => {
    const o = r.outcome;
    return row(
      'line',
      [
        // Small whole numbers as centred text: not sized as a column of amounts, so the names get the room.
        text(String(r.n), { align: 'center' }),
        text(printable(o.name)),
        text(printable(o.department ?? '')),
        text(r.result),
        text(o.version === undefined ? '' : String(o.version), { align: 'center' }),
        ...KEY_FIGURES.map((k) => figure(o.figures[k])),
        text(String(r.errors), { align: 'center' }),
        text(String(r.warnings), { align: 'center' }),
        text(printable(r.since)),
      ],
      width,
    );
  });
  const totals = KEY_FIGURES.map((k) =>
    sumAmounts(s.rows.map((r) => (r.outcome.figures[k] === undefined ? null : D(r.outcome.figures[k]!)))),
  );
  body.push(
    row(
      'total',
      [
        text(`合计（${s.rows.filter((r) => KEY_FIGURES.some((k) => r.outcome.figures[k] !== undefined)).length} 个单位的已发布数）`, {
          colSpan: 5,
          align: 'center',
          bold: true,
        }),
        ...totals.map((v) => amount(v, undefined, { bold: true })),
        text('', { colSpan: 3 }),
      ],
      width,
    ),
  );
  return {
    id: 'summary',
    title: `${s.year}年度部门决算汇总`,
    meta: { left: `共 ${s.rows.length} 个单位`, center: `${s.year}年度`, right: '金额单位：万元' },
    orientation: 'landscape',
    columns: SUMMARY_COLUMNS.map((key) => ({ key, width: key === 'since' ? 3 : key === 'result' || key === 'department' ? 2 : 1 })),
    header,
    body,
    notes: summaryNotes(s),
    sheetName: '汇总',
    frozenColumns: 2,
  };
}

function summaryNotes(s: Summary): string[] {
  const notes = [
    '主要数字为各单位现已发布版本的数字；本次未能发布的单位，列出的是原已发布版本的数字（没有已发布版本的留空）。' +
      '财政拨款支出为一般公共预算、政府性基金预算和国有资本经营预算财政拨款本年支出之和。',
    '「与上次汇总相比」对照上次批量发布留下的 汇总.json；更正的具体内容见各单位输出目录中的 changes.md。',
  ];
  if (s.previousNote) notes.push(s.previousNote);
  if (s.gone.length) notes.push(`上次汇总有、本次没有的单位：${s.gone.map((g) => printable(g.name)).join('、')}。`);
  if (s.skipped.length) notes.push(`以下文件夹中没有 ${s.year}.yaml，未处理：${s.skipped.map(printable).join('、')}。`);
  return notes.map((n, i) => `${i ? '' : '注：'}${i + 1}.${n}`);
}

/** 校验信息: every message of every department, one per row (the web page shows them per department). */
export function messagesTable(s: Summary): TableSpec {
  const width = 6;
  const header = headerRows(width, [[text('序号'), text('单位（文件夹）'), text('级别'), text('规则'), text('位置'), text('说明')]]);
  const body: TableRow[] = [];
  for (const r of s.rows) {
    const o = r.outcome;
    if (o.failure && o.failure.kind !== 'check') {
      body.push(
        row(
          'line',
          [
            text(String(r.n), { align: 'center' }),
            text(printable(o.name)),
            text('未发布', { align: 'center' }),
            text(''),
            text(''),
            text(printable(o.failure.message)),
          ],
          width,
        ),
      );
    }
    const sorted = [...o.diagnostics].sort(
      (a, b) => byCodeUnit(a.place?.file ?? '', b.place?.file ?? '') || (a.place?.line ?? 0) - (b.place?.line ?? 0),
    );
    for (const d of sorted) {
      const level = d.acknowledged ? '已确认' : d.severity === 'error' ? '错误' : d.severity === 'warning' ? '警告' : '提示';
      body.push(
        row(
          'line',
          [
            text(String(r.n), { align: 'center' }),
            text(printable(o.name)),
            text(level, { align: 'center' }),
            text(printable(d.ruleId)),
            text(printable(formatPlace(d.place))),
            text(printable(d.message) + (d.acknowledged ? `（确认理由：${printable(d.acknowledged)}）` : '')),
          ],
          width,
        ),
      );
    }
  }
  if (!body.length) body.push(row('line', [text('没有任何错误或警告', { colSpan: width, align: 'center' })], width));
  return {
    id: 'messages',
    title: `${s.year}年度部门决算汇总：校验信息`,
    orientation: 'landscape',
    columns: [1, 2, 1, 2, 2, 6].map((w, i) => ({ key: `c${i}`, width: w })),
    header,
    body,
    notes: [],
    sheetName: '校验信息',
    frozenColumns: 2,
  };
}

/** The messages of one department as `check` prints them (its failure first, when it is not the data's). */
export function messageLines(o: DepartmentOutcome): string[] {
  const lines: string[] = [];
  if (o.failure && o.failure.kind !== 'check') lines.push(printable(o.failure.message));
  if (o.diagnostics.length) lines.push(...formatDiagnostics(o.diagnostics).split('\n'));
  return lines;
}

export type { KeyFigure };
