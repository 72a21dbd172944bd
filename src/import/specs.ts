/**
 * What the headers and row labels of each 公开表 say, in the wording of the Jiangxi forms and of other
 * provinces' 决算 software (compared after norm(): full-width folded, no spaces or quotation marks, and
 * row numbering such as 一、 1. （1） 其中： removed). The layout juesuan writes itself is one of these
 * (src/render/xlsx/ from the TableSpecs of src/model/tables.ts); nothing here depends on that code.
 */
import { norm, type TableId } from './locate.ts';
import type { CodeTableSpec, LabelTableSpec } from './read-tables.ts';

export const CODE_TABLES: Partial<Record<TableId, CodeTableSpec>> = {
  T02: {
    columns: [
      ['general', /财政拨款.*一般公共预算|^一般公共预算/],
      ['gov_fund', /财政拨款.*政府性基金|^政府性基金/],
      ['state_capital', /财政拨款.*国有资本经营|^国有资本经营/],
      ['fiscal', /财政拨款/],
      ['superior', /上级补助/],
      ['business', /事业收入/],
      ['operating', /经营收入/],
      ['affiliated', /附属单位上缴/],
      ['other', /其他收入/],
      ['total', /本年收入合计|^合计$|收入合计|^小计$/],
    ],
    required: ['total'],
  },
  T03: {
    columns: [
      ['basic', /基本支出/],
      ['project', /项目支出/],
      ['remit', /上缴上级/],
      ['operating', /经营支出/],
      ['subsidy', /对附属单位补助/],
      ['total', /本年支出合计|^合计$|支出合计|^小计$/],
    ],
    required: ['total', 'basic', 'project'],
  },
  T05: {
    columns: [
      ['basic', /基本支出/],
      ['project', /项目支出/],
      ['total', /本年支出合计|^合计$|支出合计|^小计$/],
    ],
    required: ['total', 'basic', 'project'],
  },
  T07: {
    columns: [
      ['opening', /年初结转/],
      ['income', /本年收入/],
      ['basic', /基本支出/],
      ['project', /项目支出/],
      ['spend', /本年支出/],
      ['closing', /年末结转/],
    ],
    required: ['opening', 'income', 'basic', 'project', 'closing'],
  },
  T08: {
    columns: [
      ['basic', /基本支出/],
      ['project', /项目支出/],
      ['total', /合计|小计|本年支出/],
    ],
    required: ['total', 'basic', 'project'],
  },
};

const dict = (entries: Record<string, string>) => new Map(Object.entries(entries).map(([k, v]) => [norm(k), v]));

const FUNDS = dict({ 一般公共预算财政拨款: 'general', 政府性基金预算财政拨款: 'gov_fund', 国有资本经营预算财政拨款: 'state_capital' });
const fundOf = (label: string) => FUNDS.get(label) ?? FUNDS.get(label.replace(/收入$/, ''));

const T01_INCOME = dict({
  一般公共预算财政拨款收入: 'general',
  政府性基金预算财政拨款收入: 'gov_fund',
  国有资本经营预算财政拨款收入: 'state_capital',
  财政拨款收入: 'fiscal',
  上级补助收入: 'superior',
  事业收入: 'business',
  经营收入: 'operating',
  附属单位上缴收入: 'affiliated',
  其他收入: 'other',
  本年收入合计: 'income_total',
  '使用非财政拨款结余（含专用结余）': 'nf_used',
  使用非财政拨款结余: 'nf_used',
  年初结转和结余: 'opening',
});
const T01_EXPENDITURE = dict({ 本年支出合计: 'expenditure_total', 结余分配: 'surplus_distribution', 年末结转和结余: 'closing' });

/** A 类 row of 公开01/04: by its name in the year's catalogue, or by a code written before it. */
export type ClassLookup = (label: string) => string | undefined;

export function classLookup(classes: Iterable<{ code: string; name: string }>): ClassLookup {
  const byName = new Map([...classes].map((c) => [norm(c.name), c.code]));
  return (label) => {
    const coded = /^(2\d{2})(?!\d)/.exec(label);
    if (coded) return coded[1];
    return byName.get(label);
  };
}

/** 总计 appears once per side; in a one-column layout the first is 收入's. */
function grandTotal(side: number, state: Record<string, unknown>): string {
  if (side === 0) return 'income_grand';
  if (side === 1) return 'expenditure_grand';
  const key = state.grand ? 'expenditure_grand' : 'income_grand';
  state.grand = true;
  return key;
}

export function t01Spec(classOf: ClassLookup): LabelTableSpec {
  return {
    columns: [['amount', /金额|决算数/]],
    key(label, side, state) {
      if (label === '总计') return grandTotal(side, state);
      if (side !== 1) {
        const k = T01_INCOME.get(label);
        if (k) return `in.${k}`;
      }
      if (side !== 0) {
        const k = T01_EXPENDITURE.get(label);
        if (k) return `out.${k}`;
        const cls = classOf(label);
        if (cls) return `class.${cls}`;
      }
      return undefined;
    },
  };
}

export function t04Spec(classOf: ClassLookup): LabelTableSpec {
  return {
    columns: [
      ['amount', /金额/],
      ['general', /一般公共预算/],
      ['gov_fund', /政府性基金/],
      ['state_capital', /国有资本经营/],
      ['total', /合计|小计/],
    ],
    key(label, side, state) {
      if (label === '总计') return grandTotal(side, state);
      const fund = fundOf(label);
      if (side !== 1) {
        if (label === '本年收入合计') return 'income.total';
        if (label === '年初财政拨款结转和结余') {
          state.opening = true;
          return 'opening.total';
        }
        if (fund && side === 0) return `${state.opening ? 'opening' : 'income'}.${fund}`;
      }
      if (side !== 0) {
        if (label === '本年支出合计') return 'expenditure';
        if (label === '年末财政拨款结转和结余') {
          state.closing = true;
          return 'closing';
        }
        if (fund && side === 1) return state.closing ? `closing.${fund}` : undefined;
        const cls = classOf(label);
        if (cls) return `class.${cls}`;
      }
      if (fund && side === -1) return `${state.closing ? 'closing' : state.opening ? 'opening' : 'income'}.${fund}`;
      return undefined;
    },
  };
}

const T09_LINES = dict({
  三公经费支出: 'total',
  '因公出国（境）费': 'abroad',
  公务用车购置及运行维护费: 'vehicles',
  公务用车购置费: 'vehicle_purchase',
  公务用车运行维护费: 'vehicle_operation',
  公务接待费: 'reception',
  国内接待费: 'domestic',
  外事接待费: 'foreign_affairs',
  '国（境）外接待费': 'overseas',
  相关统计数: 'stats',
  '因公出国（境）团组数': 'groups',
  '因公出国（境）人次数': 'persons',
  公务用车购置数: 'purchased',
  公务用车保有量: 'fleet',
  国内公务接待批次: 'domestic_batches',
  外事接待批次: 'foreign_batches',
  国内公务接待人次: 'domestic_persons',
  外事接待人次: 'foreign_persons',
  '国（境）外公务接待批次': 'overseas_batches',
  '国（境）外公务接待人次': 'overseas_persons',
});
export const T09_COUNTS = new Set([
  'groups',
  'persons',
  'purchased',
  'fleet',
  'domestic_batches',
  'foreign_batches',
  'domestic_persons',
  'foreign_persons',
  'overseas_batches',
  'overseas_persons',
]);

export const T09_SPEC: LabelTableSpec = {
  columns: [
    ['initial', /年初预算/],
    ['full', /全年预算/],
    ['actual', /决算/],
  ],
  key: (label) => T09_LINES.get(label),
  isCount: (key) => T09_COUNTS.has(key),
};

export const VEHICLE_KEYS = dict({
  '副部（省）级及以上领导用车': 'ministerial',
  主要负责人用车: 'principal',
  机要通信用车: 'confidential',
  应急保障用车: 'emergency',
  执法执勤用车: 'law_enforcement',
  特种专业技术用车: 'special_technical',
  离退休干部服务用车: 'retiree_service',
  其他用车: 'other',
});

export const T10_SPEC: LabelTableSpec = {
  columns: [['actual', /决算数|数量|金额|合计/]],
  key(label) {
    if (label === '车辆数合计') return 'total';
    if (/100万元.*设备/.test(label)) return 'equipment';
    const v = VEHICLE_KEYS.get(label);
    return v ? `vehicle.${v}` : undefined;
  },
  isCount: () => true,
};
