/**
 * Reading the grid of each 公开表 by what its headers and row labels say, not by fixed positions, so the
 * layouts finance systems export all read the same: 科目编码 in one column or split into 类 | 款 | 项
 * (201 | 03 | 01, also as numbers that lost their leading zero); header cells merged over several rows or
 * columns; the 行次 column present or not; 收入 and 支出 side by side or one below the other.
 *
 * Every figure keeps the cell it came from, so a total that does not add up is reported at its cell.
 */
import { D, type Dec } from '../decimal.ts';
import { parseAmount, parseCount } from './amount.ts';
import { labelOf, norm, type Region, type TableId, type TableMeta } from './locate.ts';
import { address } from '../cell-address.ts';
import type { CellPlace } from './problems.ts';
import { dataAt, textAt, textOf, type Sheet } from './workbook.ts';

/** A figure read from the workbook, with where it stands and what it is called there. */
export interface Figure {
  value: Dec | null;
  place: CellPlace;
  rowLabel: string;
  columnLabel: string;
}

export interface CodeRow {
  code: string;
  name: string;
  line: number;
  values: Record<string, Figure>;
}

export interface CodeTable {
  id: TableId;
  region: Region;
  rows: CodeRow[];
  total?: CodeRow;
  /** Figure columns found (canonical keys). */
  columns: string[];
}

export interface LabelTable {
  id: TableId;
  region: Region;
  lines: Map<string, { line: number; label: string; values: Record<string, Figure> }>;
}

/** Problems found while reading, each a full sentence naming the table and cell. */
export type Problems = string[];

/** A count (车辆数 …) kept with the amounts as a decimal, so the checks compare both alike. */
const countAsDec = (n: number) => D(String(n));

const where = (id: TableId, sheet: Sheet, row: number, col: number) => `${labelOf(id)}（工作表「${sheet.name}」${address(row, col)}）`;

const isBlankRow = (sheet: Sheet, row: number) => !sheet.cells.get(row)?.size;

/** The first non-blank text of a row starts with 注: the notes under the grid. */
function isNote(sheet: Sheet, row: number): boolean {
  const line = sheet.cells.get(row);
  if (!line) return false;
  const first = [...line.entries()].sort(([a], [b]) => a - b).find(([, c]) => !c.master && textOf(c.value).trim());
  return !!first && /^注/.test(textOf(first[1].value).trim());
}

/** Column header texts (top-down, merged cells repeated, consecutive duplicates dropped). */
function headerPaths(sheet: Sheet, rows: number[], cols: number): string[][] {
  const paths: string[][] = [];
  for (let c = 1; c <= cols; c++) {
    const path: string[] = [];
    for (const r of rows) {
      const t = norm(textAt(sheet, r, c));
      if (t && t !== path[path.length - 1]) path.push(t);
    }
    paths.push(path.filter((p) => p !== '栏次' && p !== '行次' && !/^\d{1,2}$/.test(p)));
  }
  return paths;
}

// ─── 公开02、03、05、07、08: rows by 支出功能分类科目 ─────────────────────────────────────────────────

export interface CodeTableSpec {
  /** Canonical column key and what its header says, tried in order (first match wins). */
  columns: [key: string, header: RegExp][];
  required: string[];
}

const CODE_LIKE = /^\d{3}(\d{2}){0,2}$/;

function codePart(sheet: Sheet, row: number, col: number): string {
  const v = dataAt(sheet, row, col);
  return v ? textOf(v).normalize('NFKC').replace(/\s+/g, '') : '';
}

/**
 * The code of a row from its code column(s): one column with the whole code, or 类 | 款 | 项 where each
 * part is either two digits (03, or 3 once Excel dropped the zero) or the whole code so far.
 */
function composeCode(parts: string[]): { code?: string; problem?: string } {
  // Words in a code column (合计, a merged 科目名称) are not codes; digits mixed with words are a typo.
  const given = parts.filter((p) => /\d/.test(p));
  if (!given.length) return {};
  if (given.some((p) => !/^\d+$/.test(p))) return { problem: `「${given.join(' ')}」不是科目编码` };
  let code = given[0]!;
  if (given.length === 1) return CODE_LIKE.test(code) ? { code } : { problem: `「${code}」不是 3、5 或 7 位的科目编码` };
  if (code.length !== 3) return { problem: `「${given.join(' | ')}」：类级编码应为 3 位` };
  for (const p of given.slice(1)) {
    if (p.length === code.length + 2 && p.startsWith(code)) code = p;
    else if (p.length <= 2) code += p.padStart(2, '0');
    else return { problem: `「${given.join(' | ')}」拼不成科目编码` };
  }
  return CODE_LIKE.test(code) ? { code } : { problem: `「${given.join(' | ')}」拼不成科目编码` };
}

const HEADER_START = /^(项目|科目编码|科目名称|功能分类科目编码|支出功能分类科目编码|类|款|项)$|编码/;

export function readCodeTable(region: Region, meta: TableMeta, spec: CodeTableSpec, problems: Problems): CodeTable {
  const { sheet, id } = region;
  const rowTexts = (r: number) => [...(sheet.cells.get(r)?.keys() ?? [])].map((c) => norm(textAt(sheet, r, c)));
  let start = region.top;
  while (start <= region.bottom && !rowTexts(start).some((t) => HEADER_START.test(t))) start++;
  if (start > region.bottom) {
    problems.push(`${labelOf(id)}（工作表「${sheet.name}」第 ${region.top} 行起）找不到表头（「项目」「科目编码」「科目名称」等）`);
    return { id, region, rows: [], columns: [] };
  }
  // The first data row: a 科目编码 or 合计 in one of the first columns, below the header's first row.
  let first = start + 1;
  const firstCols = Math.min(sheet.cols, 8);
  const isData = (r: number) => {
    for (let c = 1; c <= firstCols; c++) {
      const t = codePart(sheet, r, c);
      if (CODE_LIKE.test(t) || /^(合计|总计)$/.test(norm(t))) return true;
    }
    return false;
  };
  while (first <= region.bottom && !isData(first) && !isNote(sheet, first)) first++;
  const headerRows = Array.from({ length: first - start }, (_, i) => start + i);
  const paths = headerPaths(sheet, headerRows, sheet.cols);

  const codeCols: number[] = [];
  let nameCol: number | undefined;
  const figureCols: { col: number; key: string; label: string }[] = [];
  paths.forEach((path, i) => {
    const col = i + 1;
    const joined = path.join('/');
    const last = path[path.length - 1] ?? '';
    if (/编码/.test(joined) || ['类', '款', '项'].includes(last)) codeCols.push(col);
    else if (/名称/.test(joined)) nameCol ??= col;
    else if (path.length && joined !== '项目') {
      const figure = joined.replace(/^项目\//, '');
      const match = spec.columns.find(([key, re]) => re.test(figure) && !figureCols.some((f) => f.key === key));
      if (match) figureCols.push({ col, key: match[0], label: path[path.length - 1]! });
    }
  });
  if (!codeCols.length) {
    problems.push(`${labelOf(id)}（工作表「${sheet.name}」第 ${start}–${first - 1} 行）的表头中找不到「科目编码」栏`);
    return { id, region, rows: [], columns: [] };
  }
  for (const key of spec.required) {
    if (!figureCols.some((f) => f.key === key)) {
      const re = spec.columns.find(([k]) => k === key)![1];
      problems.push(
        `${labelOf(id)}（工作表「${sheet.name}」第 ${start}–${first - 1} 行）的表头中找不到栏目 ${re.source.split('|')[0]!.replace(/[\\^$()]/g, '')}`,
      );
    }
  }

  const table: CodeTable = { id, region, rows: [], columns: figureCols.map((f) => f.key) };
  const seen = new Map<string, number>();
  for (let r = first; r <= region.bottom; r++) {
    if (isNote(sheet, r)) break;
    if (isBlankRow(sheet, r)) continue;
    const { code, problem } = composeCode(codeCols.map((c) => codePart(sheet, r, c)));
    const name = nameCol ? textAt(sheet, r, nameCol).trim() : '';
    const leftText = [...codeCols, ...(nameCol ? [nameCol] : [])].map((c) => norm(textAt(sheet, r, c)));
    const isTotal = !code && leftText.some((t) => t === '合计' || t === '总计');
    const values: Record<string, Figure> = {};
    let hasFigure = false;
    for (const f of figureCols) {
      const parsed = parseAmount(dataAt(sheet, r, f.col), meta.scale);
      const place = { sheet: sheet.name, row: r, col: f.col };
      if ('problem' in parsed) {
        problems.push(`${where(id, sheet, r, f.col)} ${code ?? name}「${f.label}」栏：${parsed.problem}`);
        continue;
      }
      if (parsed.value !== null) hasFigure = true;
      values[f.key] = { value: parsed.value, place, rowLabel: isTotal ? '合计' : `${code ?? ''} ${name}`.trim(), columnLabel: f.label };
    }
    if (problem) {
      problems.push(`${where(id, sheet, r, codeCols[0]!)} 第 ${r} 行：${problem}`);
      continue;
    }
    if (isTotal) {
      if (table.total) problems.push(`${labelOf(id)}（工作表「${sheet.name}」）第 ${table.total.line} 行和第 ${r} 行都是「合计」`);
      table.total = { code: '', name: '合计', line: r, values };
      continue;
    }
    if (!code) {
      if (hasFigure) problems.push(`${where(id, sheet, r, codeCols[0]!)} 第 ${r} 行有数字，但没有科目编码`);
      continue;
    }
    const dup = seen.get(code);
    if (dup !== undefined) {
      problems.push(`${labelOf(id)}（工作表「${sheet.name}」）科目 ${code} 出现了两次：第 ${dup} 行和第 ${r} 行`);
      continue;
    }
    seen.set(code, r);
    table.rows.push({ code, name, line: r, values });
  }
  return table;
}

// ─── 公开01、04、09、10: rows by label ──────────────────────────────────────────────────────────────

export interface LabelTableSpec {
  /** Canonical amount column key and its header (first match wins). */
  columns: [key: string, header: RegExp][];
  /**
   * The canonical key of a row from its (normalised, numbering stripped) label; `side` is the index of
   * the label column (0 = left/收入, 1 = right/支出); `state` carries what earlier rows of that side said.
   */
  key(label: string, side: number, state: Record<string, unknown>): string | undefined;
  /** Rows that hold counts (团组数、车辆数), not amounts. */
  isCount?(key: string): boolean;
}

const HEADER_WORDS =
  /^(项目|项目\(按功能分类\)|行次|栏次|金额|决算数|年初预算数|全年预算数|合计|收入|支出|一般公共预算财政拨款|政府性基金预算财政拨款|国有资本经营预算财政拨款)$/;

/** A row label without its numbering (一、 1. （1） 其中：) and a trailing unit （个）. */
export function bareLabel(text: string): string {
  return norm(text)
    .replace(/^(?:[一二三四五六七八九十]+[、.]|\d+[.、]|\([一二三四五六七八九十\d]+\)|其中[:：]?)+/, '')
    .replace(/\((?:个|人|辆|台、辆|台、套|台|套|台、辆、套)\)$/, '');
}

export function readLabelTable(region: Region, meta: TableMeta, spec: LabelTableSpec, problems: Problems): LabelTable {
  const { sheet, id } = region;
  const table: LabelTable = { id, region, lines: new Map() };
  // Header rows: rows holding header words, from the top of the region down to the first data line.
  const headerRows: number[] = [];
  let r = region.top;
  let firstData = region.bottom + 1;
  for (; r <= region.bottom; r++) {
    const line = sheet.cells.get(r);
    if (!line) continue;
    const texts = [...line.keys()].map((c) => norm(textAt(sheet, r, c)));
    if (texts.some((t) => HEADER_WORDS.test(t))) headerRows.push(r);
    else if (headerRows.length && texts.some((t) => spec.key(bareLabel(t), 0, {}) ?? spec.key(bareLabel(t), 1, {}))) {
      firstData = r;
      break;
    }
  }
  if (!headerRows.length) {
    problems.push(`${labelOf(id)}（工作表「${sheet.name}」）找不到表头（「项目」「金额」等）`);
    return table;
  }
  const paths = headerPaths(sheet, headerRows, sheet.cols);
  const labelCols = paths.flatMap((p, i) => (p.some((t) => t.startsWith('项目')) ? [i + 1] : []));
  if (!labelCols.length) {
    problems.push(`${labelOf(id)}（工作表「${sheet.name}」）的表头中找不到「项目」栏`);
    return table;
  }
  // Each label column owns the amount columns up to the next label column.
  const groups = labelCols.map((col, side) => {
    const end = labelCols[side + 1] ?? sheet.cols + 1;
    const amounts: { col: number; key: string; label: string }[] = [];
    for (let c = col + 1; c < end; c++) {
      const joined = paths[c - 1]!.filter((t) => !/^(收入|支出)$/.test(t)).join('/');
      const match = spec.columns.find(([key, re]) => re.test(joined) && !amounts.some((a) => a.key === key));
      if (match) amounts.push({ col: c, key: match[0], label: paths[c - 1]![paths[c - 1]!.length - 1]! });
    }
    return { col, side, amounts, state: {} as Record<string, unknown> };
  });
  for (const g of groups) {
    if (!g.amounts.length)
      problems.push(`${labelOf(id)}（工作表「${sheet.name}」）「项目」栏（${address(headerRows[0]!, g.col)}）右边找不到金额栏`);
  }

  for (let row = firstData; row <= region.bottom; row++) {
    if (isNote(sheet, row)) break;
    for (const g of groups) {
      const raw = textAt(sheet, row, g.col).trim();
      const cell = sheet.cells.get(row)?.get(g.col);
      const label = cell?.master ? '' : bareLabel(raw);
      const key = label ? spec.key(label, groups.length === 1 ? -1 : g.side, g.state) : undefined;
      const values: Record<string, Figure> = {};
      let hasFigure = false;
      for (const a of g.amounts) {
        const v = dataAt(sheet, row, a.col);
        const place = { sheet: sheet.name, row, col: a.col };
        if (v && v.kind === 'text' && /^(——|—|--|-)$/.test(v.value.trim())) continue; // “——”: does not apply
        const parsed = key && spec.isCount?.(key) ? parseCount(v) : parseAmount(v, meta.scale);
        if ('problem' in parsed) {
          problems.push(`${where(id, sheet, row, a.col)}「${raw || '（无栏目名称）'}」「${a.label}」栏：${parsed.problem}`);
          continue;
        }
        const value = typeof parsed.value === 'number' ? countAsDec(parsed.value) : parsed.value;
        if (value !== null) hasFigure = true;
        values[a.key] = { value, place, rowLabel: raw, columnLabel: a.label };
      }
      if (!key) {
        if (hasFigure) {
          problems.push(
            label
              ? `${where(id, sheet, row, g.col)}「${raw}」不是${labelOf(id)}的栏目，无法确定它的数字属于哪一项`
              : `${where(id, sheet, row, g.col)} 第 ${row} 行有数字，但没有栏目名称`,
          );
        }
        continue;
      }
      const dup = table.lines.get(key);
      if (dup) {
        problems.push(`${labelOf(id)}（工作表「${sheet.name}」）「${raw}」出现了两次：第 ${dup.line} 行和第 ${row} 行`);
        continue;
      }
      table.lines.set(key, { line: row, label: raw, values });
    }
  }
  return table;
}

// ─── 公开06: 经济分类 code | name | amount groups ──────────────────────────────────────────────────

export interface EconomicTable {
  id: 'T06';
  region: Region;
  /** Code → figure, for 类 (3 digits) and 款 (5 digits) as printed. */
  codes: Map<string, Figure & { name: string; line: number }>;
  personnel?: Figure;
  public?: Figure;
}

export function readEconomicTable(region: Region, meta: TableMeta, problems: Problems): EconomicTable {
  const { sheet } = region;
  const id = 'T06' as const;
  const table: EconomicTable = { id, region, codes: new Map() };
  let start = region.top;
  const hasCodeHeader = (r: number) => [...(sheet.cells.get(r)?.keys() ?? [])].some((c) => /编码/.test(norm(textAt(sheet, r, c))));
  while (start <= region.bottom && !hasCodeHeader(start)) start++;
  if (start > region.bottom) {
    problems.push(`${labelOf(id)}（工作表「${sheet.name}」）找不到表头中的「经济分类科目编码」栏`);
    return table;
  }
  const headerRows = [start];
  const paths = headerPaths(sheet, [Math.max(region.top, start - 1), start], sheet.cols);
  const codeCols = paths.flatMap((p, i) => (/编码/.test(p.join('/')) ? [i + 1] : []));
  const amountCols = paths.flatMap((p, i) => (/金额|决算数|合计$/.test(p[p.length - 1] ?? '') ? [i + 1] : []));
  const groups = codeCols.map((col, i) => {
    const end = codeCols[i + 1] ?? sheet.cols + 1;
    const amount = amountCols.find((c) => c > col && c < end);
    const name = paths.findIndex((p, j) => j + 1 > col && j + 1 < end && /名称/.test(p.join('/')));
    return { col, amount, name: name >= 0 ? name + 1 : undefined };
  });
  for (const g of groups)
    if (!g.amount) problems.push(`${labelOf(id)}（工作表「${sheet.name}」${address(headerRows[0]!, g.col)}）编码栏右边找不到「金额」栏`);

  for (let r = start + 1; r <= region.bottom; r++) {
    if (isNote(sheet, r)) break;
    const line = sheet.cells.get(r);
    if (!line) continue;
    // 人员经费合计 / 公用经费合计: the amount is in the first amount column to the right of the label.
    for (const [c, cell] of line) {
      if (cell.master) continue;
      const t = norm(textOf(cell.value));
      const which = t === '人员经费合计' ? 'personnel' : t === '公用经费合计' ? 'public' : undefined;
      if (!which) continue;
      const right = amountCols.filter((a) => a > c && !sheet.cells.get(r)?.get(a)?.master);
      const col = right.find((a) => dataAt(sheet, r, a)) ?? right[0];
      if (!col) continue;
      const parsed = parseAmount(dataAt(sheet, r, col), meta.scale);
      if ('problem' in parsed) problems.push(`${where(id, sheet, r, col)}「${t}」：${parsed.problem}`);
      else table[which] = { value: parsed.value, place: { sheet: sheet.name, row: r, col }, rowLabel: t, columnLabel: '金额' };
    }
    for (const g of groups) {
      if (!g.amount) continue;
      const raw = codePart(sheet, r, g.col);
      if (!raw) continue;
      const name = g.name ? textAt(sheet, r, g.name).trim() : '';
      if (!/^\d+$/.test(raw)) continue; // a label such as 人员经费合计
      if (raw.length !== 3 && raw.length !== 5) {
        problems.push(
          `${where(id, sheet, r, g.col)}「${raw} ${name}」：经济分类编码应为 3 位（类）或 5 位（款）${raw.length === 6 ? `，例如 ${raw.slice(0, 3)}${raw.slice(-2)}` : ''}`,
        );
        continue;
      }
      const parsed = parseAmount(dataAt(sheet, r, g.amount), meta.scale);
      if ('problem' in parsed) {
        problems.push(`${where(id, sheet, r, g.amount)}「${raw} ${name}」：${parsed.problem}`);
        continue;
      }
      const dup = table.codes.get(raw);
      if (dup) {
        problems.push(`${labelOf(id)}（工作表「${sheet.name}」）经济分类 ${raw} 出现了两次：第 ${dup.line} 行和第 ${r} 行`);
        continue;
      }
      table.codes.set(raw, {
        value: parsed.value,
        place: { sheet: sheet.name, row: r, col: g.amount },
        rowLabel: `${raw} ${name}`,
        columnLabel: '金额',
        name,
        line: r,
      });
    }
  }
  return table;
}
