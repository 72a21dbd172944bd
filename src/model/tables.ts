/**
 * The ten 公开表 as TableSpecs, laid out like the published Jiangxi forms: titles, 公开NN表 labels,
 * 部门/年度/单位 line, multi-row headers, 栏次 rows and notes. Values come from the calc; nothing here adds.
 * Titles, the 部门/年度/单位 line and the notes are worded in templates/tables.hbs; the row and column
 * labels are the fixed structure of the forms.
 */
import type { YearCalc } from '../calc/index.ts';
import type { Rollup } from '../calc/rollup.ts';
import { ZERO, type Amount } from '../decimal.ts';
import { chineseNumber } from './format-labels.ts';
import { checkContextUsed, dataText, entry, renderEntries } from './narrative.ts';
import {
  amount,
  code,
  count,
  dash,
  empty,
  headerRows,
  row,
  text,
  type Cell,
  type CellRef,
  type TableRow,
  type TableSpec,
} from './table-spec.ts';

/** The worded parts of the tables (templates/tables.hbs). */
interface TableTexts {
  title(id: string): string;
  notes(id: string): string[];
  meta(unit?: 'amount' | 'count'): NonNullable<TableSpec['meta']>;
}

function tableTexts(calc: YearCalc): TableTexts {
  const context = { department: dataText(calc.department), year: calc.year };
  const entries = renderEntries('tables', context);
  checkContextUsed(['tables.hbs'], context);
  const get = (key: string) => entry(entries, key, 'tables');
  return {
    title: (id) => get(`${id}.title`).join(''),
    notes: (id) => get(`${id}.notes`),
    meta: (unit = 'amount') => ({
      left: get('meta.department').join(''),
      center: get('meta.year').join(''),
      right: get(unit === 'amount' ? 'meta.amountUnit' : 'meta.countUnit').join(''),
    }),
  };
}

const ref = (rowKey: string, column: string, rowLabel: string, columnLabel: string, figure?: string): CellRef => ({
  row: rowKey,
  column,
  rowLabel,
  columnLabel,
  ...(figure ? { figure } : {}),
});

/** 公开01 lines that show a comparable figure (the figure list in calc/figures.ts). */
const T01_FIGURES: Record<number, string> = {
  27: 'income_total',
  28: 'non_fiscal_surplus_used',
  29: 'opening_balance',
  58: 'expenditure_total',
  59: 'surplus_distribution',
  60: 'closing_balance',
};

// ─── Hierarchical tables (02, 03, 05, 07, 08): 类/款/项 code, name, figures ───────────────────────────

interface HierColumn<C extends string> {
  key: C;
  label: string;
}

/** Total-row cells of the hierarchical tables that are comparable figures. */
const TOTAL_FIGURES: Record<string, Record<string, string>> = {
  T03: { basic: 'basic_total', project: 'project_total' },
  T05: { basic: 'gp_basic' },
};

function hierarchicalBody<C extends string>(
  calc: YearCalc,
  data: Rollup<C>,
  columns: HierColumn<C>[],
  tableId: string,
  width: number,
): TableRow[] {
  const rows: TableRow[] = [];
  const cells = (values: Record<C, Amount>, rowKey: string, rowLabel: string) =>
    columns.map((c, i) =>
      amount(values[c.key], ref(rowKey, `c${i + 1}`, rowLabel, c.label, rowKey === 'total' ? TOTAL_FIGURES[tableId]?.[c.key] : undefined)),
    );
  rows.push(row('total', [text('合计', { colSpan: 4, align: 'center' }), ...cells(data.total, 'total', '合计')], width));
  for (const r of data.rows) {
    const name = calc.catalogue.functionalName(r.code) ?? '（未知科目）';
    rows.push(
      row(
        r.level,
        [
          code(r.code, { colSpan: 3 }),
          text(name, { indent: r.level === 'class' ? 0 : r.level === 'kuan' ? 1 : 2 }),
          ...cells(r.values, r.code, `${r.code} ${name}`),
        ],
        width,
      ),
    );
  }
  return rows;
}

/** 项目 | 支出功能分类科目编码 (类 款 项) | 科目名称, then one column per figure, then the 栏次 row. */
function hierarchicalHeader(figureHeaders: Cell[][], figureCount: number, headerDepth: number): TableRow[] {
  const width = 4 + figureCount;
  const depth = Math.max(headerDepth, 3);
  const first: Cell[] = [text('项目', { colSpan: 4 }), ...(figureHeaders[0] ?? [])];
  const second: Cell[] = [
    text('支出功能分类科目编码', { colSpan: 3 }),
    text('科目名称', { rowSpan: depth - 1 }),
    ...(figureHeaders[1] ?? []),
  ];
  const third: Cell[] = [text('类'), text('款'), text('项'), ...(figureHeaders[2] ?? [])];
  const lineNumbers: Cell[] = [text('栏次', { colSpan: 4 }), ...Array.from({ length: figureCount }, (_, i) => text(String(i + 1)))];
  return headerRows(width, [first, second, third, lineNumbers]);
}

function simpleFigureHeaders(labels: string[]): Cell[][] {
  return [labels.map((l) => text(l, { rowSpan: 3 }))];
}

function hierarchicalTable<C extends string>(
  calc: YearCalc,
  texts: TableTexts,
  spec: { id: string; no: string; data: Rollup<C>; columns: HierColumn<C>[]; headers?: Cell[][]; orientation?: 'portrait' | 'landscape' },
): TableSpec {
  const width = 4 + spec.columns.length;
  const figureWidth = spec.columns.length > 4 ? 12 : 16;
  return {
    id: spec.id,
    label: `公开${spec.no}表`,
    title: texts.title(spec.id),
    meta: texts.meta(),
    orientation: spec.orientation ?? (spec.columns.length > 3 ? 'landscape' : 'portrait'),
    columns: [
      { key: 'class', width: 5 },
      { key: 'kuan', width: 5 },
      { key: 'item', width: 5 },
      { key: 'name', width: 26 },
      ...spec.columns.map((c, i) => ({ key: `c${i + 1}`, width: figureWidth + (c.label.length > 8 ? 1 : 0) })),
    ],
    header: hierarchicalHeader(spec.headers ?? simpleFigureHeaders(spec.columns.map((c) => c.label)), spec.columns.length, 3),
    body: hierarchicalBody(calc, spec.data, spec.columns, spec.id, width),
    notes: texts.notes(spec.id),
    sheetName: `公开${spec.no}表`,
    frozenColumns: 4,
  };
}

// ─── 公开01 and 公开04: two-sided totals tables ─────────────────────────────────────────────────────
// Income lines on the left (行次 1…), expenditure by 功能分类 类 on the right (行次 continuing after the
// left side's last line), one or several amount columns on the right.

type Line<V> = [label: string, value: V | undefined];

const isTotalLabel = (l: string) => l === '总计' || l.endsWith('合计');
const labelCell = (l: string) => text(l, { bold: isTotalLabel(l), align: isTotalLabel(l) ? 'center' : 'left' });
const blank = (n: number): Line<never>[] => Array.from({ length: n }, (): Line<never> => ['', undefined]);
/** 公开01/04's expenditure side: every 类 of the year's catalogue, numbered 一、二、… */
const classLines = <V>(calc: YearCalc, value: (code: string) => V): Line<V>[] =>
  calc.catalogue.statementClasses.map((c, i) => [`${chineseNumber(i + 1)}、${c.name}`, value(c.code)]);

function twoSidedBody<R>(
  left: Line<Amount>[],
  leftFigures: Record<number, string>,
  right: Line<R>[],
  rightCells: (value: R | undefined, line: number, label: string) => Cell[],
  width: number,
): TableRow[] {
  const firstRight = left.length + 1;
  return left.map(([label, value], i) => {
    const [rLabel, rValue] = right[i]!;
    const lineL = i + 1;
    const lineR = i + firstRight;
    return row(
      isTotalLabel(label) || isTotalLabel(rLabel) ? 'total' : 'line',
      [
        labelCell(label),
        text(String(lineL), { align: 'center' }),
        value === undefined ? empty() : amount(value, ref(`r${lineL}`, 'c1', label, '金额', leftFigures[lineL])),
        labelCell(rLabel),
        text(String(lineR), { align: 'center' }),
        ...rightCells(rValue, lineR, rLabel),
      ],
      width,
    );
  });
}

function t01(calc: YearCalc, texts: TableTexts): TableSpec {
  const t = calc.totals;
  const s = calc.incomeBySource;
  const left: Line<Amount>[] = [
    ['一、一般公共预算财政拨款收入', s.general],
    ['二、政府性基金预算财政拨款收入', s.gov_fund],
    ['三、国有资本经营预算财政拨款收入', s.state_capital],
    ['四、上级补助收入', s.superior],
    ['五、事业收入', s.business],
    ['六、经营收入', s.operating],
    ['七、附属单位上缴收入', s.affiliated],
    ['八、其他收入', s.other],
    ...blank(18),
    ['本年收入合计', t.incomeTotal],
    ['使用非财政拨款结余（含专用结余）', t.nonFiscalSurplusUsed],
    ['年初结转和结余', t.opening],
    ['', undefined],
    ['总计', t.incomeGrandTotal],
  ];
  const right: Line<Amount>[] = [
    ...classLines(calc, (code) => t.expenditureByClass.get(code) ?? null),
    ['本年支出合计', t.expenditureTotal],
    ['结余分配', t.surplusDistribution],
    ['年末结转和结余', t.closing],
    ['', undefined],
    ['总计', t.expenditureGrandTotal],
  ];
  const width = 6;
  const classFigure = (line: number) => (line <= 57 ? `expenditure_class.${calc.catalogue.statementClasses[line - 32]!.code}` : undefined);
  const body = twoSidedBody(
    left,
    T01_FIGURES,
    right,
    (v, line, label) => [
      v === undefined ? empty() : amount(v, ref(`r${line}`, 'c2', label, '金额', T01_FIGURES[line] ?? classFigure(line))),
    ],
    width,
  );
  return {
    id: 'T01',
    label: '公开01表',
    title: texts.title('T01'),
    meta: texts.meta(),
    orientation: 'portrait',
    columns: [
      { key: 'incomeName', width: 30 },
      { key: 'incomeLine', width: 6 },
      { key: 'c1', width: 14 },
      { key: 'expenditureName', width: 30 },
      { key: 'expenditureLine', width: 6 },
      { key: 'c2', width: 14 },
    ],
    header: headerRows(width, [
      [text('收入', { colSpan: 3 }), text('支出', { colSpan: 3 })],
      [text('项目'), text('行次'), text('金额'), text('项目（按功能分类）'), text('行次'), text('金额')],
      [text('栏次', { colSpan: 2 }), text('1'), text('栏次', { colSpan: 2 }), text('2')],
    ]),
    body,
    notes: texts.notes('T01'),
    sheetName: '公开01表',
    fontSize: 8,
  };
}

function t04(calc: YearCalc, texts: TableTexts): TableSpec {
  const f = calc.fiscal;
  type ByFund = Record<'total' | 'general' | 'gov_fund' | 'state_capital', Amount>;
  const left: Line<Amount>[] = [
    ['一、一般公共预算财政拨款', f.income.general],
    ['二、政府性基金预算财政拨款', f.income.gov_fund],
    ['三、国有资本经营预算财政拨款', f.income.state_capital],
    ...blank(23),
    ['本年收入合计', f.income.total],
    ['年初财政拨款结转和结余', f.opening.total],
    ['一、一般公共预算财政拨款', f.opening.general],
    ['二、政府性基金预算财政拨款', f.opening.gov_fund],
    ['三、国有资本经营预算财政拨款', f.opening.state_capital],
    ['总计', f.incomeGrandTotal],
  ];
  const none: ByFund = { total: null, general: null, gov_fund: null, state_capital: null };
  const right: Line<ByFund>[] = [
    ...classLines(calc, (code) => f.byClass.get(code) ?? none),
    ['本年支出合计', f.expenditure],
    ['年末财政拨款结转和结余', f.closing],
    ...blank(3),
    ['总计', f.grandTotal],
  ];
  const columnLabels = ['合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'];
  const funds = ['total', 'general', 'gov_fund', 'state_capital'] as const;
  const width = 9;
  const body = twoSidedBody(
    left,
    {},
    right,
    (values, line, label) =>
      values
        ? funds.map((k, j) =>
            amount(
              values[k],
              ref(
                `r${line}`,
                `c${j + 2}`,
                label,
                columnLabels[j]!,
                label === '本年支出合计' && k === 'total' ? 'fiscal_expenditure' : undefined,
              ),
            ),
          )
        : funds.map(() => empty()),
    width,
  );
  return {
    id: 'T04',
    label: '公开04表',
    title: texts.title('T04'),
    meta: texts.meta(),
    orientation: 'landscape',
    columns: [
      { key: 'incomeName', width: 24 },
      { key: 'incomeLine', width: 4 },
      { key: 'c1', width: 11 },
      { key: 'expenditureName', width: 24 },
      { key: 'expenditureLine', width: 4 },
      { key: 'c2', width: 11 },
      { key: 'c3', width: 11 },
      { key: 'c4', width: 11 },
      { key: 'c5', width: 11 },
    ],
    header: headerRows(width, [
      [text('收入', { colSpan: 3 }), text('支出', { colSpan: 6 })],
      [text('项目'), text('行次'), text('金额'), text('项目（按功能分类）'), text('行次'), ...columnLabels.map((l) => text(l))],
      [text('栏次', { colSpan: 2 }), text('1'), text('栏次', { colSpan: 2 }), text('2'), text('3'), text('4'), text('5')],
    ]),
    body,
    notes: texts.notes('T04'),
    sheetName: '公开04表',
    fontSize: 8,
  };
}

// ─── 公开06 一般公共预算财政拨款基本支出决算表 ───────────────────────────────────────────────────────

function t06(calc: YearCalc, texts: TableTexts): TableSpec {
  const be = calc.basicEconomic;
  const groups: Cell[][][] = [[], [], []];
  for (const cls of calc.catalogue.economicClasses) {
    const col = groups[cls.column]!;
    col.push([
      code(cls.code),
      text(cls.name, { bold: true }),
      amount(
        be.classes.get(cls.code) ?? null,
        ref(cls.code, 'amount', `${cls.code} ${cls.name}`, '金额', `gp_basic_by_class.${cls.code}`),
        { bold: true },
      ),
    ]);
    for (const item of cls.items) {
      // 公开06 prints the whole catalogue; a 款 with nothing booked shows 0.00.
      const value = be.items.get(item.code) ?? null;
      col.push([
        code(item.code),
        text(item.name, { indent: 1 }),
        amount(value ?? ZERO, ref(item.code, 'amount', `${item.code} ${item.name}`, '金额', `basic_item.${item.code}`)),
      ]);
    }
  }
  const length = Math.max(...groups.map((g) => g.length));
  const width = 9;
  const body: TableRow[] = [];
  for (let i = 0; i < length; i++) {
    const cells = groups.flatMap((g) => g[i] ?? [empty(), empty(), empty()]);
    body.push(row('line', cells, width));
  }
  body.push(
    row(
      'footer',
      [
        text('人员经费合计', { colSpan: 2, align: 'center', bold: true }),
        amount(be.personnel, ref('personnel', 'amount', '人员经费合计', '金额'), { bold: true }),
        text('公用经费合计', { colSpan: 5, align: 'center', bold: true }),
        amount(be.public, ref('public', 'amount', '公用经费合计', '金额'), { bold: true }),
      ],
      width,
    ),
  );
  const groupHeader = [text('经济分类科目编码'), text('科目名称'), text('金额')];
  return {
    id: 'T06',
    label: '公开06表',
    title: texts.title('T06'),
    meta: texts.meta(),
    orientation: 'landscape',
    columns: [
      { key: 'code1', width: 7 },
      { key: 'name1', width: 20 },
      { key: 'amount1', width: 10 },
      { key: 'code2', width: 7 },
      { key: 'name2', width: 17 },
      { key: 'amount2', width: 10 },
      { key: 'code3', width: 7 },
      { key: 'name3', width: 22 },
      { key: 'amount3', width: 10 },
    ],
    header: headerRows(width, [
      [text('人员经费', { colSpan: 3 }), text('公用经费', { colSpan: 6 })],
      [...groupHeader, ...groupHeader, ...groupHeader],
    ]),
    body,
    notes: texts.notes('T06'),
    sheetName: '公开06表',
    fontSize: 8,
  };
}

// ─── 公开09 财政拨款“三公”经费支出决算表 ─────────────────────────────────────────────────────────────

function t09(calc: YearCalc, texts: TableTexts): TableSpec {
  const tp = calc.threePublic;
  const c = tp.counts;
  const cols = ['年初预算数', '全年预算数', '决算数'];
  const figureOf: Record<number, string> = {
    1: 'total',
    2: 'abroad',
    3: 'vehicles',
    4: 'vehicle_purchase',
    5: 'vehicle_operation',
    6: 'reception',
  };
  const money = (label: string, line: number, l: { initial: Amount; full: Amount; actual: Amount }): [string, number, Cell[]] => [
    label,
    line,
    [
      amount(l.initial, ref(`r${line}`, 'c1', label, cols[0]!)),
      amount(l.full, ref(`r${line}`, 'c2', label, cols[1]!)),
      amount(l.actual, ref(`r${line}`, 'c3', label, cols[2]!, `three_public.${figureOf[line]}`)),
    ],
  ];
  const actualOnly = (label: string, line: number, v: Amount): [string, number, Cell[]] => [
    label,
    line,
    [dash(), dash(), amount(v, ref(`r${line}`, 'c3', label, cols[2]!))],
  ];
  const countOnly = (label: string, line: number, v: number | null): [string, number, Cell[]] => [
    label,
    line,
    [dash(), dash(), count(v, ref(`r${line}`, 'c3', label, cols[2]!))],
  ];
  const lines: [string, number, Cell[]][] = [
    money('一、“三公”经费支出', 1, tp.total),
    money('1.因公出国（境）费', 2, tp.abroad),
    money('2.公务用车购置及运行维护费', 3, tp.vehicles),
    money('（1）公务用车购置费', 4, tp.vehiclePurchase),
    money('（2）公务用车运行维护费', 5, tp.vehicleOperation),
    money('3.公务接待费', 6, tp.reception),
    actualOnly('（1）国内接待费', 7, tp.domestic),
    actualOnly('其中：外事接待费', 8, tp.foreignAffairs),
    actualOnly('（2）国（境）外接待费', 9, tp.overseas),
    ['二、相关统计数', 10, [dash(), dash(), dash()]],
    countOnly('1.因公出国（境）团组数（个）', 11, c.groups),
    countOnly('2.因公出国（境）人次数（人）', 12, c.persons),
    countOnly('3.公务用车购置数（辆）', 13, c.purchased),
    countOnly('4.公务用车保有量（辆）', 14, c.fleet),
    countOnly('5.国内公务接待批次（个）', 15, c.domesticBatches),
    countOnly('其中：外事接待批次（个）', 16, c.foreignBatches),
    countOnly('6.国内公务接待人次（人）', 17, c.domesticPersons),
    countOnly('其中：外事接待人次（人）', 18, c.foreignPersons),
    countOnly('7.国（境）外公务接待批次（个）', 19, c.overseasBatches),
    countOnly('8.国（境）外公务接待人次（人）', 20, c.overseasPersons),
  ];
  const width = 5;
  return {
    id: 'T09',
    label: '公开09表',
    title: texts.title('T09'),
    meta: texts.meta(),
    orientation: 'portrait',
    columns: [
      { key: 'name', width: 34 },
      { key: 'line', width: 7 },
      { key: 'c1', width: 14 },
      { key: 'c2', width: 14 },
      { key: 'c3', width: 14 },
    ],
    header: headerRows(width, [
      [text('项目', { rowSpan: 2 }), text('栏次'), ...cols.map((l) => text(l))],
      [text('行次'), text('1'), text('2'), text('3')],
    ]),
    body: lines.map(([label, line, cells]) =>
      row(
        line === 1 || line === 10 ? 'total' : 'line',
        [
          text(label, { indent: /^[（其]/.test(label) ? 1 : 0, bold: line === 1 || line === 10 }),
          text(String(line), { align: 'center' }),
          ...cells,
        ],
        width,
      ),
    ),
    notes: texts.notes('T09'),
    sheetName: '公开09表',
  };
}

// ─── 公开10 国有资产占用情况表 ───────────────────────────────────────────────────────────────────────

function t10(calc: YearCalc, texts: TableTexts): TableSpec {
  const a = calc.assets;
  const lines: [string, number][] = [
    ['一、车辆数合计(台、辆)', a.vehicleTotal],
    ...a.vehicles.map((v, i): [string, number] => [`${i + 1}.${v.name}`, v.count]),
    ['二、单价100万元（含）以上设备（不含车辆）(台、套)', a.equipment],
  ];
  const width = 3;
  return {
    id: 'T10',
    label: '公开10表',
    title: texts.title('T10'),
    meta: texts.meta('count'),
    orientation: 'portrait',
    columns: [
      { key: 'name', width: 50 },
      { key: 'line', width: 8 },
      { key: 'c1', width: 16 },
    ],
    header: headerRows(width, [[text('项目'), text('栏次'), text('决算数')]]),
    body: lines.map(([label, n], i) =>
      row(
        i === 0 || i === lines.length - 1 ? 'total' : 'line',
        [
          text(label, { indent: i === 0 || i === lines.length - 1 ? 0 : 1 }),
          text(String(i + 1), { align: 'center' }),
          count(n, ref(`r${i + 1}`, 'c1', label, '决算数')),
        ],
        width,
      ),
    ),
    notes: texts.notes('T10'),
    sheetName: '公开10表',
  };
}

/** All ten tables, in the published order. */
export function buildTables(calc: YearCalc): TableSpec[] {
  const texts = tableTexts(calc);
  const t02 = hierarchicalTable(calc, texts, {
    id: 'T02',
    no: '02',
    data: calc.income,
    columns: [
      { key: 'total', label: '本年收入合计' },
      { key: 'fiscal', label: '财政拨款收入' },
      { key: 'superior', label: '上级补助收入' },
      { key: 'business', label: '事业收入' },
      { key: 'operating', label: '经营收入' },
      { key: 'affiliated', label: '附属单位上缴收入' },
      { key: 'other', label: '其他收入' },
    ],
  });
  const t03 = hierarchicalTable(calc, texts, {
    id: 'T03',
    no: '03',
    data: calc.expenditure,
    columns: [
      { key: 'total', label: '本年支出合计' },
      { key: 'basic', label: '基本支出' },
      { key: 'project', label: '项目支出' },
      { key: 'remit', label: '上缴上级支出' },
      { key: 'operating', label: '经营支出' },
      { key: 'subsidy', label: '对附属单位补助支出' },
    ],
  });
  const t05 = hierarchicalTable(calc, texts, {
    id: 'T05',
    no: '05',
    data: calc.general,
    columns: [
      { key: 'total', label: '本年支出合计' },
      { key: 'basic', label: '基本支出' },
      { key: 'project', label: '项目支出' },
    ],
  });
  const t07 = hierarchicalTable(calc, texts, {
    id: 'T07',
    no: '07',
    data: calc.govFund,
    columns: [
      { key: 'opening', label: '年初结转和结余' },
      { key: 'income', label: '本年收入' },
      { key: 'spend', label: '本年支出小计' },
      { key: 'basic', label: '本年支出基本支出' },
      { key: 'project', label: '本年支出项目支出' },
      { key: 'closing', label: '年末结转和结余' },
    ],
    headers: [
      [
        text('年初结转和结余', { rowSpan: 3 }),
        text('本年收入', { rowSpan: 3 }),
        text('本年支出', { colSpan: 3 }),
        text('年末结转和结余', { rowSpan: 3 }),
      ],
      [text('小计', { rowSpan: 2 }), text('基本支出', { rowSpan: 2 }), text('项目支出', { rowSpan: 2 })],
      [],
    ],
  });
  const t08 = hierarchicalTable(calc, texts, {
    id: 'T08',
    no: '08',
    data: calc.stateCapital,
    columns: [
      { key: 'total', label: '合计' },
      { key: 'basic', label: '基本支出' },
      { key: 'project', label: '项目支出' },
    ],
  });
  return [t01(calc, texts), t02, t03, t04(calc, texts), t05, t06(calc, texts), t07, t08, t09(calc, texts), t10(calc, texts)];
}
