/**
 * The two performance forms as TableSpecs: 项目支出绩效自评表 (one per published project) and 部门评价表.
 * Indicator groups span the rows of their indicators, as on the paper forms.
 */
import { normalizeComparators } from '../calc/comparators.ts';
import type { DepartmentEvaluationCalc, IndicatorCalc, ProjectCalc, YearCalc } from '../calc/index.ts';
import type { Dec } from '../decimal.ts';
import { checkContextUsed, dataText, entry, renderEntries } from './narrative.ts';
import { grid, percentCell, plain, text, empty, type Cell, type TableSpec } from './table-spec.ts';

/** The forms' titles and fixed sentences (templates/forms.hbs), for one project. */
function formTexts(year: number, project: string) {
  const context = { year, project: dataText(project) };
  const entries = renderEntries('forms', context);
  checkContextUsed(['forms.hbs'], context);
  return (key: string) => entry(entries, key, 'forms').join('');
}

interface GridLine {
  l1: IndicatorCalc;
  /** null: a 一级 indicator without 二级 ones. */
  l2: IndicatorCalc | null;
  /** null: a 二级 indicator without 三级 ones. */
  leaf: IndicatorCalc | null;
  /** The first grid row of its 一级 / 二级 indicator, where the spanning cell starts. */
  firstL1: boolean;
  firstL2: boolean;
}

/** The indicator tree as grid rows: one per 三级 indicator, and one for a group with none. */
function* indicatorGrid(roots: readonly IndicatorCalc[]): Generator<GridLine> {
  for (const l1 of roots) {
    let firstL1 = true;
    for (const l2 of l1.children.length ? l1.children : [null]) {
      let firstL2 = true;
      for (const leaf of l2 && l2.children.length ? l2.children : [null]) {
        yield { l1, l2, leaf, firstL1, firstL2 };
        firstL1 = false;
        firstL2 = false;
      }
    }
  }
}

/** How many grid rows a node takes: one per indicator, and one for a group with no indicators. */
function rowsOf(node: IndicatorCalc): number {
  return node.children.length ? node.children.reduce((n, c) => n + rowsOf(c), 0) : 1;
}

const scoreCell = (v: Dec | null, opts: Omit<Cell, 'value'> = {}) => plain(v, opts);

// ─── 项目支出绩效自评表: 9 columns ─────────────────────────────────────────────────────────────────
// [label | 一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施]

export function selfEvaluationTable(calc: YearCalc, p: ProjectCalc): TableSpec {
  const texts = formTexts(calc.year, p.name);
  const f = p.funding;
  const rows: { kind: 'line' | 'header' | 'total'; cells: Cell[] }[] = [];
  rows.push({ kind: 'line', cells: [text('项目名称', { colSpan: 2, align: 'center' }), text(p.name, { colSpan: 7 })] });
  rows.push({
    kind: 'line',
    cells: [
      text('主管部门', { colSpan: 2, align: 'center' }),
      text(p.supervisor ?? calc.department, { colSpan: 3 }),
      text('实施单位', { colSpan: 2, align: 'center' }),
      text(p.implementer ?? '', { colSpan: 2 }),
    ],
  });
  rows.push({
    kind: 'line',
    cells: [
      text('项目资金（万元）', { rowSpan: 5, align: 'center' }),
      empty({ colSpan: 2 }),
      text('年初预算数', { align: 'center' }),
      text('全年预算数A', { align: 'center' }),
      text('全年执行数B', { align: 'center' }),
      text('分值', { align: 'center' }),
      text('执行率', { align: 'center' }),
      text('得分', { align: 'center' }),
    ],
  });
  const fundRow = (label: string, r: { initial: Dec | null; full_year: Dec | null; executed: Dec | null }) => [
    text(label, { colSpan: 2 }),
    plain(r.initial),
    plain(r.full_year),
    plain(r.executed),
  ];
  rows.push({
    kind: 'line',
    cells: [
      ...fundRow('年度资金总额', f.total),
      scoreCell(p.executionWeight),
      percentCell(p.executionRate),
      scoreCell(p.executionScore.toDecimalPlaces(2)),
    ],
  });
  // 分值/执行率/得分 apply to the total only; the form marks them “—” on each source line.
  for (const [label, r] of [
    ['其中：当年财政拨款', f.current],
    ['上年结转资金', f.carryover],
    ['其他资金', f.other],
  ] as const) {
    rows.push({ kind: 'line', cells: [...fundRow(label, r), text('—', { colSpan: 3, align: 'center' })] });
  }
  rows.push({
    kind: 'line',
    cells: [
      text('年度总体目标', { rowSpan: 2, align: 'center' }),
      text('预期目标', { colSpan: 4, align: 'center' }),
      text('实际完成情况', { colSpan: 4, align: 'center' }),
    ],
  });
  rows.push({ kind: 'line', cells: [text(p.goal?.expected ?? '', { colSpan: 4 }), text(p.goal?.actual ?? '', { colSpan: 4 })] });

  const indicatorRows = p.indicators.reduce((n, c) => n + rowsOf(c), 0);
  rows.push({
    kind: 'header',
    cells: [
      text('绩效指标', { rowSpan: indicatorRows + 1, align: 'center' }),
      ...['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'].map((t) =>
        text(t, { align: 'center' }),
      ),
    ],
  });
  for (const { l1, l2, leaf, firstL1, firstL2 } of indicatorGrid(p.indicators)) {
    const cells: Cell[] = [];
    if (firstL1) cells.push(text(l1.name, { rowSpan: rowsOf(l1), align: 'center' }));
    if (firstL2) cells.push(l2 ? text(l2.name, { rowSpan: rowsOf(l2), align: 'center' }) : empty());
    if (leaf) {
      cells.push(
        text(leaf.name),
        text(normalizeComparators(leaf.target ?? ''), { align: 'center' }),
        text(normalizeComparators(leaf.actual ?? ''), { align: 'center' }),
        scoreCell(leaf.weight),
        scoreCell(leaf.score),
        text(leaf.note ?? ''),
      );
    } else {
      cells.push(empty(), empty(), empty(), empty(), empty(), empty());
    }
    rows.push({ kind: 'line', cells });
  }
  rows.push({
    kind: 'total',
    cells: [text('总分', { colSpan: 6, align: 'center' }), scoreCell(p.totalWeight), scoreCell(p.score.toDecimalPlaces(2)), empty()],
  });
  return {
    id: `self-evaluation:${p.name}`,
    title: texts('self-evaluation.title'),
    subtitle: texts('self-evaluation.subtitle'),
    orientation: 'portrait',
    columns: [
      { key: 'label', width: 6 },
      { key: 'level1', width: 9 },
      { key: 'level2', width: 9 },
      { key: 'level3', width: 22 },
      { key: 'target', width: 12 },
      { key: 'actual', width: 12 },
      { key: 'weight', width: 6 },
      { key: 'score', width: 6 },
      { key: 'note', width: 12 },
    ],
    header: [],
    body: grid(9, rows),
    notes: [],
    fontSize: 8,
  };
}

// ─── 部门评价表: 7 columns [一级 | 分值 | 二级 | 分值 | 三级 | 分值 | 得分] ──────────────────────────────

export function departmentEvaluationTable(
  calc: YearCalc,
  e: DepartmentEvaluationCalc,
  form: { implementer: string; leader?: string; phone?: string; type: 'recurring' | 'one_off' },
): TableSpec {
  const texts = formTexts(calc.year, e.projectName);
  const rows: { kind: 'line' | 'header' | 'total'; cells: Cell[] }[] = [];
  const label = (t: string, opts: Omit<Cell, 'value'> = {}) => text(t, { align: 'center', ...opts });
  rows.push({
    kind: 'line',
    cells: [
      label('主管部门'),
      text(calc.department, { colSpan: 2 }),
      label('项目实施单位', { colSpan: 2 }),
      text(form.implementer, { colSpan: 2 }),
    ],
  });
  rows.push({
    kind: 'line',
    cells: [
      label('项目负责人'),
      text(form.leader ?? '', { colSpan: 2 }),
      label('联系电话', { colSpan: 2 }),
      text(form.phone ?? '', { colSpan: 2 }),
    ],
  });
  const tick = (on: boolean) => (on ? '（ √ ）' : '（ ）');
  rows.push({
    kind: 'line',
    cells: [
      label('项目类型'),
      text(`经常性项目${tick(form.type === 'recurring')} 一次性项目${tick(form.type === 'one_off')}`, { colSpan: 6 }),
    ],
  });
  rows.push({
    kind: 'line',
    cells: [
      label('计划投资额', { rowSpan: 5 }),
      plain(e.planned, { rowSpan: 5 }),
      label('实际到位资金（万元）'),
      plain(e.received.total),
      label('实际使用情况'),
      plain(e.used.total, { colSpan: 2 }),
    ],
  });
  const sources: [string, 'central' | 'provincial' | 'local' | 'other'][] = [
    ['其中：中央财政', 'central'],
    ['省财政', 'provincial'],
    ['市县财政', 'local'],
    ['其他', 'other'],
  ];
  for (const [name, key] of sources) {
    rows.push({ kind: 'line', cells: [label(name), plain(e.received[key]), label(name), plain(e.used[key], { colSpan: 2 })] });
  }
  rows.push({ kind: 'line', cells: [text(texts('department-evaluation.scores'), { colSpan: 7, bold: true })] });
  rows.push({ kind: 'header', cells: ['一级指标', '分值', '二级指标', '分值', '三级指标', '分值', '得分'].map((t) => label(t)) });
  for (const { l1, l2, leaf, firstL1, firstL2 } of indicatorGrid(e.indicators)) {
    const cells: Cell[] = [];
    const span = rowsOf(l1);
    if (firstL1) cells.push(label(l1.name, { rowSpan: span }), scoreCell(l1.weight, { rowSpan: span }));
    if (firstL2) {
      const s2 = l2 ? rowsOf(l2) : 1;
      cells.push(l2 ? label(l2.name, { rowSpan: s2 }) : empty(), l2 ? scoreCell(l2.weight, { rowSpan: s2 }) : empty());
    }
    if (leaf) cells.push(text(leaf.name), scoreCell(leaf.weight), scoreCell(leaf.score));
    else cells.push(label('无'), empty(), empty());
    rows.push({ kind: 'line', cells });
  }
  rows.push({
    kind: 'total',
    cells: [
      label('总分'),
      scoreCell(e.totalWeight),
      empty(),
      scoreCell(e.totalWeight),
      empty(),
      scoreCell(e.totalWeight),
      scoreCell(e.score),
    ],
  });
  const grades = (['优', '良', '中', '差'] as const).map((g) => `${g}${e.grade === g ? '（ √ ）' : '（ ）'}`).join('  ');
  rows.push({ kind: 'line', cells: [label('评价等次'), text(grades, { colSpan: 6 })] });
  rows.push({ kind: 'line', cells: [text(texts('department-evaluation.legend'), { colSpan: 7 })] });
  return {
    id: `department-evaluation:${e.projectName}`,
    title: texts('department-evaluation.title'),
    subtitle: texts('department-evaluation.subtitle'),
    orientation: 'portrait',
    columns: [
      { key: 'level1', width: 12 },
      { key: 'w1', width: 7 },
      { key: 'level2', width: 14 },
      { key: 'w2', width: 7 },
      { key: 'level3', width: 30 },
      { key: 'w3', width: 7 },
      { key: 'score', width: 7 },
    ],
    header: [],
    body: grid(7, rows),
    notes: [],
    fontSize: 9,
  };
}
