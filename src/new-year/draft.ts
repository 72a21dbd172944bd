/**
 * Last year's file → this year's draft. Nothing of last year may be published as this year's by
 * accident, and nothing the new year needs may be left silently empty:
 * - the figures the 公开表 hold (收入、支出、基本支出、结转结余、三公经费的数字、资产) are removed: they
 *   come from this year's workbook (`npm run import`);
 * - figures no 公开表 holds (年初预算、项目资金、政府采购、机关运行经费、人员、评价得分 …) become `待填写`;
 * - year-specific texts (reasons, 三公 purposes, goals and results, the 九 paragraphs, report paragraphs)
 *   stay as drafts marked 【待填写】, so a person checks each one;
 * - what does not change with the year (部门职责、机构、项目名称、指标名称和分值、科目补充、名词解释) is kept;
 * - acknowledgements, the publication date and anything only a partial file has are dropped.
 * The rule draft-marker reports every marker with its line until it is written.
 */
import { isMap, isScalar, isSeq, type Pair, Scalar, type YAMLMap } from 'yaml';
import { DRAFT_MARK, draftText } from '../schema/draft.ts';
import { deleteSection, plain, type YearDoc } from './year-document.ts';

const keyOf = (p: Pair) => (isScalar(p.key) ? String(p.key.value) : String(p.key));

function pairs(node: unknown): Pair[] {
  return isMap(node) ? (node.items as Pair[]) : [];
}

function child(node: unknown, key: string): unknown {
  return pairs(node).find((p) => keyOf(p) === key)?.value;
}

function items(node: unknown): unknown[] {
  return isSeq(node) ? node.items : [];
}

/** A figure to be filled in: `待填写` (kept plain, whatever the quoting was). */
function toFill(node: unknown): void {
  if (!isScalar(node)) return;
  node.value = DRAFT_MARK;
  node.type = Scalar.PLAIN;
}

/** A text kept as a draft: 【待填写】 before it. Empty texts have nothing to carry: 待填写. */
function toDraft(node: unknown): void {
  if (!isScalar(node)) return;
  const text = String(node.value ?? '');
  if (!text.trim()) toFill(node);
  else node.value = draftText(text);
}

function fillKeys(map: unknown, keys: readonly string[]): void {
  for (const p of pairs(map)) if (keys.includes(keyOf(p))) toFill(p.value);
}

function draftKeys(map: unknown, keys: readonly string[]): void {
  for (const p of pairs(map)) if (keys.includes(keyOf(p))) toDraft(p.value);
}

function removeKeys(map: unknown, keys: readonly string[]): void {
  if (!isMap(map)) return;
  map.items = (map.items as Pair[]).filter((p) => !keys.includes(keyOf(p)));
}

/** A reason: a sentence (a draft) or itemised amounts (drafts to fill). */
function draftExplanation(node: unknown): void {
  if (isScalar(node)) {
    toDraft(node);
    return;
  }
  draftKeys(node, ['text']);
  for (const item of items(child(node, 'items'))) {
    draftKeys(item, ['text']);
    fillKeys(item, ['amount']);
  }
}

/** Indicator trees: names and weights stay (the design), results go (actual, score), comments are drafts. */
function draftIndicators(list: unknown): void {
  for (const node of items(list)) {
    fillKeys(node, ['actual', 'score']);
    draftKeys(node, ['note', 'comment']);
    draftIndicators(child(node, 'children'));
  }
}

function draftReport(report: unknown): void {
  removeKeys(report, ['date']);
  // Numbers of the year go; formulas (=A + B) stay, they say how the numbers relate.
  for (const p of pairs(child(report, 'values'))) {
    if (isScalar(p.value) && !String(p.value.value).trim().startsWith('=')) toFill(p.value);
  }
  for (const block of items(child(report, 'body'))) draftKeys(block, ['p']);
}

const THREE_PUBLIC_FIGURES = ['initial_budget', 'full_budget', 'actual', 'groups', 'persons', 'vehicles', 'fleet', 'domestic', 'overseas'];
const THREE_PUBLIC_TEXTS = ['purpose', 'budget_reason', 'prior_reason'];

/** The figure sections that come from the 公开表 (npm run import fills them). */
export const WORKBOOK_SECTIONS = ['income', 'expenditure', 'basic_economic', 'balances', 'assets'];

export function draftNextYear(doc: YearDoc, year: number): void {
  const root = doc.contents as YAMLMap;
  const year_ = child(root, 'year');
  if (isScalar(year_)) {
    year_.value = String(year);
    year_.type = Scalar.PLAIN;
  } else root.set(plain('year'), plain(String(year)));
  for (const key of ['publication_date', 'partial', 'summary', 'acknowledge', ...WORKBOOK_SECTIONS]) deleteSection(doc, key);

  fillKeys(child(child(root, 'overview'), 'staff'), ['establishment', 'other', 'retired_unit_paid', 'retired_pension_fund']);

  for (const b of items(child(root, 'budget'))) {
    fillKeys(b, ['initial']);
    const reason = child(b, 'variance_reason');
    if (reason) draftExplanation(reason);
  }
  for (const c of items(child(root, 'changes'))) {
    draftKeys(c, ['text']);
    fillKeys(c, ['amount']);
  }
  for (const p of pairs(child(root, 'explanations'))) {
    if (keyOf(p) === 'basic') for (const q of pairs(p.value)) draftExplanation(q.value);
    else draftExplanation(p.value);
  }

  const tp = child(root, 'three_public');
  for (const p of pairs(tp)) {
    if (isScalar(p.value)) {
      toDraft(p.value);
      continue;
    }
    removeKeys(p.value, THREE_PUBLIC_FIGURES);
    draftKeys(p.value, THREE_PUBLIC_TEXTS);
  }
  if (isMap(tp)) tp.items = (tp.items as Pair[]).filter((p) => !isMap(p.value) || p.value.items.length > 0);

  const admin = child(root, 'admin_operating_cost');
  fillKeys(admin, ['amount']);
  draftKeys(admin, ['reason']);

  const procurement = child(root, 'procurement');
  for (const p of pairs(procurement)) {
    if (isMap(p.value)) fillKeys(p.value, ['total', 'sme']);
    else toFill(p.value);
  }

  for (const project of items(child(root, 'projects'))) {
    for (const line of pairs(child(project, 'funding'))) fillKeys(line.value, ['initial', 'full_year', 'executed']);
    fillKeys(project, ['score']);
    const se = child(project, 'self_evaluation');
    const goal = child(se, 'goal');
    draftKeys(goal, ['expected']);
    fillKeys(goal, ['actual']);
    draftIndicators(child(se, 'indicators'));
  }

  const performance = child(root, 'performance');
  draftKeys(child(performance, 'overall'), ['summary']);
  for (const p of pairs(child(performance, 'texts'))) toDraft(p.value);

  for (const e of items(child(root, 'department_evaluations'))) {
    draftKeys(e, ['summary']);
    const form = child(e, 'form');
    fillKeys(form, ['planned']);
    for (const k of ['received', 'used']) fillKeys(child(form, k), ['central', 'provincial', 'local', 'other']);
    draftIndicators(child(form, 'indicators'));
    draftReport(child(e, 'report'));
  }
  for (const r of items(child(root, 'reports'))) draftReport(r);
}
