import type { Rollup } from '../../calc/rollup.ts';
import { FUNDS, type YearCalc } from '../../calc/index.ts';
import { orZero, round, sum, type Amount, type Dec } from '../../decimal.ts';
import type { YamlPath } from '../../load/source-map.ts';
import { defineRule } from './_util.ts';

/**
 * Displayed roll-ups must tie. Amounts are exact to the 元 (4 places in 万元) and every total is the exact
 * sum of its parts, but the tables print each figure rounded to 2 places: the printed parts of a 类 can
 * add up to 1,553.26 while the printed 类 says 1,553.25. Published tables carry the note 「金额单位转换时
 * 可能存在尾数误差」 for this; the rule says where it happens, so it is a decision and never a surprise.
 *
 * Every sum relation the ten tables print is checked on the figures as printed (each rounded half-up to
 * 2 places): 类 = Σ 款, 款 = Σ 项, 合计 = Σ 类 in every column of 公开02/03/05/07/08, each row's 合计 =
 * Σ its columns, the totals of 公开01 and 公开04, 公开06's classes and 人员/公用经费, and 公开09. A
 * relation that does not hold exactly is another rule's error, not a rounding difference, and is skipped.
 * One warning per table, naming its rows, the difference and the usual practice.
 */

interface Part {
  value: Amount;
  /** -1 for a part that is subtracted (年末 = 年初 + 收入 − 支出). */
  sign?: 1 | -1;
}

interface Relation {
  /** “201 一般公共服务支出 · 本年收入合计” */
  total: { label: string; value: Amount };
  /** “其下各款”, “各栏”, … */
  partsLabel: string;
  parts: Part[];
  path: YamlPath;
}

interface Table {
  id: string;
  name: string;
  relations: Relation[];
}

const shown = (v: Amount) => round(orZero(v), 2);
const signed = (p: Part, v: Dec) => (p.sign === -1 ? v.negated() : v);

/** The printed difference of a relation, or undefined when the printed figures tie (or the exact ones do not). */
function difference(r: Relation): { total: Dec; parts: Dec } | undefined {
  if (r.total.value === null || r.parts.every((p) => p.value === null)) return undefined;
  const exact = sum(r.parts.map((p) => signed(p, orZero(p.value))));
  if (!exact.equals(orZero(r.total.value))) return undefined;
  const printed = sum(r.parts.map((p) => signed(p, shown(p.value))));
  const total = shown(r.total.value);
  return printed.equals(total) ? undefined : { total, parts: printed };
}

/** 1553.255 → “1,553.26”, as the tables print it. */
function thousands(v: Dec): string {
  const [int, frac] = v.toFixed(2).split('.');
  const sign = int!.startsWith('-') ? '-' : '';
  return `${sign}${int!.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

const LEVEL_PARTS = { class: '其下各款', kuan: '其下各项' } as const;

/** The hierarchical tables: vertical sums in every column, and each row's own sum across columns. */
function hierarchical<C extends string>(
  calc: YearCalc,
  id: string,
  name: string,
  data: Rollup<C>,
  labels: Record<C, string>,
  rows: { total: C; parts: { key: C; sign?: 1 | -1 }[] }[],
  pathOf: (code: string | undefined) => YamlPath,
): Table {
  const relations: Relation[] = [];
  const rowName = (code: string) => `${code} ${calc.catalogue.functionalName(code) ?? ''}`.trim();
  // Each row's own sum first, the most specific rows (项) first: where a difference starts.
  const bySpecificity = [...data.rows].sort((a, b) => b.code.length - a.code.length);
  for (const r of [...bySpecificity, { code: undefined, values: data.total }]) {
    for (const rel of rows) {
      const where = r.code === undefined ? '合计' : rowName(r.code);
      relations.push({
        total: { label: `「${where}」的「${labels[rel.total]}」`, value: r.values[rel.total] },
        partsLabel: rel.parts
          .filter((p) => r.values[p.key] !== null)
          .map((p) => `${p.sign === -1 ? '减' : ''}「${labels[p.key]}」`)
          .join('、'),
        parts: rel.parts.map((p) => ({ value: r.values[p.key], ...(p.sign ? { sign: p.sign } : {}) })),
        path: pathOf(r.code),
      });
    }
  }
  const columns = data.columns;
  // Children by parent code in one pass (a 项 code's parent is its first 5 digits, a 款's its first 3).
  const children = new Map<string, typeof data.rows>();
  for (const r of data.rows) {
    if (r.level === 'class') continue;
    const parent = r.code.slice(0, r.code.length - 2);
    const list = children.get(parent);
    if (list) list.push(r);
    else children.set(parent, [r]);
  }
  for (const row of data.rows) {
    if (row.level === 'item') continue;
    for (const c of columns) {
      relations.push({
        total: { label: `「${rowName(row.code)}」的「${labels[c]}」`, value: row.values[c] },
        partsLabel: LEVEL_PARTS[row.level],
        parts: (children.get(row.code) ?? []).map((k) => ({ value: k.values[c] })),
        path: pathOf(row.code),
      });
    }
  }
  const classes = data.rows.filter((r) => r.level === 'class');
  for (const c of columns) {
    relations.push({
      total: { label: `「合计」的「${labels[c]}」`, value: data.total[c] },
      partsLabel: '各类',
      parts: classes.map((k) => ({ value: k.values[c] })),
      path: pathOf(undefined),
    });
  }
  return { id, name, relations };
}

function tables(calc: YearCalc): Table[] {
  const input = calc.input;
  // The first row of the year file under each code (类, 款 or 项), found in one pass per list.
  const firstRows = (rows: readonly { code: string }[]) => {
    const first = new Map<string, number>();
    rows.forEach((r, i) => {
      for (const n of [3, 5, 7]) if (!first.has(r.code.slice(0, n))) first.set(r.code.slice(0, n), i);
    });
    return first;
  };
  const first = {
    income: firstRows(input.income ?? []),
    expenditure: firstRows(input.expenditure ?? []),
    govFund: firstRows(input.balances?.gov_fund ?? []),
  };
  const rowPath =
    (section: 'income' | 'expenditure') =>
    (code: string | undefined): YamlPath => {
      const i = code === undefined ? undefined : first[section].get(code);
      return i === undefined ? [section] : [section, i];
    };
  const govFundPath = (code: string | undefined): YamlPath => {
    const i = code === undefined ? undefined : first.govFund.get(code);
    return i !== undefined ? ['balances', 'gov_fund', i] : rowPath('expenditure')(code);
  };
  const split = { total: '合计', basic: '基本支出', project: '项目支出' } as const;
  const out: Table[] = [
    hierarchical(
      calc,
      'T02',
      '公开02表 收入决算表',
      calc.income,
      {
        total: '本年收入合计',
        fiscal: '财政拨款收入',
        superior: '上级补助收入',
        business: '事业收入',
        operating: '经营收入',
        affiliated: '附属单位上缴收入',
        other: '其他收入',
      },
      [
        {
          total: 'total',
          parts: (['fiscal', 'superior', 'business', 'operating', 'affiliated', 'other'] as const).map((key) => ({ key })),
        },
      ],
      rowPath('income'),
    ),
    hierarchical(
      calc,
      'T03',
      '公开03表 支出决算表',
      calc.expenditure,
      {
        total: '本年支出合计',
        basic: '基本支出',
        project: '项目支出',
        remit: '上缴上级支出',
        operating: '经营支出',
        subsidy: '对附属单位补助支出',
      },
      [{ total: 'total', parts: (['basic', 'project', 'remit', 'operating', 'subsidy'] as const).map((key) => ({ key })) }],
      rowPath('expenditure'),
    ),
    hierarchical(
      calc,
      'T05',
      '公开05表 一般公共预算财政拨款支出决算表',
      calc.general,
      split,
      [{ total: 'total', parts: [{ key: 'basic' }, { key: 'project' }] }],
      rowPath('expenditure'),
    ),
    hierarchical(
      calc,
      'T07',
      '公开07表 政府性基金预算财政拨款收入支出决算表',
      calc.govFund,
      {
        opening: '年初结转和结余',
        income: '本年收入',
        spend: '本年支出小计',
        basic: '本年支出基本支出',
        project: '本年支出项目支出',
        closing: '年末结转和结余',
      },
      [
        { total: 'spend', parts: [{ key: 'basic' }, { key: 'project' }] },
        { total: 'closing', parts: [{ key: 'opening' }, { key: 'income' }, { key: 'spend', sign: -1 }] },
      ],
      govFundPath,
    ),
    hierarchical(
      calc,
      'T08',
      '公开08表 国有资本经营预算财政拨款支出决算表',
      calc.stateCapital,
      split,
      [{ total: 'total', parts: [{ key: 'basic' }, { key: 'project' }] }],
      rowPath('expenditure'),
    ),
  ];

  // 公开01: the two sides' totals.
  const t = calc.totals;
  const s = calc.incomeBySource;
  const SOURCES = ['general', 'gov_fund', 'state_capital', 'superior', 'business', 'operating', 'affiliated', 'other'] as const;
  const className = (code: string) => `${code} ${calc.catalogue.functionalName(code) ?? ''}`.trim();
  out.push({
    id: 'T01',
    name: '公开01表 收入支出决算总表',
    relations: [
      {
        total: { label: '「本年收入合计」', value: t.incomeTotal },
        partsLabel: '各项收入',
        parts: SOURCES.map((k) => ({ value: s[k] })),
        path: ['income'],
      },
      {
        total: { label: '收入「总计」', value: t.incomeGrandTotal },
        partsLabel: '本年收入合计、使用非财政拨款结余、年初结转和结余',
        parts: [{ value: t.incomeTotal }, { value: t.nonFiscalSurplusUsed }, { value: t.opening }],
        path: ['balances'],
      },
      {
        total: { label: '「本年支出合计」', value: t.expenditureTotal },
        partsLabel: '各类支出',
        parts: [...t.expenditureByClass.values()].map((value) => ({ value })),
        path: ['expenditure'],
      },
      {
        total: { label: '支出「总计」', value: t.expenditureGrandTotal },
        partsLabel: '本年支出合计、结余分配、年末结转和结余',
        parts: [{ value: t.expenditureTotal }, { value: t.surplusDistribution }, { value: t.closing }],
        path: ['balances'],
      },
    ],
  });

  // 公开04: 合计 = Σ funds on every line, 本年支出 = Σ 类 in every column, 总计 on both sides.
  const f = calc.fiscal;
  const FUND_LABEL = {
    total: '合计',
    general: '一般公共预算财政拨款',
    gov_fund: '政府性基金预算财政拨款',
    state_capital: '国有资本经营预算财政拨款',
  } as const;
  const acrossFunds = (label: string, record: Record<'total' | (typeof FUNDS)[number], Amount>, path: YamlPath): Relation => ({
    total: { label: `「${label}」的「合计」`, value: record.total },
    partsLabel: '三类财政拨款',
    parts: FUNDS.map((k) => ({ value: record[k] })),
    path,
  });
  const t04: Relation[] = [
    acrossFunds('本年收入合计', f.income, ['income']),
    acrossFunds('年初财政拨款结转和结余', f.opening, ['balances']),
    {
      total: { label: '收入「总计」', value: f.incomeGrandTotal },
      partsLabel: '本年收入合计、年初财政拨款结转和结余',
      parts: [{ value: f.income.total }, { value: f.opening.total }],
      path: ['balances'],
    },
    ...[...f.byClass].map(([code, record]) => acrossFunds(className(code), record, rowPath('expenditure')(code))),
    acrossFunds('本年支出合计', f.expenditure, ['expenditure']),
    acrossFunds('年末财政拨款结转和结余', f.closing, ['balances']),
    acrossFunds('支出总计', f.grandTotal, ['balances']),
  ];
  for (const k of ['total', ...FUNDS] as const) {
    t04.push({
      total: { label: `「本年支出合计」的「${FUND_LABEL[k]}」`, value: f.expenditure[k] },
      partsLabel: '各类支出',
      parts: [...f.byClass.values()].map((record) => ({ value: record[k] })),
      path: ['expenditure'],
    });
    t04.push({
      total: { label: `支出「总计」的「${FUND_LABEL[k]}」`, value: f.grandTotal[k] },
      partsLabel: '本年支出合计、年末财政拨款结转和结余',
      parts: [{ value: f.expenditure[k] }, { value: f.closing[k] }],
      path: ['balances'],
    });
  }
  out.push({ id: 'T04', name: '公开04表 财政拨款收入支出决算总表', relations: t04 });

  // 公开06: each 类 = Σ its 款 as printed (a 款 with nothing booked prints 0.00); 人员经费 and 公用经费.
  const be = calc.basicEconomic;
  const economicPath = (code: string): YamlPath => {
    const key = Object.keys(input.basic_economic ?? {}).find((k) => k.startsWith(code));
    return key === undefined ? ['basic_economic'] : ['basic_economic', key];
  };
  const t06: Relation[] = calc.catalogue.economicClasses.map((cls) => ({
    total: { label: `「${cls.code} ${cls.name}」`, value: be.classes.get(cls.code) ?? null },
    partsLabel: '其下各款',
    parts: cls.items.map((i) => ({ value: be.items.get(i.code) ?? null })),
    path: economicPath(cls.code),
  }));
  for (const [group, label, value] of [
    ['personnel', '人员经费合计', be.personnel],
    ['public', '公用经费合计', be.public],
  ] as const) {
    const classes = calc.catalogue.economicClasses.filter((c) => c.group === group);
    t06.push({
      total: { label: `「${label}」`, value },
      partsLabel: '各类',
      parts: classes.map((c) => ({ value: be.classes.get(c.code) ?? null })),
      path: ['basic_economic'],
    });
  }
  out.push({ id: 'T06', name: '公开06表 一般公共预算财政拨款基本支出决算表', relations: t06 });

  // 公开09: 三公 = 出国 + 公务用车 + 接待; 公务用车 = 购置 + 运行; 接待 = 国内 + 国（境）外.
  const tp = calc.threePublic;
  const COLUMNS = { initial: '年初预算数', full: '全年预算数', actual: '决算数' } as const;
  const t09: Relation[] = [];
  for (const [k, col] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, string][]) {
    t09.push({
      total: { label: `「“三公”经费支出」的「${col}」`, value: tp.total[k] },
      partsLabel: '因公出国（境）费、公务用车购置及运行维护费、公务接待费',
      parts: [{ value: tp.abroad[k] }, { value: tp.vehicles[k] }, { value: tp.reception[k] }],
      path: ['three_public'],
    });
    t09.push({
      total: { label: `「公务用车购置及运行维护费」的「${col}」`, value: tp.vehicles[k] },
      partsLabel: '购置费、运行维护费',
      parts: [{ value: tp.vehiclePurchase[k] }, { value: tp.vehicleOperation[k] }],
      path: ['three_public'],
    });
  }
  t09.push({
    total: { label: '「公务接待费」的「决算数」', value: tp.reception.actual },
    partsLabel: '国内接待费、国（境）外接待费',
    parts: [{ value: tp.domestic }, { value: tp.overseas }],
    path: ['three_public', 'reception'],
  });
  out.push({ id: 'T09', name: '公开09表 财政拨款“三公”经费支出决算表', relations: t09 });

  const order = ['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07', 'T08', 'T09'];
  return out.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
}

/** How many of a table's differences the message spells out; the rest are counted and listed as related places. */
const SHOWN = 3;

export default defineRule({
  id: 'rounding-tie',
  severity: 'warning',
  description: '表中合计与各组成部分按两位小数显示后的和不一致（金额精确到元、显示到两位小数的尾差），逐表指出行次和差额',
  check(ctx) {
    for (const table of tables(ctx.calc)) {
      const found = table.relations.flatMap((r) => {
        const d = difference(r);
        return d ? [{ r, d }] : [];
      });
      if (!found.length) continue;
      const describe = ({ r, d }: (typeof found)[number]) =>
        `${r.total.label}显示为 ${thousands(d.total)}，${r.partsLabel}的显示数合计 ${thousands(d.parts)}，相差 ${thousands(d.parts.minus(d.total).abs())}`;
      const more = found.length > SHOWN ? `；另有 ${found.length - SHOWN} 处` : '';
      ctx.report({
        path: found[0]!.r.path,
        message:
          `${table.name}有尾差：${found.slice(0, SHOWN).map(describe).join('；')}${more}。` +
          '金额精确到元、表中显示到两位小数时四舍五入会造成这种尾差；通常的做法是保留精确的合计，并在表注中说明「金额单位转换时可能存在尾数误差」。核实后可在 acknowledge 中确认此警告',
        actual: found[0]!.d.parts.toFixed(2),
        expected: found[0]!.d.total.toFixed(2),
        related: found.slice(SHOWN).map((x) => ({ place: ctx.place(x.r.path), message: describe(x) })),
      });
    }
  },
});
