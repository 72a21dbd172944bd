/**
 * Stage 3: from the leaves of a year file to every figure the document shows. Decimal arithmetic only;
 * the result is frozen before anything else reads it.
 */
import { change } from '../change.ts';
import { orZero, percent, round, sharesOf, sum, sumAmounts, ZERO, type Amount, type Dec } from '../decimal.ts';
import type { YamlPath } from '../load/source-map.ts';
import type { Explanation, YearFile } from '../schema/index.ts';
import { buildCatalogue } from './catalogue.ts';
import { calcFlows } from './flows.ts';
import { calcPerformance } from './performance.ts';
import type { BasicClassLine, BudgetLine, Change, ExplanationCalc, ThreePublicLine, YearCalc } from './types.ts';

export * from './types.ts';
export { change } from '../change.ts';

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

/** The classes §四 always describes (as the published template does), plus any other with figures. */
const ALWAYS_SHOWN_BASIC_CLASSES = ['301', '302', '303', '310'];

export interface CalcOptions {
  /** Comparable figures of the previous year (from its own year file), when there is one. */
  prior?: Map<string, Dec>;
}

export interface CalcResult {
  calc: YearCalc;
  /** Problems only the calculation can see (a report formula that cannot be evaluated). */
  problems: { path: YamlPath; message: string }[];
}

export function calcYear(input: YearFile, options: CalcOptions = {}): CalcResult {
  const catalogue = buildCatalogue(input);
  const flows = calcFlows(input);
  const prior = options.prior;
  const prev = (key: string): Dec | undefined => prior?.get(key);

  // 公开06: 一般公共预算财政拨款基本支出 by 经济分类.
  const items = new Map<string, Amount>();
  for (const [code, value] of Object.entries(input.basic_economic ?? {})) items.set(code, value);
  const classes = new Map<string, Dec>();
  for (const cls of catalogue.economicClasses) {
    classes.set(cls.code, sum(cls.items.map((i) => orZero(items.get(i.code)))));
  }
  // Amounts booked to a code that is not in the catalogue still count toward its class (a rule flags the code).
  for (const [code, value] of items) {
    if (catalogue.economicItemCodes.has(code) || value === null) continue;
    const cls = code.slice(0, 3);
    if (classes.has(cls)) classes.set(cls, classes.get(cls)!.plus(value));
  }
  const personnel = sum(catalogue.economicClasses.filter((c) => c.group === 'personnel').map((c) => classes.get(c.code)!));
  const publicCost = sum(catalogue.economicClasses.filter((c) => c.group === 'public').map((c) => classes.get(c.code)!));

  // 公开09: 三公经费.
  const tp = input.three_public;
  const line = (l: { initial_budget: Amount; full_budget: Amount; actual: Amount } | undefined): ThreePublicLine => ({
    initial: l?.initial_budget ?? null,
    full: l?.full_budget ?? null,
    actual: l?.actual ?? null,
  });
  const addLines = (...ls: ThreePublicLine[]): ThreePublicLine => ({
    initial: sumAmounts(ls.map((l) => l.initial)),
    full: sumAmounts(ls.map((l) => l.full)),
    actual: sumAmounts(ls.map((l) => l.actual)),
  });
  const abroad = line(tp?.abroad);
  const vehiclePurchase = line(tp?.vehicle_purchase);
  const vehicleOperation = line(tp?.vehicle_operation);
  const vehicles = addLines(vehiclePurchase, vehicleOperation);
  const domestic = tp?.reception?.domestic?.actual ?? null;
  const overseas = tp?.reception?.overseas?.actual ?? null;
  const reception: ThreePublicLine = {
    initial: tp?.reception?.initial_budget ?? null,
    full: tp?.reception?.full_budget ?? null,
    actual: sumAmounts([domestic, overseas]),
  };
  const threePublicTotal = addLines(abroad, vehicles, reception);

  // 公开10: 车辆 and 设备 (counts; an absent count is 0 on the published table).
  const v = input.assets?.vehicles;
  const vehicleRows = [
    { key: 'ministerial', name: '副部（省）级及以上领导用车', count: v?.ministerial ?? 0 },
    { key: 'principal', name: '主要负责人用车', count: v?.principal ?? 0 },
    { key: 'confidential', name: '机要通信用车', count: v?.confidential ?? 0 },
    { key: 'emergency', name: '应急保障用车', count: v?.emergency ?? 0 },
    { key: 'law_enforcement', name: '执法执勤用车', count: v?.law_enforcement ?? 0 },
    { key: 'special_technical', name: '特种专业技术用车', count: v?.special_technical ?? 0 },
    { key: 'retiree_service', name: '离退休干部服务用车', count: v?.retiree_service ?? 0 },
    { key: 'other', name: '其他用车', count: v?.other ?? 0 },
  ];

  // 七 政府采购.
  const pr = input.procurement;
  const goods = orZero(pr?.goods?.total);
  const works = orZero(pr?.works?.total);
  const services = orZero(pr?.services?.total);
  const smeGoods = orZero(pr?.goods?.sme);
  const smeWorks = orZero(pr?.works?.sme);
  const smeServices = orZero(pr?.services?.sme);
  const procurementTotal = goods.plus(works).plus(services);
  const sme = smeGoods.plus(smeWorks).plus(smeServices);
  const smallMicro = orZero(pr?.small_micro);
  const shareOr0 = (a: Dec, b: Dec) => percent(a, b) ?? ZERO; // the template prints 0.00% for 0/0

  // 第三部分 一、二: totals against last year, compositions.
  const t = flows.totals;
  const incomeTotalReason: ExplanationCalc | undefined = input.changes?.length
    ? { items: input.changes.map((c, i) => ({ text: c.text, amount: c.amount, path: ['changes', i, 'amount'] as YamlPath })), path: ['changes'] }
    : explanationOf(input.explanations?.income_total, ['explanations', 'income_total']);
  const incomeParts = [
    { key: 'fiscal', name: '财政拨款收入', amount: orZero(flows.income.total.fiscal) },
    { key: 'business', name: '事业收入', amount: orZero(flows.incomeBySource.business) },
    { key: 'operating', name: '经营收入', amount: orZero(flows.incomeBySource.operating) },
    { key: 'superior', name: '上级补助收入', amount: orZero(flows.incomeBySource.superior) },
    { key: 'affiliated', name: '附属单位上缴收入', amount: orZero(flows.incomeBySource.affiliated) },
    { key: 'other', name: '其他收入', amount: orZero(flows.incomeBySource.other) },
  ];
  const incomeShares = sharesOf(incomeParts.map((p) => p.amount));
  const e = flows.expenditure.total;
  const expenditureParts = [
    { key: 'basic', name: '基本支出', amount: orZero(e.basic) },
    { key: 'project', name: '项目支出', amount: orZero(e.project) },
    { key: 'operating', name: '经营支出', amount: orZero(e.operating) },
    { key: 'remit', name: '上缴上级支出', amount: orZero(e.remit) },
    { key: 'subsidy', name: '对附属单位补助支出', amount: orZero(e.subsidy) },
  ];
  const expenditureShares = sharesOf(expenditureParts.map((p) => p.amount));

  // 三: 财政拨款 against the 年初预算, by 类.
  const budgetInput = input.budget ?? [];
  const budgetCodes = new Set<string>([...flows.fiscal.byClass.keys(), ...budgetInput.map((b) => b.code)]);
  const budgetLines: BudgetLine[] = [...budgetCodes].sort().map((code) => {
    const i = budgetInput.findIndex((b) => b.code === code);
    const b = i >= 0 ? budgetInput[i] : undefined;
    const actual = orZero(flows.fiscal.byClass.get(code)?.total);
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
  const budgetInitial = sumAmounts(budgetLines.map((l) => l.initial));
  const fiscalActual = orZero(flows.fiscal.expenditure.total);

  // 四: 基本支出 by 经济分类 类 against last year.
  const basicClasses: BasicClassLine[] = [];
  for (const cls of catalogue.economicClasses) {
    const current = classes.get(cls.code)!;
    const previous = prev(`gp_basic_by_class.${cls.code}`);
    if (!ALWAYS_SHOWN_BASIC_CLASSES.includes(cls.code) && current.isZero() && (previous ?? ZERO).isZero()) continue;
    const tagged = (input.changes ?? []).map((c, i) => ({ c, i })).filter(({ c }) => c.economic === cls.code);
    const reason: ExplanationCalc | undefined = tagged.length
      ? { items: tagged.map(({ c, i }) => ({ text: c.text, amount: c.amount, path: ['changes', i, 'amount'] as YamlPath })), path: ['changes'] }
      : explanationOf(input.explanations?.basic?.[cls.code], ['explanations', 'basic', cls.code]);
    basicClasses.push({ code: cls.code, name: cls.name, change: change(current, previous), ...(reason ? { reason } : {}) });
  }
  // The published order: 工资福利, 商品和服务, 对个人和家庭, 资本性, then the rest.
  const order = ['301', '302', '303', '310', '307', '399'];
  basicClasses.sort((a, b) => order.indexOf(a.code) - order.indexOf(b.code));

  const performance = calcPerformance(input, flows);
  const ex = input.explanations;

  const calc: YearCalc = {
    year: input.year,
    department: input.department,
    partial: input.partial ?? false,
    kind: fileKind(input),
    input,
    catalogue,
    ...flows,
    basicEconomic: { items, classes, personnel, public: publicCost, total: personnel.plus(publicCost) },
    threePublic: {
      abroad, vehiclePurchase, vehicleOperation, vehicles, reception, domestic,
      foreignAffairs: tp?.reception?.domestic?.foreign_affairs?.actual ?? null,
      overseas,
      total: threePublicTotal,
      counts: {
        groups: tp?.abroad?.groups ?? null,
        persons: tp?.abroad?.persons ?? null,
        purchased: tp?.vehicle_purchase?.vehicles ?? null,
        fleet: tp?.vehicle_operation?.fleet ?? null,
        domesticBatches: tp?.reception?.domestic?.batches ?? null,
        foreignBatches: tp?.reception?.domestic?.foreign_affairs?.batches ?? null,
        domesticPersons: tp?.reception?.domestic?.persons ?? null,
        foreignPersons: tp?.reception?.domestic?.foreign_affairs?.persons ?? null,
        overseasBatches: tp?.reception?.overseas?.batches ?? null,
        overseasPersons: tp?.reception?.overseas?.persons ?? null,
      },
    },
    assets: {
      vehicles: vehicleRows,
      vehicleTotal: vehicleRows.reduce((n, r) => n + r.count, 0),
      equipment: input.assets?.equipment_over_1m ?? 0,
    },
    procurement: {
      goods, works, services, total: procurementTotal, smeGoods, smeWorks, smeServices, sme, smallMicro,
      smeShare: shareOr0(sme, procurementTotal),
      smallMicroShare: shareOr0(smallMicro, sme),
      goodsShare: shareOr0(smeGoods, goods),
      worksShare: shareOr0(smeWorks, works),
      servicesShare: shareOr0(smeServices, services),
    },
    narrative: {
      opening: change(orZero(t.opening), prev('opening_balance')),
      openingReason: explanationOf(ex?.opening_balance, ['explanations', 'opening_balance']),
      nonFiscalSurplusUsed: change(orZero(t.nonFiscalSurplusUsed), prev('non_fiscal_surplus_used')),
      nonFiscalSurplusUsedReason: explanationOf(ex?.non_fiscal_surplus_used, ['explanations', 'non_fiscal_surplus_used']),
      incomeTotal: change(orZero(t.incomeTotal), prev('income_total')),
      incomeTotalReason,
      incomeComposition: incomeParts.map((p, i) => ({ key: p.key, name: p.name, share: { amount: p.amount, percent: incomeShares[i]! } })),
      expenditureTotal: change(orZero(t.expenditureTotal), prev('expenditure_total')),
      expenditureTotalReason: explanationOf(ex?.expenditure_total, ['explanations', 'expenditure_total']),
      surplusDistribution: change(orZero(t.surplusDistribution), prev('surplus_distribution')),
      surplusDistributionReason: explanationOf(ex?.surplus_distribution, ['explanations', 'surplus_distribution']),
      closing: change(orZero(t.closing), prev('closing_balance')),
      closingReason: explanationOf(ex?.closing_balance, ['explanations', 'closing_balance']),
      expenditureComposition: expenditureParts.map((p, i) => ({ key: p.key, name: p.name, share: { amount: p.amount, percent: expenditureShares[i]! } })),
      budget: { initial: budgetInitial, actual: fiscalActual, completion: budgetInitial === null ? null : percent(fiscalActual, budgetInitial), lines: budgetLines },
      gpBasic: orZero(flows.general.total.basic),
      basicClasses,
      threePublic: {
        total: change(orZero(threePublicTotal.actual), prev('three_public.total')),
        abroad: change(orZero(abroad.actual), prev('three_public.abroad')),
        vehiclePurchase: change(orZero(vehiclePurchase.actual), prev('three_public.vehicle_purchase')),
        vehicleOperation: change(orZero(vehicleOperation.actual), prev('three_public.vehicle_operation')),
        vehicles: change(orZero(vehicles.actual), prev('three_public.vehicles')),
        reception: change(orZero(reception.actual), prev('three_public.reception')),
      },
      adminCost: change(orZero(input.admin_operating_cost?.amount), prev('admin_operating_cost')),
    },
    projects: performance.projects,
    performance: performance.performance,
    evaluations: performance.evaluations,
    reports: performance.reports,
    figures: new Map(),
    ...(prior ? { prior } : {}),
  };
  calc.figures = comparableFigures(calc);
  return { calc: deepFreeze(calc), problems: performance.valueErrors };
}

/**
 * The figures another year can be compared with. A partial file (last year's figures recovered from
 * this year's text) holds only some: its summary totals, and what its sections state directly.
 */
export function comparableFigures(calc: YearCalc): Map<string, Dec> {
  const f = new Map<string, Dec>();
  const input = calc.input;
  const put = (key: string, value: Amount | undefined) => {
    if (value !== null && value !== undefined) f.set(key, value);
  };
  if (!calc.partial) {
    const t = calc.totals;
    put('income_total', orZero(t.incomeTotal));
    put('opening_balance', orZero(t.opening));
    put('non_fiscal_surplus_used', orZero(t.nonFiscalSurplusUsed));
    put('expenditure_total', orZero(t.expenditureTotal));
    put('surplus_distribution', orZero(t.surplusDistribution));
    put('closing_balance', orZero(t.closing));
    put('basic_total', orZero(calc.expenditure.total.basic));
    put('project_total', orZero(calc.expenditure.total.project));
    put('gp_basic', orZero(calc.general.total.basic));
    for (const [code, value] of calc.basicEconomic.classes) put(`gp_basic_by_class.${code}`, value);
    for (const [code, value] of calc.totals.expenditureByClass) put(`expenditure_class.${code}`, value);
  } else {
    const s = input.summary;
    put('income_total', s?.income_total);
    put('opening_balance', s?.opening_balance);
    put('non_fiscal_surplus_used', s?.non_fiscal_surplus_used);
    put('expenditure_total', s?.expenditure_total);
    put('surplus_distribution', s?.surplus_distribution);
    put('closing_balance', s?.closing_balance);
    put('basic_total', s?.basic_total);
    put('project_total', s?.project_total);
    for (const [code, value] of Object.entries(s?.gp_basic_by_class ?? {})) put(`gp_basic_by_class.${code}`, value);
    const classes = Object.values(s?.gp_basic_by_class ?? {});
    if (classes.length) put('gp_basic', sumAmounts(classes));
  }
  for (const [code, value] of calc.basicEconomic.items) put(`basic_item.${code}`, value);
  if (!calc.partial || input.three_public) {
    const tp = calc.threePublic;
    put('three_public.total', orZero(tp.total.actual));
    put('three_public.abroad', orZero(tp.abroad.actual));
    put('three_public.vehicles', orZero(tp.vehicles.actual));
    put('three_public.vehicle_purchase', orZero(tp.vehiclePurchase.actual));
    put('three_public.vehicle_operation', orZero(tp.vehicleOperation.actual));
    put('three_public.reception', orZero(tp.reception.actual));
  }
  if (!calc.partial || input.admin_operating_cost) put('admin_operating_cost', orZero(input.admin_operating_cost?.amount));
  for (const p of calc.projects) put(`project.${p.name}`, p.amount);
  return f;
}

export function fileKind(input: YearFile): YearCalc['kind'] {
  if (input.partial) return 'partial';
  const disclosure = input.overview || input.income || input.expenditure || input.basic_economic || input.projects || input.budget;
  return !disclosure && input.reports?.length ? 'reports' : 'disclosure';
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    if (value instanceof Map) {
      for (const v of value.values()) deepFreeze(v);
    } else if (!(value as { constructor?: { name?: string } }).constructor?.name?.includes('Decimal')) {
      Object.freeze(value);
      for (const v of Object.values(value)) deepFreeze(v);
    }
  }
  return value;
}
