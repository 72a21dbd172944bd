/**
 * The one list of figure identities: every figure another year (or another version) can be compared
 * with — its key, its Chinese label, its place in the order the 情况说明 discusses them, and how to get
 * it from the calculation (from the detail of a full year file, or from the `summary` of a partial
 * prior-year file, which states only some totals). The narrative's 比上年 comparisons, the 公开表 cells
 * that show a comparable figure, the year diff's summary and report.json's `figures` all use these keys.
 *
 * Scalar figures have fixed keys; families (a figure per 类, per 经济分类 款, per project) are a prefix and
 * a code or name, labelled by the name the year's tables print for it.
 */
import { orZero, sumAmounts, ZERO, type Amount, type Dec } from '../decimal.ts';
import type { YearFile } from '../schema/index.ts';
import type { YearCalc } from './types.ts';

type Summary = NonNullable<YearFile['summary']>;

interface ScalarFigure {
  key: string;
  label: string;
  /** The figure in a full year file. */
  full(calc: YearCalc): Amount;
  /** The figure in a partial file, when it can state it. */
  partial?(summary: Summary | undefined, input: YearFile): Amount | undefined;
  /** Whether a partial file holds this figure at all (三公, 机关运行经费: only when it has the section). */
  inPartial?(input: YearFile): boolean;
}

interface FigureFamily {
  prefix: string;
  /** Label from the name the year's table prints for the code (or the project's name). */
  label(name: string): string;
  entries(calc: YearCalc): Iterable<[string, Amount]>;
  partial?(summary: Summary | undefined): Iterable<[string, Amount]>;
}

const scalar = (f: ScalarFigure): ScalarFigure => f;
const family = (f: FigureFamily): FigureFamily => f;
const fromSummary = (key: Exclude<keyof Summary, 'gp_basic_by_class'>) => (s: Summary | undefined) => s?.[key];
const threePublic = (key: string, label: string, get: (c: YearCalc) => Amount): ScalarFigure =>
  scalar({
    key: `three_public.${key}`,
    label,
    full: (c) => orZero(get(c)),
    inPartial: (input) => input.three_public !== undefined,
    partial: () => undefined,
  });

/** In the order the 情况说明 discusses them. */
export const FIGURES: readonly (ScalarFigure | FigureFamily)[] = [
  scalar({ key: 'income_total', label: '本年收入合计', full: (c) => orZero(c.totals.incomeTotal), partial: fromSummary('income_total') }),
  scalar({
    key: 'non_fiscal_surplus_used',
    label: '使用非财政拨款结余（含专用结余）',
    full: (c) => orZero(c.totals.nonFiscalSurplusUsed),
    partial: fromSummary('non_fiscal_surplus_used'),
  }),
  scalar({
    key: 'opening_balance',
    label: '年初结转和结余',
    full: (c) => orZero(c.totals.opening),
    partial: fromSummary('opening_balance'),
  }),
  scalar({
    key: 'expenditure_total',
    label: '本年支出合计',
    full: (c) => orZero(c.totals.expenditureTotal),
    partial: fromSummary('expenditure_total'),
  }),
  scalar({
    key: 'surplus_distribution',
    label: '结余分配',
    full: (c) => orZero(c.totals.surplusDistribution),
    partial: fromSummary('surplus_distribution'),
  }),
  scalar({
    key: 'closing_balance',
    label: '年末结转和结余',
    full: (c) => orZero(c.totals.closing),
    partial: fromSummary('closing_balance'),
  }),
  scalar({ key: 'basic_total', label: '基本支出', full: (c) => orZero(c.expenditure.total.basic), partial: fromSummary('basic_total') }),
  scalar({
    key: 'project_total',
    label: '项目支出',
    full: (c) => orZero(c.expenditure.total.project),
    partial: fromSummary('project_total'),
  }),
  family({
    prefix: 'expenditure_class.',
    label: (name) => `本年支出 ${name}`,
    entries: (c) => c.totals.expenditureByClass,
    partial: () => [],
  }),
  // 三 财政拨款支出 (公开04 本年支出合计, 行次 59, of the three funds): in the charts and the finance
  // office's batch index; a partial file does not state it.
  scalar({ key: 'fiscal_expenditure', label: '财政拨款支出', full: (c) => orZero(c.fiscal.expenditure.total) }),
  scalar({
    key: 'gp_basic',
    label: '一般公共预算财政拨款基本支出',
    full: (c) => orZero(c.general.total.basic),
    partial: (s) => {
      const classes = Object.values(s?.gp_basic_by_class ?? {});
      return classes.length ? sumAmounts(classes) : undefined;
    },
  }),
  family({
    prefix: 'gp_basic_by_class.',
    label: (name) => `财政拨款基本支出 ${name}`,
    entries: (c) => c.basicEconomic.classes,
    partial: (s) => Object.entries(s?.gp_basic_by_class ?? {}),
  }),
  // 公开06 prints every 款 of the catalogue, 0.00 where nothing is booked: so does a full year's figure
  // list (a 款 last year did not use is 0.00 last year, not unknown). A partial file knows only what it
  // lists, and a file of stand-alone reports has no 公开06 at all.
  family({
    prefix: 'basic_item.',
    label: (name) => `财政拨款基本支出 ${name}`,
    entries: (c) =>
      c.kind !== 'disclosure'
        ? c.basicEconomic.items
        : [
            ...c.catalogue.economicClasses.flatMap((cls) =>
              cls.items.map((i): [string, Amount] => [i.code, c.basicEconomic.items.get(i.code) ?? ZERO]),
            ),
            ...[...c.basicEconomic.items].filter(([code]) => !c.catalogue.economicItemCodes.has(code)),
          ],
  }),
  threePublic('total', '“三公”经费支出', (c) => c.threePublic.total.actual),
  threePublic('abroad', '因公出国（境）费', (c) => c.threePublic.abroad.actual),
  threePublic('vehicles', '公务用车购置及运行维护费', (c) => c.threePublic.vehicles.actual),
  threePublic('vehicle_purchase', '公务用车购置费', (c) => c.threePublic.vehiclePurchase.actual),
  threePublic('vehicle_operation', '公务用车运行维护费', (c) => c.threePublic.vehicleOperation.actual),
  threePublic('reception', '公务接待费', (c) => c.threePublic.reception.actual),
  scalar({
    key: 'admin_operating_cost',
    label: '机关运行经费',
    full: (c) => orZero(c.input.admin_operating_cost?.amount),
    inPartial: (input) => input.admin_operating_cost !== undefined,
    partial: () => undefined,
  }),
  family({ prefix: 'project.', label: (name) => `项目：${name}`, entries: (c) => c.projects.map((p) => [p.name, p.amount]) }),
];

const isFamily = (f: ScalarFigure | FigureFamily): f is FigureFamily => 'prefix' in f;

/** The keys of the scalar figures (a typo in a key is a type error). */
export type FigureKey =
  | 'income_total'
  | 'non_fiscal_surplus_used'
  | 'opening_balance'
  | 'expenditure_total'
  | 'surplus_distribution'
  | 'closing_balance'
  | 'basic_total'
  | 'project_total'
  | 'gp_basic'
  | 'fiscal_expenditure'
  | 'admin_operating_cost'
  | `three_public.${'total' | 'abroad' | 'vehicles' | 'vehicle_purchase' | 'vehicle_operation' | 'reception'}`
  | `${'expenditure_class' | 'gp_basic_by_class' | 'basic_item' | 'project'}.${string}`;

/**
 * The figures of a calculated year. A partial file holds what its summary and sections state; the
 * families whose data a partial file keeps in its own lists (经济分类 款, projects) are read from them
 * as for a full file.
 */
export function comparableFigures(calc: YearCalc): Map<FigureKey, Dec> {
  const f = new Map<FigureKey, Dec>();
  const put = (key: string, value: Amount | undefined) => {
    if (value !== null && value !== undefined) f.set(key as FigureKey, value);
  };
  const input = calc.input;
  for (const fig of FIGURES) {
    if (isFamily(fig)) {
      const entries = calc.partial && fig.partial ? fig.partial(input.summary) : fig.entries(calc);
      for (const [code, value] of entries) put(`${fig.prefix}${code}`, value);
    } else if (!calc.partial) {
      put(fig.key, fig.full(calc));
    } else if (fig.inPartial?.(input)) {
      put(fig.key, fig.full(calc));
    } else {
      put(fig.key, fig.partial?.(input.summary, input));
    }
  }
  return f;
}

/** Whether a key is a member of a family (a 类, a 经济分类 款, a project), not one of the fixed figures. */
export function isFamilyKey(key: string): boolean {
  return FIGURES.some((f) => isFamily(f) && key.startsWith(f.prefix));
}

/** Place of a key in the list (families keep code order within their place). */
export function figureRank(key: string): number {
  const i = FIGURES.findIndex((f) => (isFamily(f) ? key.startsWith(f.prefix) : f.key === key));
  return i < 0 ? FIGURES.length : i;
}

/**
 * The label of a key: fixed for a scalar figure; for a family member, built from `name`, the label
 * the year's table prints for it (e.g. 「301 工资福利支出」), or the bare code when no table shows it.
 */
export function figureLabel(key: string, name?: string): string {
  for (const f of FIGURES) {
    if (isFamily(f) && key.startsWith(f.prefix)) return f.label(name ?? key.slice(f.prefix.length)).trim();
    if (!isFamily(f) && f.key === key) return f.label;
  }
  return name ?? key;
}
