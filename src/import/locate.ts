/**
 * Finding the ten 公开表 in a workbook, whatever its layout: one sheet per table under any name, or all
 * ten stacked on one sheet. A table is found by its title (收入支出决算总表 …, also with the department and
 * year before it) or by its label (公开01表 …); failing both, by the sheet's name. Its region runs from its
 * title/label to the next table's on the same sheet. Also reads the 部门 / 年度 / 单位 lines above the grid.
 */
import { D, type Dec } from '../decimal.ts';
import { ImportError, refuse } from './problems.ts';
import { textAt, type Sheet } from './workbook.ts';

export const TABLE_IDS = ['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07', 'T08', 'T09', 'T10'] as const;
export type TableId = (typeof TABLE_IDS)[number];

/** Titles as the Jiangxi forms print them, and the variants other provinces' software uses. */
export const TITLES: Record<TableId, string[]> = {
  T01: ['收入支出决算总表'],
  T02: ['收入决算表'],
  T03: ['支出决算表'],
  T04: ['财政拨款收入支出决算总表'],
  T05: ['一般公共预算财政拨款支出决算表'],
  T06: ['一般公共预算财政拨款基本支出决算表', '一般公共预算财政拨款基本支出决算明细表'],
  T07: ['政府性基金预算财政拨款收入支出决算表'],
  T08: ['国有资本经营预算财政拨款支出决算表'],
  T09: ['财政拨款“三公”经费支出决算表', '一般公共预算财政拨款“三公”经费支出决算表'],
  T10: ['国有资产占用情况表'],
};

export const labelOf = (id: TableId) => `公开${id.slice(1)}表`;
export const tableName = (id: TableId) => `${labelOf(id)}（${TITLES[id][0]}）`;

/** Text as compared: full-width forms folded (NFKC), no spaces, no quotation marks. */
export function norm(text: string): string {
  return text.normalize('NFKC').replace(/[\s“”"「」『』'‘’]/g, '');
}

const NORMALIZED_TITLES = TABLE_IDS.flatMap((id) => TITLES[id].map((t) => ({ id, title: norm(t) })));

/** The table a cell's text names as its title, if any. */
export function titleIn(text: string): TableId | undefined {
  let n = norm(text);
  if (!n || n.length > 60 || n.startsWith('注')) return undefined;
  n = n.replace(/[(][^()]*[)]$/, ''); // （按功能分类） after a title
  let best: { id: TableId; title: string } | undefined;
  for (const t of NORMALIZED_TITLES) {
    if (!n.endsWith(t.title) || (best && best.title.length >= t.title.length)) continue;
    const prefix = n.slice(0, n.length - t.title.length);
    // 江西省总工会2024年度收入决算表: a department and a year may come first; any other word would make
    // it another table (财政拨款支出决算表 is not 支出决算表).
    if (prefix === '' || /\d{4}年度?$/.test(prefix) || /(单位|部门)$/.test(prefix)) best = t;
  }
  return best?.id;
}

export function labelIn(text: string): TableId | undefined {
  const n = norm(text);
  if (n.length > 24) return undefined;
  const m = /公开0?(\d{1,2})表/.exec(n);
  if (!m) return undefined;
  const id = `T${m[1]!.padStart(2, '0')}` as TableId;
  return TABLE_IDS.includes(id) ? id : undefined;
}

export interface Region {
  id: TableId;
  sheet: Sheet;
  /** First and last sheet rows of the table (title … notes). */
  top: number;
  bottom: number;
}

export interface TableMeta {
  department?: string;
  year?: number;
  /** 元 → 万元 needs dividing by 10000. */
  scale?: Dec;
  unit: string;
}

const SCAN_COLUMNS = 40;

interface Anchor {
  id: TableId;
  row: number;
  col: number;
  how: 'title' | 'label' | 'sheet';
}

/** Every table's region; refuses a workbook that lacks one or has one twice. */
export function locateTables(sheets: Sheet[]): Map<TableId, Region> {
  const occurrences: { id: TableId; sheet: Sheet; top: number; anchors: Anchor[] }[] = [];
  for (const sheet of sheets) {
    const anchors: Anchor[] = [];
    for (let r = 1; r <= sheet.rows; r++) {
      const line = sheet.cells.get(r);
      if (!line) continue;
      for (const [c, cell] of line) {
        if (c > SCAN_COLUMNS || cell.master || cell.value.kind !== 'text') continue;
        const title = titleIn(cell.value.value);
        if (title) anchors.push({ id: title, row: r, col: c, how: 'title' });
        const label = labelIn(cell.value.value);
        if (label) anchors.push({ id: label, row: r, col: c, how: 'label' });
      }
    }
    // A title and its label stand within a few rows of each other: one occurrence of the table.
    const here: { id: TableId; sheet: Sheet; top: number; anchors: Anchor[] }[] = [];
    for (const a of anchors.sort((x, y) => x.row - y.row || x.col - y.col)) {
      const last = here[here.length - 1];
      const previous = last?.anchors[last.anchors.length - 1];
      if (last && previous && a.row - previous.row <= 3) {
        if (last.id === a.id) {
          last.anchors.push(a);
          continue;
        }
        if (last.anchors.some((x) => x.how !== a.how)) {
          refuse(
            `工作表「${sheet.name}」第 ${previous.row} 行和第 ${a.row} 行的标题与表号不一致：一处是${tableName(last.id)}，一处是${tableName(a.id)}`,
          );
        }
      }
      here.push({ id: a.id, sheet, top: a.row, anchors: [a] });
    }
    if (!here.length) {
      const byName = titleIn(sheet.name) ?? labelIn(sheet.name);
      if (byName && sheet.rows > 0) here.push({ id: byName, sheet, top: 1, anchors: [{ id: byName, row: 1, col: 1, how: 'sheet' }] });
    }
    occurrences.push(...here);
  }

  const regions = new Map<TableId, Region>();
  const problems: string[] = [];
  for (const id of TABLE_IDS) {
    const found = occurrences.filter((o) => o.id === id);
    if (found.length > 1) {
      problems.push(
        `${tableName(id)}出现了 ${found.length} 次：${found.map((o) => `工作表「${o.sheet.name}」第 ${o.top} 行`).join('、')}；每张表只能有一份`,
      );
      continue;
    }
    const o = found[0];
    if (!o) continue;
    const onSheet = occurrences.filter((x) => x.sheet === o.sheet);
    const next = onSheet.filter((x) => x.top > o.top).map((x) => x.top);
    // The first table of a sheet owns the rows above its title (a 编制单位 line may stand there).
    const first = onSheet.every((x) => x.top >= o.top);
    regions.set(id, { id, sheet: o.sheet, top: first ? 1 : o.top, bottom: next.length ? Math.min(...next) - 1 : o.sheet.rows });
  }
  const missing = TABLE_IDS.filter((id) => !regions.has(id) && !problems.some((p) => p.startsWith(tableName(id))));
  if (missing.length) {
    problems.push(
      `工作簿中找不到${missing.map(tableName).join('、')}。每张表应有标题（如「${TITLES[missing[0]!][0]}」）或表号（如「${labelOf(missing[0]!)}」）；没有数据的表也应列出空表`,
    );
  }
  if (problems.length) throw new ImportError(problems);
  return regions;
}

/** 部门、年度、金额单位 from the lines between the title and the grid. */
export function readMeta(region: Region): TableMeta {
  const meta: TableMeta = { unit: '万元' };
  const { sheet } = region;
  // Two rows above the title too: in a stacked sheet the 编制单位 line may stand just above it.
  for (let r = Math.max(1, region.top - 2); r <= Math.min(region.bottom, region.top + 8); r++) {
    const line = sheet.cells.get(r);
    if (!line) continue;
    const cols = [...line.keys()].sort((a, b) => a - b);
    for (const c of cols) {
      const text = textAt(sheet, r, c).normalize('NFKC').trim();
      if (!text || line.get(c)!.master) continue;
      const unit = /^(?:金额)?单位[:：]\s*(万元|元|千元)\s*$/.exec(text);
      if (unit) {
        meta.unit = unit[1]!;
        if (unit[1] === '元') meta.scale = D('10000');
        if (unit[1] === '千元') meta.scale = D('10');
        continue;
      }
      const dept = /^(?:编制单位|填报单位|单位名称|部门名称|部门|单位)[:：]\s*(.*)$/.exec(text);
      if (dept && !/^(万元|元|千元|台、辆、套|台、辆)/.test(dept[1]!)) {
        const rest = dept[1]!.trim();
        const value =
          rest ||
          cols
            .filter((x) => x > c)
            .map((x) => textAt(sheet, r, x).trim())
            .find((t) => t) ||
          '';
        if (value && !meta.department) meta.department = value.replace(/[（(]本级[)）]$/, '');
        continue;
      }
      const year = /(?:^|[^\d])(\d{4})\s*年度?(?:$|[^\d月])/.exec(text);
      if (year && meta.year === undefined && (titleIn(text) || /^\d{4}\s*年度?$/.test(text) || /决算/.test(text)))
        meta.year = Number.parseInt(year[1]!, 10);
    }
  }
  return meta;
}
