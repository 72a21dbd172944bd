/**
 * DocumentModel → the plain view object the web edition's templates (templates/html/) lay out. Nothing
 * here writes markup: it decides what each piece is (a heading of which level, a header cell or a data
 * cell, which cells stay visible while a table scrolls) and hands over final text; the templates hold
 * every tag and Handlebars escapes every value. The one exception is a chart's SVG, produced by the
 * chart library with its labels escaped (chart-svg.ts).
 */
import { D } from '../../decimal.ts';
import type { Block, ChartData, DocumentModel, TextRun } from '../../model/document.ts';
import { cellText, tableAmount } from '../../model/format.ts';
import type { TableRow, TableSpec } from '../../model/table-spec.ts';
import { tocText } from '../toc-text.ts';
import { chartSvg } from './chart-svg.ts';

export interface PageView {
  title: string;
  description: string;
  author: string;
  keywords: string;
  date: string;
  cover?: { lines: string[]; sublines: string[] };
  toc?: { title: string; groups: TocGroup[] };
  sections: SectionView[];
}

interface TocGroup {
  href?: string;
  text?: string;
  entries: { href: string; text: string }[];
}

interface SectionView {
  id?: string;
  part?: { id: string; text: string; level: number };
  blocks: BlockView[];
}

type BlockView =
  | { title: { id: string; level: number; lines: string[]; newPage: boolean } }
  | { heading: { id: string; level: number; text: string } }
  | { paragraph: { className: string; runs: RunView[] } }
  | { table: TableView }
  | { charts: ChartView[] }
  | { pageBreak: true };

interface RunView {
  text: string;
  removed?: boolean;
  added?: boolean;
}

export interface TableView {
  id: string;
  titleId: string;
  level: number;
  label?: string;
  title: string;
  subtitle?: string;
  meta?: { left: string; center: string; right: string };
  /** Read by screen readers with the grid: label, title, subtitle and unit in one line. */
  caption: string;
  className: string;
  /**
   * Column widths as percentages: on screen with the label columns narrowed for phones (`width`), on
   * paper in the spec's own proportions (`print`), as the PDF has them. And the width below which the
   * box scrolls (em).
   */
  columns: { width: string; print: string }[];
  minWidth: string;
  head: RowView[];
  body: RowView[];
  notes: string[];
}

interface RowView {
  className: string;
  cells: CellView[];
}

interface CellView {
  header: boolean;
  scope?: 'col' | 'colgroup' | 'row' | 'rowgroup';
  colspan?: number;
  rowspan?: number;
  className: string;
  /** Sticky offset of a label cell (em). */
  left?: string;
  text: string;
}

interface ChartView {
  id: string;
  number: number;
  title: string;
  captionId: string;
  dataId: string;
  svg: string;
  width: number;
  height: number;
  unit: string;
  share: boolean;
  compare: boolean;
  series?: [string, string];
  rows: { label: string; value: string; share?: string; prior?: string }[];
  missingPrior: string[];
}

const NUMERIC = new Set(['amount', 'plain', 'percent', 'count']);

/** Element ids: the block's own when it is a plain ASCII name, else one made from its position. */
function anchorOf(block: Block, index: number, used: Set<string>): string {
  const own = 'id' in block ? block.id : '';
  let id = /^[A-Za-z][A-Za-z0-9._-]*$/.test(own) ? own : `block-${index}`;
  for (let n = 2; used.has(id); n++) id = `${own || 'block'}-${n}`;
  used.add(id);
  return id;
}

function runsOf(block: Extract<Block, { kind: 'paragraph' }>): RunView[] {
  const runs: readonly TextRun[] = block.runs?.length ? block.runs : [{ text: block.text }];
  return runs.map((r) => ({
    text: r.text,
    ...(r.mark === 'removed' ? { removed: true } : {}),
    ...(r.mark === 'added' ? { added: true } : {}),
  }));
}

/**
 * Header cells of the grid: every cell of the header rows, and in the body the label cells a row starts
 * with (the text before its first figure; in a form, which has no header rows, the row's first cell).
 * Cells lying wholly in the label columns stay in view while the table scrolls sideways (`left`).
 */
function rowView(row: TableRow, inHead: boolean, form: boolean, stickyLeft: readonly string[]): RowView {
  const firstFigure = row.cells.findIndex((c) => c !== null && NUMERIC.has(c.value.kind));
  let firstCell = true;
  const cells: CellView[] = [];
  row.cells.forEach((cell, col) => {
    if (!cell) return;
    const text = cellText(cell.value);
    const numeric = NUMERIC.has(cell.value.kind);
    const label = !numeric && text !== '' && (form || firstFigure === -1 ? firstCell : col < firstFigure);
    firstCell = false;
    const header = inHead || label;
    const span = cell.colSpan ?? 1;
    const align = cell.align ?? (numeric ? 'right' : 'left');
    const left = col + span <= stickyLeft.length ? stickyLeft[col] : undefined;
    const classes = [
      numeric ? 'num' : '',
      // Codes and line numbers (行次 27) never break inside.
      cell.value.kind === 'code' || (!numeric && /^\d+$/.test(text)) ? 'code' : '',
      align === 'left' ? '' : align === 'center' ? 'c' : 'r',
      cell.bold ? 'b' : '',
      cell.indent ? `i${Math.min(cell.indent, 4)}` : '',
      left !== undefined ? 'stick' : '',
      text.includes('\n') ? 'pre' : '',
    ].filter(Boolean);
    cells.push({
      header,
      ...(header ? { scope: inHead ? (span > 1 ? 'colgroup' : 'col') : 'row' } : {}),
      ...(span > 1 ? { colspan: span } : {}),
      ...((cell.rowSpan ?? 1) > 1 ? { rowspan: cell.rowSpan } : {}),
      className: classes.join(' '),
      ...(left !== undefined ? { left } : {}),
      text,
    });
  });
  return { className: row.kind, cells };
}

/** Width of a relative width unit on a narrow screen, and the most a label column may take there (em). */
const EM_PER_UNIT = 0.55;
const LABEL_MAX_EM = 9;

function tableView(spec: TableSpec, id: string, level: number): TableView {
  const form = spec.header.length === 0;
  // The label columns (公开表: the code and name columns; otherwise the first) stay in view on a phone.
  // Forms mix spans across their first columns too much for that, so they simply scroll.
  const frozen = form ? 0 : (spec.frozenColumns ?? 1);
  const caption = [spec.label, spec.title, spec.subtitle, spec.meta?.right].filter(Boolean).join(' ');
  // Layout arithmetic only (no figure): the spec's relative widths, label columns narrowed for phones.
  const em = spec.columns.map((c, i) => (i < frozen ? Math.min(c.width * EM_PER_UNIT, LABEL_MAX_EM) : c.width * EM_PER_UNIT));
  const total = em.reduce((a, b) => a + b, 0);
  const specTotal = spec.columns.reduce((a, c) => a + c.width, 0);
  const stickyLeft = em.slice(0, frozen).map(
    (_, i) =>
      `${em
        .slice(0, i)
        .reduce((a, b) => a + b, 0)
        .toFixed(2)}em`,
  );
  return {
    id,
    titleId: `${id}-title`,
    level,
    ...(spec.label ? { label: spec.label } : {}),
    title: spec.title,
    ...(spec.subtitle ? { subtitle: spec.subtitle } : {}),
    ...(spec.meta ? { meta: spec.meta } : {}),
    caption,
    className: [spec.orientation === 'landscape' ? 'landscape' : 'portrait', form ? 'form' : 'grid'].join(' '),
    columns: em.map((w, i) => ({
      width: `${((w * 100) / total).toFixed(2)}%`,
      print: `${((spec.columns[i]!.width * 100) / specTotal).toFixed(2)}%`,
    })),
    minWidth: `${total.toFixed(2)}em`,
    head: spec.header.map((r) => rowView(r, true, form, stickyLeft)),
    body: spec.body.map((r) => rowView(r, false, form, stickyLeft)),
    notes: spec.notes,
  };
}

function chartView(chart: ChartData, number: number, id: string): ChartView {
  const { svg, width, height } = chartSvg(chart);
  return {
    id,
    number,
    title: chart.title,
    captionId: `${id}-caption`,
    dataId: `${id}-data`,
    svg,
    width,
    height,
    unit: chart.unit,
    share: chart.kind === 'share',
    compare: chart.kind === 'compare',
    ...(chart.series ? { series: chart.series } : {}),
    rows: chart.points.map((p) => ({
      label: p.label,
      value: tableAmount(D(p.value)),
      ...(p.share !== undefined ? { share: `${p.share}%` } : {}),
      ...(chart.kind === 'compare' ? { prior: p.prior === null || p.prior === undefined ? '上年无此数据' : tableAmount(D(p.prior)) } : {}),
    })),
    missingPrior: chart.kind === 'compare' ? chart.points.filter((p) => p.prior === null || p.prior === undefined).map((p) => p.label) : [],
  };
}

export function pageView(doc: DocumentModel): PageView {
  const used = new Set<string>(['main', 'toc']);
  const view: PageView = {
    title: doc.title,
    description: doc.subject,
    author: doc.author,
    keywords: doc.keywords.join(','),
    date: doc.date,
    sections: [],
  };
  const cover = doc.blocks.find((b) => b.kind === 'cover');
  // Headings nest under the page's h1 (the cover's title, or the document's first title): a part is
  // one level below it, a report title one below its part, and no heading skips a level.
  let partLevel = cover ? 2 : 1;
  let base = cover ? 1 : 0;
  let last = cover ? 1 : 0;
  const levelFor = (wanted: number) => Math.max(1, Math.min(wanted, last + 1, 6));
  const tocGroups: TocGroup[] = [];
  let section: SectionView = { blocks: [] };
  view.sections.push(section);
  let chartNumber = 0;

  doc.blocks.forEach((block, index) => {
    const id = block.kind === 'pageBreak' || block.kind === 'cover' || block.kind === 'toc' ? '' : anchorOf(block, index, used);
    const entry = tocText(block);
    if (entry !== undefined) {
      if (block.kind === 'part') tocGroups.push({ href: `#${id}`, text: entry, entries: [] });
      else {
        if (!tocGroups.length) tocGroups.push({ entries: [] });
        tocGroups.at(-1)!.entries.push({ href: `#${id}`, text: entry });
      }
    }
    switch (block.kind) {
      case 'cover':
        view.cover = { lines: block.title, sublines: block.lines };
        return;
      case 'toc':
        view.toc = { title: block.title, groups: tocGroups };
        return;
      case 'part':
        section = { id, part: { id: `${id}-title`, text: block.title, level: partLevel }, blocks: [] };
        view.sections.push(section);
        last = partLevel;
        base = partLevel;
        return;
      case 'title': {
        const level = levelFor(section.part ? partLevel + 1 : base + 1);
        section.blocks.push({ title: { id, level, lines: block.lines, newPage: block.newPage === true } });
        last = level;
        base = level;
        if (!cover && level === 1) partLevel = 2;
        return;
      }
      case 'heading': {
        const level = levelFor(base + block.level);
        section.blocks.push({ heading: { id, level, text: block.text } });
        last = level;
        return;
      }
      case 'paragraph': {
        const classes = [
          block.indent === false ? '' : 'indent',
          block.align && block.align !== 'left' ? `align-${block.align}` : '',
        ].filter(Boolean);
        section.blocks.push({ paragraph: { className: classes.join(' '), runs: runsOf(block) } });
        return;
      }
      case 'table':
        section.blocks.push({ table: tableView(block.table, id, levelFor(section.part ? partLevel + 1 : base + 1)) });
        return;
      case 'charts':
        section.blocks.push({
          charts: block.charts.map((chart) =>
            chartView(chart, (chartNumber += 1), anchorOf({ kind: 'charts', id: `chart-${chart.id}`, charts: [] }, index, used)),
          ),
        });
        return;
      case 'pageBreak':
        section.blocks.push({ pageBreak: true });
        return;
    }
  });
  if (!view.sections[0]!.blocks.length && view.sections.length > 1) view.sections.shift();
  return view;
}
