/**
 * The one place where template data is assembled (Eleventy's data cascade, reduced to what we need):
 * computed figures from the calc, plus the department's own text. Every data string is wrapped by
 * `dataText` so the output lint can tell it from template text, and so it is printed exactly as typed.
 * Templates get values, not formatted strings; the helpers format.
 */
import type { ExplanationCalc, ThreePublicLine, YearCalc } from '../calc/index.ts';
import { performanceValues } from '../calc/performance.ts';
import { BASIC_CLASS_NARRATIVE_NAMES } from '../catalogue/names.ts';
import { orZero } from '../decimal.ts';
import { dataText } from './narrative.ts';
import { resolveProse } from './prose.ts';

const wrapReason = (e: ExplanationCalc | undefined): ExplanationCalc | undefined =>
  e && {
    ...e,
    ...(e.text ? { text: dataText(e.text) } : {}),
    ...(e.lead ? { lead: dataText(e.lead) } : {}),
    items: e.items.map((i) => ({ ...i, text: dataText(i.text) })),
  };
const wrapText = (s: string | undefined) => (s === undefined ? undefined : dataText(s));

/** 情况说明 五 states the 全年预算数 and the 决算数 of each 三公 line (公开09 also has the 年初预算数). */
const budgetAndActual = (l: ThreePublicLine) => ({ full: l.full, actual: l.actual });

/** The paragraphs of 九 a department writes itself, in the order of the template. */
const PERFORMANCE_TEXTS = [
  'goals',
  'preparation',
  'process',
  'analysis',
  'conclusion',
  'completion',
  'deviation',
  'improvement',
  'application',
] as const;

export function buildContext(calc: YearCalc) {
  const input = calc.input;
  const n = calc.narrative;
  const t = calc.totals;
  const ov = input.overview;
  const tp = input.three_public;
  const perfValues = performanceValues(calc);
  const prose = (s: string | undefined) => (s === undefined ? undefined : dataText(resolveProse(s, perfValues)));
  const units = ov?.units ?? [];
  const published = calc.performance.formsOrder.map((i) => calc.projects[i]!);
  const evaluated = calc.evaluations;
  const pf = calc.performance;

  return {
    year: calc.year,
    overview: ov && {
      duties: dataText(ov.duties),
      unitCount: units.length,
      unitNames: units.map((u) => dataText(u.name)),
      units: units
        .filter((u) => u.internal_bodies?.length)
        .map((u) => ({
          name: dataText(u.name),
          count: u.internal_bodies!.length,
          bodies: u.internal_bodies!.map(dataText),
          note: wrapText(u.note),
        })),
      staff: ov.staff,
      retired: (ov.staff.retired_unit_paid ?? 0) + (ov.staff.retired_pension_fund ?? 0),
    },
    income: {
      grandTotal: t.incomeGrandTotal,
      opening: n.opening,
      openingReason: wrapReason(n.openingReason),
      used: n.nonFiscalSurplusUsed,
      usedReason: wrapReason(n.nonFiscalSurplusUsedReason),
      total: n.incomeTotal,
      totalReason: wrapReason(n.incomeTotalReason),
      composition: n.incomeComposition.map((c) => ({ name: c.name, amount: c.share.amount, percent: c.share.percent })),
    },
    expenditure: {
      grandTotal: t.expenditureGrandTotal,
      total: n.expenditureTotal,
      totalReason: wrapReason(n.expenditureTotalReason),
      distribution: n.surplusDistribution,
      distributionReason: wrapReason(n.surplusDistributionReason),
      closing: n.closing,
      closingReason: wrapReason(n.closingReason),
      composition: n.expenditureComposition.map((c) => ({ name: c.name, amount: c.share.amount, percent: c.share.percent })),
    },
    budget: {
      initial: n.budget.initial,
      actual: n.budget.actual,
      completion: n.budget.completion,
      lines: n.budget.lines
        .filter((l) => !l.actual.isZero() || l.initial !== null)
        .map((l) => ({
          name: calc.catalogue.functionalName(l.code) ?? l.code,
          initial: l.initial,
          hasInitial: l.initial !== null,
          actual: l.actual,
          completion: l.completion,
          differs: !l.variance.isZero(),
          reason: wrapReason(l.reason),
        })),
    },
    basic: {
      total: n.gpBasic,
      lines: n.basicClasses.map((l) => ({
        name: BASIC_CLASS_NARRATIVE_NAMES[l.code] ?? l.name,
        change: l.change,
        reason: wrapReason(l.reason),
      })),
    },
    threePublic: {
      total: budgetAndActual(calc.threePublic.total),
      totalChange: n.threePublic.total,
      totalReason: wrapText(tp?.prior_reason),
      abroad: {
        line: budgetAndActual(calc.threePublic.abroad),
        change: n.threePublic.abroad,
        budgetReason: wrapText(tp?.abroad?.budget_reason),
        priorReason: wrapText(tp?.abroad?.prior_reason),
        purpose: wrapText(tp?.abroad?.purpose),
        groups: tp?.abroad?.groups,
        persons: tp?.abroad?.persons,
      },
      vehicles: {
        line: budgetAndActual(calc.threePublic.vehicles),
        change: n.threePublic.vehicles,
        budgetReason: wrapText(tp?.vehicle_reason?.budget_reason),
        priorReason: wrapText(tp?.vehicle_reason?.prior_reason),
      },
      purchase: {
        line: budgetAndActual(calc.threePublic.vehiclePurchase),
        change: n.threePublic.vehiclePurchase,
        budgetReason: wrapText(tp?.vehicle_purchase?.budget_reason),
        priorReason: wrapText(tp?.vehicle_purchase?.prior_reason),
        vehicles: tp?.vehicle_purchase?.vehicles,
      },
      operation: {
        line: budgetAndActual(calc.threePublic.vehicleOperation),
        change: n.threePublic.vehicleOperation,
        budgetReason: wrapText(tp?.vehicle_operation?.budget_reason),
        priorReason: wrapText(tp?.vehicle_operation?.prior_reason),
        fleet: tp?.vehicle_operation?.fleet,
      },
      reception: {
        line: budgetAndActual(calc.threePublic.reception),
        change: n.threePublic.reception,
        budgetReason: wrapText(tp?.reception?.budget_reason),
        priorReason: wrapText(tp?.reception?.prior_reason),
        purpose: wrapText(tp?.reception?.purpose),
        batches: calc.threePublic.counts.domesticBatches,
        persons: calc.threePublic.counts.domesticPersons,
        foreignBatches: calc.threePublic.counts.foreignBatches,
        foreignPersons: calc.threePublic.counts.foreignPersons,
        overseasBatches: calc.threePublic.counts.overseasBatches,
        overseasPersons: calc.threePublic.counts.overseasPersons,
        hasOverseas: (calc.threePublic.counts.overseasBatches ?? 0) > 0 || !orZero(calc.threePublic.overseas).isZero(),
        hasForeign: (calc.threePublic.counts.foreignBatches ?? 0) > 0,
      },
    },
    adminCost: { amount: n.adminCost.current, change: n.adminCost, reason: wrapText(input.admin_operating_cost?.reason) },
    procurement: {
      total: calc.procurement.total,
      goods: calc.procurement.goods,
      works: calc.procurement.works,
      services: calc.procurement.services,
      sme: calc.procurement.sme,
      smeShare: calc.procurement.smeShare,
      smallMicro: calc.procurement.smallMicro,
      smallMicroShare: calc.procurement.smallMicroShare,
      goodsShare: calc.procurement.goodsShare,
      worksShare: calc.procurement.worksShare,
      servicesShare: calc.procurement.servicesShare,
    },
    assets: {
      vehicleTotal: calc.assets.vehicleTotal,
      vehicles: calc.assets.vehicles.map((v) => ({ name: v.name, count: v.count })),
      equipment: calc.assets.equipment,
    },
    performance: {
      count: pf.selfEvaluated,
      amount: pf.selfEvaluatedAmount,
      share: pf.selfEvaluatedShare,
      grades: pf.gradeCounts,
      evaluations: {
        count: evaluated.length,
        names: evaluated.map((e) => dataText(e.projectName)),
        general: pf.departmentEvaluated.byFund.general,
        govFund: pf.departmentEvaluated.byFund.gov_fund,
        stateCapital: pf.departmentEvaluated.byFund.state_capital,
        summaries: (input.department_evaluations ?? []).map((e) => dataText(e.summary)),
      },
      overall: input.performance?.overall && {
        general: orZero(pf.overallAmounts.general),
        govFund: orZero(pf.overallAmounts.gov_fund),
        stateCapital: orZero(pf.overallAmounts.state_capital),
        grade: input.performance.overall.grade,
        summary: dataText(input.performance.overall.summary),
      },
      texts: Object.fromEntries(PERFORMANCE_TEXTS.map((k) => [k, prose(input.performance?.texts?.[k])])) as Record<
        (typeof PERFORMANCE_TEXTS)[number],
        string | undefined
      >,
      unitName: dataText(units[0]?.name ?? calc.department),
      tableNames: published.slice(0, 2).map((p) => dataText(p.name)),
      tableCount: published.length,
      hasEvaluations: evaluated.length > 0,
    },
  };
}

export type TemplateContext = ReturnType<typeof buildContext>;
