/**
 * The figures the charts of a 部门决算 show — income by source, expenditure by kind and by 类, and the
 * main totals against last year — as part of the model, so every renderer draws the same figures and
 * none reaches into the calculation. They are the figures the 公开表 print (公开01, 03, 04) and last
 * year's comparable figures (calc/figures.ts); a figure last year's file lacks is null, never zero.
 */
import type { YearCalc } from '../calc/index.ts';
import { EXPENDITURE_PARTS, INCOME_SOURCE_NAMES } from '../catalogue/names.ts';
import { orZero, sharesOf, type Dec } from '../decimal.ts';
import type { ChartData, ChartPoint } from './document.ts';
import type { FigureKey } from './figures.ts';

function shares(id: string, title: string, parts: { label: string; value: Dec }[]): ChartData | undefined {
  if (parts.every((p) => p.value.isZero()) || parts.some((p) => p.value.isNegative())) return undefined;
  const pct = sharesOf(parts.map((p) => p.value));
  return {
    id,
    kind: 'share',
    title,
    unit: '万元',
    points: parts.map((p, i) => ({ label: p.label, value: p.value.toFixed(), share: pct[i]!.toFixed(2) })),
  };
}

/** 公开03's order of the kinds of expenditure (the 情况说明 lists them in another). */
const EXPENDITURE_KIND_ORDER = ['basic', 'project', 'remit', 'operating', 'subsidy'] as const;

export function buildCharts(calc: YearCalc): ChartData[] {
  if (calc.kind !== 'disclosure') return [];
  const year = `${calc.year}年度`;
  const charts: (ChartData | undefined)[] = [];

  charts.push(
    shares(
      'income-sources',
      `${year}收入构成（按收入来源）`,
      INCOME_SOURCE_NAMES.map((s) => ({ label: s.name, value: orZero(calc.incomeBySource[s.key]) })),
    ),
  );

  const kinds = EXPENDITURE_KIND_ORDER.map((key) => ({
    label: EXPENDITURE_PARTS.find((p) => p.key === key)!.name,
    value: orZero(calc.expenditure.total[key]),
  }));
  charts.push(shares('expenditure-types', `${year}支出构成（按支出性质）`, kinds));

  const classes: ChartPoint[] = [...calc.totals.expenditureByClass]
    .filter(([, value]) => !orZero(value).isZero())
    .map(([code, value]) => ({ label: calc.catalogue.functionalName(code) ?? code, value: orZero(value).toFixed() }));
  if (classes.length)
    charts.push({
      id: 'expenditure-classes',
      kind: 'bars',
      title: `${year}支出构成（按支出功能分类科目“类”级）`,
      unit: '万元',
      points: classes,
    });

  const compared: [string, FigureKey][] = [
    ['本年收入合计', 'income_total'],
    ['本年支出合计', 'expenditure_total'],
    ['财政拨款支出', 'fiscal_expenditure'],
    ['“三公”经费支出', 'three_public.total'],
  ];
  const points = compared.flatMap(([label, key]): ChartPoint[] => {
    const value = calc.figures.get(key);
    if (value === undefined) return [];
    const before = calc.prior?.get(key);
    return [{ label, value: value.toFixed(), prior: before === undefined ? null : before.toFixed() }];
  });
  if (points.length)
    charts.push({
      id: 'year-on-year',
      kind: 'compare',
      title: '主要收支指标与上年对比',
      unit: '万元',
      points,
      series: [`${calc.year - 1}年度`, year],
    });

  return charts.filter((c): c is ChartData => c !== undefined);
}
