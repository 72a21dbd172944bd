/**
 * Writes the imported figures into a year document, in the style of data/2024.yaml, and marks what the
 * new figures need but no table can give: a 类 with 财政拨款 spending but no 年初预算 (budget), a 项 with
 * figures but no 名词解释 (glossary). 三公经费 figures are merged into the existing entries, keeping their
 * reasons (a reason is carried by the key of the figure it explains).
 */
import type { Catalogue } from '../calc/catalogue.ts';
import type { Dec } from '../decimal.ts';
import { DRAFT_MARK } from '../schema/draft.ts';
import {
  amountText,
  isMap,
  isScalar,
  isSeq,
  mapOf,
  pairOf,
  plain,
  quoted,
  seqOf,
  setSection,
  type YearDoc,
} from '../new-year/year-document.ts';
import { Pair, type Node as YamlNode, YAMLMap } from 'yaml';
import type { Balances, Figures, Split, ThreePublicFigures } from './figures.ts';

const amount = (v: Dec | undefined) => (v === undefined ? undefined : plain(amountText(v)));
const count = (v: number | undefined) => (v === undefined ? undefined : plain(String(v)));

const INCOME_KEYS = ['general', 'gov_fund', 'state_capital', 'superior', 'business', 'operating', 'affiliated', 'other'] as const;

function splitNode(s: Split | undefined): YAMLMap | undefined {
  return s
    ? mapOf(
        [
          ['general', amount(s.general)],
          ['gov_fund', amount(s.gov_fund)],
          ['state_capital', amount(s.state_capital)],
          ['other', amount(s.other)],
        ],
        true,
      )
    : undefined;
}

/** The style most rows of a section already have (a person's choice), else data/2024.yaml's. */
function rowsAreFlow(doc: YearDoc, key: string): boolean | undefined {
  const seq = pairOf(doc.contents, key)?.value;
  const rows = isSeq(seq) ? seq.items.filter(isMap) : [];
  return rows.length ? rows.filter((r) => r.flow === true).length * 2 > rows.length : undefined;
}

function balancesNode(b: Balances): YamlNode {
  const pair = (p: { opening?: Dec; closing?: Dec } | undefined) =>
    p
      ? mapOf(
          [
            ['opening', amount(p.opening)],
            ['closing', amount(p.closing)],
          ],
          true,
        )
      : undefined;
  const node = mapOf([
    ['general', pair(b.general)],
    ['state_capital', pair(b.state_capital)],
    [
      'gov_fund',
      b.gov_fund
        ? seqOf(
            b.gov_fund.map((g) =>
              mapOf(
                [
                  ['code', quoted(g.code)],
                  ['opening', amount(g.opening)],
                  ['closing', amount(g.closing)],
                ],
                true,
              ),
            ),
          )
        : undefined,
    ],
    ['non_fiscal', pair(b.non_fiscal)],
    ['non_fiscal_surplus_used', amount(b.non_fiscal_surplus_used)],
    ['surplus_distribution', amount(b.surplus_distribution)],
  ]);
  if (!node.items.length) node.flow = true; // balances: {}
  return node;
}

const LINE_FIGURES = ['initial_budget', 'full_budget', 'actual', 'groups', 'persons', 'vehicles', 'fleet', 'domestic', 'overseas'];

/** An existing 三公 line with its figure keys replaced by the workbook's (texts kept, after them). */
function mergeLine(existing: unknown, figures: [string, YamlNode | undefined][]): YAMLMap | undefined {
  const kept = isMap(existing)
    ? (existing.items as Pair[]).filter((p) => !LINE_FIGURES.includes(isScalar(p.key) ? String(p.key.value) : ''))
    : [];
  const node = mapOf(figures);
  node.items.push(...kept);
  if (!node.items.length) return undefined;
  // A short line stays on one line as it was; a line that grew (figures added) is written as a block.
  node.flow = isMap(existing) && existing.flow === true && node.items.length <= 4 && node.items.every((p) => !isMap((p as Pair).value));
  return node;
}

function threePublicNode(doc: YearDoc, tp: ThreePublicFigures): YAMLMap {
  const existing = pairOf(doc.contents, 'three_public')?.value;
  const old = (key: string) => pairOf(existing, key)?.value;
  const line = (l: { initial_budget?: Dec; full_budget?: Dec; actual?: Dec } | undefined): [string, YamlNode | undefined][] => [
    ['initial_budget', amount(l?.initial_budget)],
    ['full_budget', amount(l?.full_budget)],
    ['actual', amount(l?.actual)],
  ];
  const r = tp.reception;
  const reception = (x: { actual?: Dec; batches?: number; persons?: number } | undefined, extra: [string, YamlNode | undefined][] = []) => {
    const m = mapOf([['actual', amount(x?.actual)], ['batches', count(x?.batches)], ['persons', count(x?.persons)], ...extra], true);
    return m.items.length ? m : undefined;
  };
  const foreign = reception(r?.domestic?.foreign_affairs);
  const domestic = reception(r?.domestic, foreign ? [['foreign_affairs', foreign]] : []);
  if (domestic && foreign) domestic.flow = false;
  const lines: [string, YAMLMap | undefined][] = [
    [
      'abroad',
      mergeLine(old('abroad'), [...line(tp.abroad), ['groups', count(tp.abroad?.groups)], ['persons', count(tp.abroad?.persons)]]),
    ],
    [
      'vehicle_purchase',
      mergeLine(old('vehicle_purchase'), [...line(tp.vehicle_purchase), ['vehicles', count(tp.vehicle_purchase?.vehicles)]]),
    ],
    [
      'vehicle_operation',
      mergeLine(old('vehicle_operation'), [...line(tp.vehicle_operation), ['fleet', count(tp.vehicle_operation?.fleet)]]),
    ],
    [
      'reception',
      mergeLine(old('reception'), [
        ['initial_budget', amount(r?.initial_budget)],
        ['full_budget', amount(r?.full_budget)],
        ['domestic', domestic],
        ['overseas', reception(r?.overseas)],
      ]),
    ],
  ];
  const node = mapOf(lines.map(([k, v]) => [k, v]));
  // Keys of three_public other than the four lines (vehicle_reason, prior_reason) stay as they were.
  if (isMap(existing)) {
    for (const p of existing.items as Pair[]) {
      const k = isScalar(p.key) ? String(p.key.value) : '';
      if (!lines.some(([name]) => name === k)) node.items.push(p);
    }
  }
  if (!node.items.length) node.flow = true;
  return node;
}

const VEHICLE_ORDER = [
  'ministerial',
  'principal',
  'confidential',
  'emergency',
  'law_enforcement',
  'special_technical',
  'retiree_service',
  'other',
];

export const SECTION_COMMENTS: Record<string, string> = {
  income: '─── 收入（公开02表明细行）：按支出功能分类项级科目 × 收入来源 ───────────────────────────────────────',
  expenditure: '─── 支出（公开03、05、07、08表明细行）：按项级科目 × 基本/项目 × 资金来源 ──────────────────────────',
  basic_economic: '─── 一般公共预算财政拨款基本支出（公开06表）：按经济分类款级科目；未列出的科目显示 0.00 ──────────────',
  balances: '─── 结转和结余（公开01、04、07表）──────────────────────────────────────────────────────────────',
  three_public: '─── 财政拨款“三公”经费（公开09表）─────────────────────────────────────────────────────────────',
  assets: '─── 国有资产占用（公开10表）───────────────────────────────────────────────────────────────────',
};

export function applyFigures(doc: YearDoc, f: Figures, catalogue: Catalogue): void {
  setSection(
    doc,
    'income',
    seqOf(
      f.income.map((r) =>
        mapOf([['code', quoted(r.code)], ...INCOME_KEYS.map((k): [string, YamlNode | undefined] => [k, amount(r[k])])], true),
      ),
    ),
    SECTION_COMMENTS.income,
  );

  const flowRows = rowsAreFlow(doc, 'expenditure') ?? false;
  setSection(
    doc,
    'expenditure',
    seqOf(
      f.expenditure.map((r) =>
        mapOf(
          [
            ['code', quoted(r.code)],
            ['basic', splitNode(r.basic)],
            ['project', splitNode(r.project)],
            ['remit_superior', amount(r.remit_superior)],
            ['operating', amount(r.operating)],
            ['subsidy_affiliated', amount(r.subsidy_affiliated)],
          ],
          flowRows,
        ),
      ),
    ),
    SECTION_COMMENTS.expenditure,
  );

  const be = new YAMLMap();
  for (const e of f.basicEconomic) {
    const v = plain(amountText(e.value));
    const name = catalogue.economicName(e.code) ?? e.name;
    if (name) v.comment = ` ${name}`;
    be.items.push(new Pair(quoted(e.code), v));
  }
  if (!be.items.length) be.flow = true;
  setSection(doc, 'basic_economic', be, SECTION_COMMENTS.basic_economic);

  setSection(doc, 'balances', balancesNode(f.balances), SECTION_COMMENTS.balances);
  setSection(doc, 'three_public', threePublicNode(doc, f.threePublic), SECTION_COMMENTS.three_public);

  const vehicles = f.assets.vehicles;
  const oldVehicles = pairOf(pairOf(doc.contents, 'assets')?.value, 'vehicles')?.value;
  const vehiclesNode = vehicles
    ? mapOf(
        VEHICLE_ORDER.map((k) => [k, count(vehicles[k])]),
        isMap(oldVehicles) && oldVehicles.flow === true,
      )
    : undefined;
  const assets = mapOf([
    ['vehicles', vehiclesNode],
    ['equipment_over_1m', count(f.assets.equipment_over_1m)],
  ]);
  if (!assets.items.length) assets.flow = true;
  setSection(doc, 'assets', assets, SECTION_COMMENTS.assets);
}

/**
 * What the new figures need that no table gives: a 年初预算 for each 类 with 财政拨款 spending, and a
 * 名词解释 for each 项 with figures whose 科目说明 is not known. Marked 待填写; returns what was added.
 */
export function markMissing(doc: YearDoc, fiscalClasses: string[], itemCodes: string[], catalogue: Catalogue): string[] {
  const added: string[] = [];
  const budget = pairOf(doc.contents, 'budget')?.value;
  const have = new Set(
    isSeq(budget) ? budget.items.map((b) => String((pairOf(b, 'code')?.value as { value?: unknown } | undefined)?.value ?? '')) : [],
  );
  const missing = fiscalClasses.filter((c) => !have.has(c));
  if (missing.length) {
    const list = isSeq(budget) ? budget : seqOf([]);
    for (const code of missing) {
      const at = list.items.findIndex((b) => String((pairOf(b, 'code')?.value as { value?: unknown } | undefined)?.value ?? '') > code);
      const node = mapOf(
        [
          ['code', quoted(code)],
          ['initial', plain(DRAFT_MARK)],
        ],
        true,
      );
      if (at < 0) list.items.push(node);
      else list.items.splice(at, 0, node);
      added.push(`budget ${code}`);
    }
    if (!isSeq(budget))
      setSection(doc, 'budget', list, '─── 三 财政拨款年初预算（按功能分类类级）─────────────────────────────────────────────────────');
  }
  const unexplained = itemCodes.filter((c) => catalogue.functionalName(c) && !catalogue.functionalExplanation(c));
  if (unexplained.length) {
    let glossary = pairOf(doc.contents, 'glossary')?.value;
    if (!isMap(glossary)) {
      glossary = mapOf([]);
      setSection(
        doc,
        'glossary',
        glossary as YAMLMap,
        '─── 第四部分 名词解释 ─────────────────────────────────────────────────────────────────────',
      );
    }
    let list = pairOf(glossary, 'expenditure')?.value;
    if (!isSeq(list)) {
      list = seqOf([]);
      (glossary as YAMLMap).items.push(new Pair(plain('expenditure'), list));
    }
    for (const code of unexplained) {
      (list as ReturnType<typeof seqOf>).items.push(
        mapOf(
          [
            ['code', quoted(code)],
            ['text', plain(DRAFT_MARK)],
          ],
          true,
        ),
      );
      added.push(`glossary ${code}`);
    }
  }
  return added;
}
