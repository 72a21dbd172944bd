/**
 * The figures of 情况说明 一 to 六 that are not a table cell: each total against last year (with the
 * reasons the year file gives), the compositions of income and expenditure, 财政拨款 against the 年初预算
 * by 类, and 基本支出 by 经济分类 类 against last year. Last year's figures come in by their key in the
 * figure list (figures.ts), so a comparison can only name a figure that list knows.
 */
import { EXPENDITURE_PARTS, INCOME_PARTS } from '../catalogue/names.ts';
import { change } from '../change.ts';
import { orZero, percent, sharesOf, sumAmounts, ZERO, type Dec } from '../decimal.ts';
import type { YamlPath } from '../load/source-map.ts';
import type { Explanation, YearFile } from '../schema/index.ts';
import type { Catalogue } from './catalogue.ts';
import type { FigureKey } from './figures.ts';
import type { BasicClassLine, BudgetLine, ExplanationCalc, YearCalc } from './types.ts';

export type Prior = (key: FigureKey) => Dec | undefined;

export function explanationOf(e: Explanation | undefined, path: YamlPath): ExplanationCalc | undefined {
  if (e === undefined) return undefined;
  if (typeof e === 'string') return { text: e, items: [], path };
  return {
    ...(e.text ? { text: e.text } : {}),
    ...(e.lead ? { lead: e.lead } : {}),
    ...(e.joiner !== undefined ? { joiner: e.joiner } : {}),
    items: (e.items ?? []).map((item, i) => ({ text: item.text, amount: item.amount, path: [...path, 'items', i] })),
    path,
  };
}

/**
 * The itemised changes (changes:) as the reason of 一, or the items 四 lists under one 经济分类 class:
 * those of that class unless the item says otherwise (basic_line), in their 四 wording (basic_text).
 */
function itemisedChanges(input: YearFile, basicLine?: string): ExplanationCalc | undefined {
  const listed = (input.changes ?? [])
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => basicLine === undefined || (c.basic_line ?? c.economic) === basicLine);
  if (!listed.length) return undefined;
  const text = (c: NonNullable<YearFile['changes']>[number]) => (basicLine === undefined ? c.text : (c.basic_text ?? c.text));
  return {
    items: listed.map(({ c, i }) => ({ text: text(c), amount: c.amount, path: ['changes', i, 'amount'] as YamlPath })),
    path: ['changes'],
  };
}

type Sections = Pick<
  YearCalc,
  'totals' | 'income' | 'incomeBySource' | 'expenditure' | 'general' | 'fiscal' | 'basicEconomic' | 'threePublic'
>;

/** 一 and 二: the totals against last year, and what income and expenditure are made of. */
function incomeAndExpenditure(input: YearFile, s: Sections, prev: Prior) {
  const t = s.totals;
  const ex = input.explanations;
  const incomeAmounts: Record<(typeof INCOME_PARTS)[number]['key'], Dec> = {
    fiscal: orZero(s.income.total.fiscal),
    business: orZero(s.incomeBySource.business),
    operating: orZero(s.incomeBySource.operating),
    superior: orZero(s.incomeBySource.superior),
    affiliated: orZero(s.incomeBySource.affiliated),
    other: orZero(s.incomeBySource.other),
  };
  const incomeShares = sharesOf(INCOME_PARTS.map((p) => incomeAmounts[p.key]));
  const e = s.expenditure.total;
  const expenditureShares = sharesOf(EXPENDITURE_PARTS.map((p) => orZero(e[p.key])));
  return {
    opening: change(orZero(t.opening), prev('opening_balance')),
    openingReason: explanationOf(ex?.opening_balance, ['explanations', 'opening_balance']),
    nonFiscalSurplusUsed: change(orZero(t.nonFiscalSurplusUsed), prev('non_fiscal_surplus_used')),
    nonFiscalSurplusUsedReason: explanationOf(ex?.non_fiscal_surplus_used, ['explanations', 'non_fiscal_surplus_used']),
    incomeTotal: change(orZero(t.incomeTotal), prev('income_total')),
    incomeTotalReason: itemisedChanges(input) ?? explanationOf(ex?.income_total, ['explanations', 'income_total']),
    incomeComposition: INCOME_PARTS.map((p, i) => ({
      key: p.key,
      name: p.name,
      share: { amount: incomeAmounts[p.key], percent: incomeShares[i]! },
    })),
    expenditureTotal: change(orZero(t.expenditureTotal), prev('expenditure_total')),
    expenditureTotalReason: explanationOf(ex?.expenditure_total, ['explanations', 'expenditure_total']),
    surplusDistribution: change(orZero(t.surplusDistribution), prev('surplus_distribution')),
    surplusDistributionReason: explanationOf(ex?.surplus_distribution, ['explanations', 'surplus_distribution']),
    closing: change(orZero(t.closing), prev('closing_balance')),
    closingReason: explanationOf(ex?.closing_balance, ['explanations', 'closing_balance']),
    expenditureComposition: EXPENDITURE_PARTS.map((p, i) => ({
      key: p.key,
      name: p.name,
      share: { amount: orZero(e[p.key]), percent: expenditureShares[i]! },
    })),
  };
}

/** 三: 财政拨款 against the 年初预算, by 类. */
function budget(input: YearFile, s: Sections): YearCalc['narrative']['budget'] {
  const budgetInput = input.budget ?? [];
  const codes = new Set<string>([...s.fiscal.byClass.keys(), ...budgetInput.map((b) => b.code)]);
  const lines: BudgetLine[] = [...codes].sort().map((code) => {
    const i = budgetInput.findIndex((b) => b.code === code);
    const b = i >= 0 ? budgetInput[i] : undefined;
    const actual = orZero(s.fiscal.byClass.get(code)?.total);
    const initial = b?.initial ?? null;
    const reason = explanationOf(b?.variance_reason, ['budget', i, 'variance_reason']);
    return {
      code,
      initial,
      actual,
      completion: initial === null ? null : percent(actual, initial),
      variance: actual.minus(orZero(initial)),
      ...(reason ? { reason } : {}),
      ...(i >= 0 ? { path: ['budget', i] as YamlPath } : {}),
    };
  });
  const initial = sumAmounts(lines.map((l) => l.initial));
  const actual = orZero(s.fiscal.expenditure.total);
  return { initial, actual, completion: initial === null ? null : percent(actual, initial), lines };
}

/** The classes 四 always describes (as the published template does), plus any other with figures. */
const ALWAYS_SHOWN_BASIC_CLASSES = ['301', '302', '303', '310'];
/** The published order: 工资福利, 商品和服务, 对个人和家庭, 资本性, then the rest. */
const BASIC_CLASS_ORDER = ['301', '302', '303', '310', '307', '399'];

/** 四: 一般公共预算财政拨款基本支出 by 经济分类 类 against last year. */
function basicClasses(input: YearFile, s: Sections, catalogue: Catalogue, prev: Prior): BasicClassLine[] {
  const lines: BasicClassLine[] = [];
  for (const cls of catalogue.economicClasses) {
    const current = s.basicEconomic.classes.get(cls.code)!;
    const previous = prev(`gp_basic_by_class.${cls.code}`);
    if (!ALWAYS_SHOWN_BASIC_CLASSES.includes(cls.code) && current.isZero() && (previous ?? ZERO).isZero()) continue;
    const reason =
      itemisedChanges(input, cls.code) ?? explanationOf(input.explanations?.basic?.[cls.code], ['explanations', 'basic', cls.code]);
    lines.push({ code: cls.code, name: cls.name, change: change(current, previous), ...(reason ? { reason } : {}) });
  }
  return lines.sort((a, b) => BASIC_CLASS_ORDER.indexOf(a.code) - BASIC_CLASS_ORDER.indexOf(b.code));
}

export function calcNarrative(input: YearFile, s: Sections, catalogue: Catalogue, prev: Prior): YearCalc['narrative'] {
  const tp = s.threePublic;
  return {
    ...incomeAndExpenditure(input, s, prev),
    budget: budget(input, s),
    gpBasic: orZero(s.general.total.basic),
    basicClasses: basicClasses(input, s, catalogue, prev),
    threePublic: {
      total: change(orZero(tp.total.actual), prev('three_public.total')),
      abroad: change(orZero(tp.abroad.actual), prev('three_public.abroad')),
      vehiclePurchase: change(orZero(tp.vehiclePurchase.actual), prev('three_public.vehicle_purchase')),
      vehicleOperation: change(orZero(tp.vehicleOperation.actual), prev('three_public.vehicle_operation')),
      vehicles: change(orZero(tp.vehicles.actual), prev('three_public.vehicles')),
      reception: change(orZero(tp.reception.actual), prev('three_public.reception')),
    },
    adminCost: change(orZero(input.admin_operating_cost?.amount), prev('admin_operating_cost')),
  };
}
