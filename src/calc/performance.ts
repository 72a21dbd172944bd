/**
 * Performance figures: project self-evaluations (执行率, 得分, 等级), department evaluations, the
 * numbers of 九 预算绩效, and the named values that reports may quote.
 */
import { D, orZero, percent, round, sum, sumAmounts, ZERO, type Amount, type Dec } from '../decimal.ts';
import type { YamlPath } from '../load/source-map.ts';
import type { IndicatorInput, Report, YearFile } from '../schema/index.ts';
import { evaluate, ExpressionError, type Value } from './expression.ts';
import {
  FUNDS,
  type DepartmentEvaluationCalc,
  type FundingRow,
  type FundKey,
  type Grade,
  type IndicatorCalc,
  type ProjectCalc,
  type ReportCalc,
  type YearCalc,
} from './types.ts';

export const DEFAULT_EXECUTION_WEIGHT = D('10');

/** ≥90 优, 80–90 良, 60–80 中, <60 差 (the rule stated in the published report). */
export function gradeOf(score: Dec): Grade {
  if (score.gte(90)) return '优';
  if (score.gte(80)) return '良';
  if (score.gte(60)) return '中';
  return '差';
}

export function calcIndicators(nodes: readonly IndicatorInput[], path: YamlPath, depth = 1): IndicatorCalc[] {
  return nodes.map((node, i) => {
    const here = [...path, i];
    const children = calcIndicators(node.children ?? [], [...here, 'children'], depth + 1);
    const isGroup = children.length > 0;
    return {
      name: node.name,
      path: here,
      depth,
      weight: isGroup ? sum(children.map((c) => c.weight)) : (node.weight ?? ZERO),
      score: isGroup ? sum(children.map((c) => c.score)) : (node.score ?? ZERO),
      ...(isGroup && node.weight ? { statedWeight: node.weight } : {}),
      ...(node.target !== undefined ? { target: node.target } : {}),
      ...(node.actual !== undefined ? { actual: node.actual } : {}),
      ...(node.note !== undefined ? { note: node.note } : {}),
      ...(node.comment !== undefined ? { comment: node.comment } : {}),
      ...(node.full_marks ? { fullMarks: true } : {}),
      children,
    };
  });
}

export function* walkIndicators(nodes: readonly IndicatorCalc[]): Generator<IndicatorCalc> {
  for (const n of nodes) {
    yield n;
    yield* walkIndicators(n.children);
  }
}

const emptyFunding = (): FundingRow => ({ initial: null, full_year: null, executed: null });

function calcProject(p: NonNullable<YearFile['projects']>[number], index: number, department: string): ProjectCalc {
  const path: YamlPath = ['projects', index];
  const current = p.funding.current ?? emptyFunding();
  const carryover = p.funding.carryover ?? emptyFunding();
  const other = p.funding.other ?? emptyFunding();
  const total: FundingRow = {
    initial: sumAmounts([current.initial, carryover.initial, other.initial]),
    full_year: sumAmounts([current.full_year, carryover.full_year, other.full_year]),
    executed: sumAmounts([current.executed, carryover.executed, other.executed]),
  };
  const executionRate = percent(orZero(total.executed), orZero(total.full_year));
  const se = p.self_evaluation;
  const executionWeight = se?.execution_weight ?? DEFAULT_EXECUTION_WEIGHT;
  // 执行率得分 = 分值 × 执行率, capped at the 分值 (the usual 自评表 rule).
  const executionScore = executionRate === null ? ZERO : executionWeight.times(Dec100min(executionRate)).div(100);
  const indicators = se ? calcIndicators(se.indicators, [...path, 'self_evaluation', 'indicators']) : [];
  const indicatorWeight = sum(indicators.map((n) => n.weight));
  const indicatorScore = sum(indicators.map((n) => n.score));
  const score = se ? indicatorScore.plus(executionScore) : (p.score ?? ZERO);
  return {
    index,
    path,
    name: p.name,
    fund: p.fund ?? 'general',
    funding: { current, carryover, other, total },
    amount: orZero(total.executed),
    executionRate,
    executionWeight,
    executionScore,
    indicators,
    totalWeight: se ? indicatorWeight.plus(executionWeight) : D('100'),
    score,
    grade: gradeOf(score),
    published: se !== undefined,
    ...(se ? { supervisor: se.supervisor ?? department, implementer: se.implementer, goal: se.goal } : {}),
  };
}

function Dec100min(rate: Dec): Dec {
  return rate.gt(100) ? D('100') : rate;
}

/** Named values a report may quote as {=名称}: its own values (numbers or =formulas) over built-ins. */
export function calcReportValues(
  report: Report,
  builtIns: Map<string, Value>,
  path: YamlPath,
): { values: Map<string, Value>; errors: { path: YamlPath; message: string }[] } {
  const values = new Map(builtIns);
  const errors: { path: YamlPath; message: string }[] = [];
  const raw = report.values ?? {};
  const evaluating = new Set<string>();
  const resolve = (name: string): Value | undefined => {
    if (values.has(name)) return values.get(name);
    // Own keys only: a formula naming `toString` or `constructor` must not find Object.prototype's.
    const source = Object.hasOwn(raw, name) ? raw[name] : undefined;
    if (source === undefined) return undefined;
    if (evaluating.has(name)) throw new ExpressionError(`「${name}」的算式引用了自身`);
    evaluating.add(name);
    try {
      const text = source.trim();
      const value = text.startsWith('=') ? evaluate(text.slice(1), resolve) : /^-?\d+(\.\d+)?$/.test(text) ? D(text) : text;
      values.set(name, value);
      return value;
    } finally {
      evaluating.delete(name);
    }
  };
  for (const name of Object.keys(raw)) {
    try {
      resolve(name);
    } catch (err) {
      if (!(err instanceof ExpressionError)) throw err;
      errors.push({ path: [...path, 'values', name], message: `报告数值「${name}」无法计算：${err.message}` });
    }
  }
  return { values, errors };
}

function calcReport(
  report: Report,
  builtIns: Map<string, Value>,
  path: YamlPath,
): ReportCalc & { errors: { path: YamlPath; message: string }[] } {
  const { values, errors } = calcReportValues(report, builtIns, path);
  return { path, title: report.title, values, input: report, errors };
}

export function calcPerformance(
  input: YearFile,
  flows: Pick<YearCalc, 'expenditure' | 'fiscal'>,
): Pick<YearCalc, 'projects' | 'performance' | 'evaluations' | 'reports'> {
  const projects = (input.projects ?? []).map((p, i) => calcProject(p, i, input.department));
  const common = new Map<string, Value>([
    ['年度', D(String(input.year))],
    ['次年', D(String(input.year + 1))],
    ['部门', input.department],
  ]);

  const evaluations: DepartmentEvaluationCalc[] = (input.department_evaluations ?? []).map((e, index) => {
    const path: YamlPath = ['department_evaluations', index];
    const indicators = calcIndicators(e.form.indicators, [...path, 'form', 'indicators']);
    const score = sum(indicators.map((n) => n.score));
    const grade = gradeOf(score);
    const money = (m: typeof e.form.received) => ({ ...m, total: sumAmounts([m.central, m.provincial, m.local, m.other]) });
    const received = money(e.form.received);
    const used = money(e.form.used);
    const builtIns = new Map<string, Value>(common);
    builtIns.set('项目名称', e.project);
    builtIns.set('计划投资额', orZero(e.form.planned));
    builtIns.set('实际到位资金', orZero(received.total));
    builtIns.set('实际使用资金', orZero(used.total));
    builtIns.set('总得分', score);
    builtIns.set('评价等级', grade);
    for (const n of walkIndicators(indicators)) {
      if (!builtIns.has(n.name)) builtIns.set(n.name, n.score);
      if (!builtIns.has(`${n.name}.分值`)) builtIns.set(`${n.name}.分值`, n.weight);
    }
    const report = calcReport(e.report, builtIns, [...path, 'report']);
    const project = projects.find((p) => p.name === e.project);
    return {
      index,
      path,
      projectName: e.project,
      ...(project ? { project } : {}),
      planned: e.form.planned,
      received,
      used,
      indicators,
      totalWeight: sum(indicators.map((n) => n.weight)),
      score,
      grade,
      report,
    };
  });

  const reports = (input.reports ?? []).map((r, i) => {
    const report = calcReport(r, common, ['reports', i]);
    return report;
  });

  const selfEvaluatedAmount = sum(projects.map((p) => p.amount));
  const projectExpenditure = orZero(flows.expenditure.total.project);
  const gradeCounts: Record<Grade, number> = { 优: 0, 良: 0, 中: 0, 差: 0 };
  for (const p of projects) gradeCounts[p.grade] += 1;
  const averageScore = projects.length ? sum(projects.map((p) => p.score)).div(projects.length) : null;
  const fullYear = sum(projects.map((p) => orZero(p.funding.total.full_year)));
  const executed = sum(projects.map((p) => orZero(p.funding.total.executed)));
  const byFund = Object.fromEntries(FUNDS.map((f) => [f, ZERO])) as Record<FundKey, Dec>;
  for (const e of evaluations) if (e.project) byFund[e.project.fund] = byFund[e.project.fund].plus(e.project.amount);

  return {
    projects,
    evaluations,
    reports,
    performance: {
      selfEvaluated: projects.length,
      selfEvaluatedAmount,
      projectExpenditure,
      selfEvaluatedShare: percent(selfEvaluatedAmount, projectExpenditure),
      gradeCounts,
      averageScore,
      averageGrade: averageScore === null ? null : gradeOf(averageScore),
      executionRate: percent(executed, fullYear),
      departmentEvaluated: { byFund },
      overallAmounts: {
        general: flows.fiscal.expenditure.general,
        gov_fund: flows.fiscal.expenditure.gov_fund,
        state_capital: flows.fiscal.expenditure.state_capital,
      },
      formsOrder: formsOrder(input, projects),
    },
  };
}

/**
 * The order of the published 自评表: the names in performance.self_evaluation_order first (unknown or
 * unpublished names are reported by the project-reference rule), then the other published projects in
 * the order of the project list.
 */
function formsOrder(input: YearFile, projects: readonly ProjectCalc[]): number[] {
  const published = projects.filter((p) => p.published);
  const named = (input.performance?.self_evaluation_order ?? []).flatMap((name) => published.filter((p) => p.name === name));
  const first = [...new Set(named)];
  return [...first, ...published.filter((p) => !first.includes(p))].map((p) => p.index);
}

export function performanceValues(calc: Pick<YearCalc, 'year' | 'department' | 'projects' | 'performance'>): Map<string, Value> {
  const p = calc.performance;
  const natural = (d: Dec) => d.toDecimalPlaces(4).toString();
  const values = new Map<string, Value>([
    ['年度', D(String(calc.year))],
    ['次年', D(String(calc.year + 1))],
    ['部门', calc.department],
    ['自评项目数', D(String(p.selfEvaluated))],
    ['自评资金', p.selfEvaluatedAmount],
    ['项目支出合计', p.projectExpenditure],
    ['优项目数', D(String(p.gradeCounts.优))],
    ['良项目数', D(String(p.gradeCounts.良))],
    ['中项目数', D(String(p.gradeCounts.中))],
    ['差项目数', D(String(p.gradeCounts.差))],
    ['自评项目清单', calc.projects.map((x) => `${x.name}${natural(x.amount)}万元`).join('，')],
  ]);
  if (p.selfEvaluatedShare !== null) values.set('自评资金占比', p.selfEvaluatedShare.div(100));
  // Scores are shown with two places at most, half-up (99.6667 → 99.67), as the published report does.
  if (p.averageScore !== null) values.set('平均得分', round(p.averageScore, 2));
  if (p.averageGrade !== null) values.set('平均等级', p.averageGrade);
  if (p.executionRate !== null) values.set('项目执行率', p.executionRate.div(100));
  return values;
}

export type { Amount };
