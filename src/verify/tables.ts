/**
 * Each table of the model found in the PDF and read cell by cell. Tables are looked for in the order of
 * the document: a table starts at the first ruled grid, after the previous table, with the table's
 * title printed above it; it continues on the next pages (the header rows repeated) until all its rows
 * are read. The grid's rows and columns are then matched one to one with the spec's, and every cell's
 * printed text is compared with the text the model gives it (model/format.ts cellText).
 */
import { D } from '../decimal.ts';
import { cellText } from '../model/format.ts';
import type { CellData, TableData, TableRowData } from '../model/report.ts';
import type { CellValue } from '../model/table-spec.ts';
import { centre, findGrids, type Grid } from './grid.ts';
import { lines, type PdfFile, type PdfPage } from './pdf.ts';
import { squash, type Finding } from './finding.ts';

/** What a cell of the model prints, from its JSON form (decimals as exact strings). */
export function dataCellText(value: CellData['value']): string {
  const v = value as { kind: string; value?: unknown };
  if ((v.kind === 'amount' || v.kind === 'plain' || v.kind === 'percent') && typeof v.value === 'string') {
    return cellText({ ...v, value: D(v.value) } as CellValue);
  }
  return cellText(value as CellValue);
}

/** A body cell as printed, for the sums and the narrative figures. */
export interface PrintedCell {
  tableId: string;
  /** The model's cell reference (row key, column key, labels, figure), when it has one. */
  row: string;
  column: string;
  rowLabel: string;
  columnLabel: string;
  /** The spec column the cell starts in. */
  col: number;
  figure?: string;
  /** The text in the PDF (whitespace removed) and what the model says. */
  text: string;
  expected: string;
  /** Whether the model's figure has more places than printed (so the printed figure is rounded). */
  rounded: boolean;
  page: PdfPage;
}

export interface TableResult {
  table: TableData;
  /** Display name: 公开04表, or the title of a form. */
  name: string;
  found: boolean;
  pages: PdfPage[];
  cells: number;
  printed: PrintedCell[];
}

/** Where the search stands: the page, and the bottom of the last table read on it. */
interface Cursor {
  page: number;
  below: number;
}

export class TableReader {
  private grids = new Map<number, Promise<Grid[]>>();
  constructor(private pdf: PdfFile) {}

  gridsOf(page: PdfPage): Promise<Grid[]> {
    let g = this.grids.get(page.index);
    if (!g) {
      g = this.pdf.rules(page).then((rules) => findGrids(page.index, rules, page.runs));
      this.grids.set(page.index, g);
    }
    return g;
  }

  /**
   * Reads the tables in order. Returns one result per table (found or not) and the findings. The
   * cursor only moves past tables that were found, so one missing table does not hide the next.
   */
  async readAll(tables: { table: TableData; name: string }[], findings: Finding[]): Promise<TableResult[]> {
    const results: TableResult[] = [];
    let cursor: Cursor = { page: 0, below: -Infinity };
    let previous: string | undefined;
    for (const { table, name } of tables) {
      const start = await this.locate(table, cursor);
      if (!start) {
        findings.push({ where: name, message: `PDF 中没有找到这张表（标题「${table.title}」${previous ? `，应在${previous}之后` : ''}）` });
        results.push({ table, name, found: false, pages: [], cells: 0, printed: [] });
        continue;
      }
      const result = await this.read(table, name, start, findings);
      results.push(result);
      const last = result.pages[result.pages.length - 1]!;
      cursor = { page: last.index - 1, below: result.bottom };
      previous = name;
    }
    return results;
  }

  /** The first grid at or after the cursor with the table's title printed above it. */
  private async locate(table: TableData, cursor: Cursor): Promise<{ page: PdfPage; grid: Grid } | undefined> {
    const title = squash(table.title);
    for (let p = cursor.page; p < this.pdf.pages.length; p++) {
      const page = this.pdf.pages[p]!;
      if (!squash(page.text).includes(title)) continue;
      let above = p === cursor.page ? cursor.below : -Infinity;
      for (const grid of await this.gridsOf(page)) {
        if (grid.top <= above) continue;
        if (hasTitleLine(page, above, grid.top, title)) return { page, grid };
        above = grid.bottom;
      }
    }
    return undefined;
  }

  private async read(
    table: TableData,
    name: string,
    start: { page: PdfPage; grid: Grid },
    findings: Finding[],
  ): Promise<TableResult & { bottom: number }> {
    const result: TableResult & { bottom: number } = {
      table,
      name,
      found: true,
      pages: [],
      cells: 0,
      printed: [],
      bottom: start.grid.bottom,
    };
    const labels = new Labels(table);
    const headerRows = table.header.length;

    // What is printed above the grid: title, subtitle, 公开NN表, the 部门/年度/单位 line.
    const head = squash(textBetween(start.page, -Infinity, start.grid.top));
    const expectedHead = [table.subtitle, table.label, table.meta?.left, table.meta?.center, table.meta?.right].filter(
      (t): t is string => !!t,
    );
    for (const t of expectedHead) {
      if (!head.includes(squash(t))) findings.push({ page: start.page, where: name, message: `表格上方缺少「${t}」` });
    }

    let next = 0; // the next body row to read
    let page = start.page;
    let grid: Grid | undefined = start.grid;
    while (grid) {
      result.pages.push(page);
      result.bottom = grid.bottom;
      if (grid.cols !== table.columns.length) {
        findings.push({ page, where: name, message: `表格为 ${grid.cols} 栏，数据为 ${table.columns.length} 栏（无法逐格核对本页）` });
      } else {
        const available = grid.rows - headerRows;
        const rows: [TableRowData, string][] = [
          ...table.header.map((r): [TableRowData, string] => [r, 'header']),
          ...table.body.slice(next, next + available).map((r, i): [TableRowData, string] => [r, `body:${next + i}`]),
        ];
        if (available > table.body.length - next) {
          findings.push({ page, where: name, message: `本页表格多出 ${available - (table.body.length - next)} 行，数据中没有` });
        }
        this.compareRows(table, name, labels, grid, page, rows, result, findings);
        next += Math.max(available, 0);
      }
      if (next >= table.body.length) break;
      // The table goes on: the first grid of the next page, its header repeated.
      const following = this.pdf.pages[page.index];
      grid = following ? (await this.gridsOf(following))[0] : undefined;
      if (!grid || !following || !this.continues(table, following, grid)) {
        findings.push({ page, where: name, message: `只印出了 ${next} 行，数据有 ${table.body.length} 行` });
        break;
      }
      page = following;
    }

    // The notes under the table (they may run onto the next page).
    if (table.notes.length) {
      const last = result.pages[result.pages.length - 1]!;
      const after = this.pdf.pages[last.index];
      const below = squash(textBetween(last, result.bottom, Infinity)) + squash(after?.text ?? '');
      for (const note of table.notes) {
        if (!below.includes(squash(note)))
          findings.push({ page: last, where: name, message: `表格下方的注释与数据不符或缺失：数据为「${note}」` });
      }
    }
    return result;
  }

  /**
   * Whether the first grid of a page carries on the table: its first header row reads as the table's
   * (the header is repeated on every page); a table without header rows may only be preceded by a short
   * line such as 「（续）」.
   */
  private continues(table: TableData, page: PdfPage, grid: Grid): boolean {
    const first = table.header[0];
    if (!first) return squash(textBetween(page, -Infinity, grid.top)).length < 30;
    if (grid.cols !== table.columns.length) return false;
    return first.cells.every((cell, c) => !cell || grid.at(0, c).text === squash(dataCellText(cell.value)));
  }

  private compareRows(
    table: TableData,
    name: string,
    labels: Labels,
    grid: Grid,
    page: PdfPage,
    rows: [TableRowData, string][],
    result: TableResult,
    findings: Finding[],
  ) {
    rows.forEach(([row, key], r) => {
      row.cells.forEach((cell, c) => {
        if (!cell) return;
        const rs = Math.min(cell.rowSpan ?? 1, rows.length - r);
        const cs = cell.colSpan ?? 1;
        const where = `${name} ${labels.place(row, key, c)}`;
        const printed = grid.at(r, c);
        result.cells++;
        if (printed.r0 !== r || printed.c0 !== c) {
          findings.push({ page, where, message: `此格在 PDF 中与相邻单元格合并在一起（「${printed.text}」）` });
          return;
        }
        const expected = squash(dataCellText(cell.value));
        if (printed.text !== expected) {
          findings.push({ page, where, message: `PDF 中为${show(printed.text)}，数据为${show(expected)}` });
        } else if (printed.r1 !== r + rs - 1 || printed.c1 !== c + cs - 1) {
          findings.push({
            page,
            where,
            message: `合并范围与数据不同：PDF 中占 ${printed.r1 - printed.r0 + 1} 行 ${printed.c1 - printed.c0 + 1} 栏，数据为 ${rs} 行 ${cs} 栏`,
          });
        }
        if (key !== 'header' && cell.ref) {
          result.printed.push({
            tableId: table.id,
            row: cell.ref.row,
            column: cell.ref.column,
            rowLabel: cell.ref.rowLabel,
            columnLabel: cell.ref.columnLabel,
            col: c,
            ...(cell.ref.figure ? { figure: cell.ref.figure } : {}),
            text: printed.text,
            expected,
            rounded: isRounded(cell.value),
            page,
          });
        }
      });
    });
  }
}

/** A figure with more than two places (1644.0035) prints rounded; its printed sums may be a cent off. */
function isRounded(value: CellData['value']): boolean {
  const v = value as { kind: string; value?: unknown };
  return v.kind === 'amount' && typeof v.value === 'string' && D(v.value).decimalPlaces() > 2;
}

/** 「1,234.56」, or （空白） for an empty cell. */
export const show = (text: string) => (text ? `「${text}」` : '（空白）');

/**
 * Whether the title stands as a line of its own between two heights (or across two lines, when a long
 * title wraps): a sentence of the narrative that names the table does not count.
 */
function hasTitleLine(page: PdfPage, top: number, bottom: number, title: string): boolean {
  const texts = lines(page.runs.filter((r) => centre(r)[1] > top && centre(r)[1] < bottom)).map((l) =>
    squash(l.map((r) => r.text).join('')),
  );
  return texts.some((t, i) => t === title || t + (texts[i + 1] ?? '') === title);
}

/** The page's text between two heights (runs whose middle lies strictly between them). */
function textBetween(page: PdfPage, top: number, bottom: number): string {
  return page.runs
    .filter((r) => {
      const y = centre(r)[1];
      return y > top && y < bottom;
    })
    .map((r) => r.text)
    .join('');
}

/** How a finding names a cell: 「2012901 行政运行 行 本年收入合计 栏」, 「表头 第 2 行 第 3 栏」. */
class Labels {
  private columns: string[];
  constructor(table: TableData) {
    this.columns = table.columns.map((_, c) => {
      let label = '';
      for (const row of table.header) {
        // The header cell covering column c in this row (it may start to the left of c).
        for (let k = c; k >= 0; k--) {
          const cell = row.cells[k];
          if (!cell) continue;
          if (k + (cell.colSpan ?? 1) > c) {
            const t = dataCellText(cell.value);
            if (t && !/^(\d+|栏次|行次)$/.test(t)) label = t;
          }
          break;
        }
      }
      return label;
    });
  }

  place(row: TableRowData, key: string, c: number): string {
    if (key === 'header') return `表头「${dataCellText(row.cells[c]!.value)}」格`;
    const i = Number(key.slice('body:'.length));
    const ref = row.cells[c]?.ref;
    const rowLabel = ref?.rowLabel ?? row.cells.find((x) => x?.ref)?.ref?.rowLabel ?? this.firstText(row) ?? `第 ${i + 1} 行`;
    const column = ref?.columnLabel ?? this.columns[c] ?? '';
    return `${rowLabel} 行 ${column ? `${column} 栏` : `第 ${c + 1} 栏`}`;
  }

  private firstText(row: TableRowData): string | undefined {
    for (const cell of row.cells) {
      if (!cell) continue;
      const t = dataCellText(cell.value);
      if (t) return t.length > 18 ? `${t.slice(0, 16)}…` : t;
    }
    return undefined;
  }
}
