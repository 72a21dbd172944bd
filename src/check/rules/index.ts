/**
 * The rules, in the order they run (codes first, then balances, tables, narrative, performance, text).
 * Adding a rule: one module here, one line below, one test in test/rules/<id>.test.ts.
 */
import type { Rule } from '../rule.ts';
import yearFile from './year-file.ts';
import outputFileName from './output-file-name.ts';
import functionCodeFormat from './function-code-format.ts';
import functionCodeKnown from './function-code-known.ts';
import economicCodeFormat from './economic-code-format.ts';
import economicCodeKnown from './economic-code-known.ts';
import duplicateCode from './duplicate-code.ts';
import catalogueRename from './catalogue-rename.ts';
import catalogueEdition from './catalogue-edition.ts';
import missingSection from './missing-section.ts';
import balanceTotal from './balance-total.ts';
import balanceFund from './balance-fund.ts';
import govFundRowBalance from './gov-fund-row-balance.ts';
import balanceContinuity from './balance-continuity.ts';
import basicEconomicTotal from './basic-economic-total.ts';
import roundingTie from './rounding-tie.ts';
import incomeExpenditureByCode from './income-expenditure-by-code.ts';
import threePublicStructure from './three-public-structure.ts';
import threePublicCounts from './three-public-counts.ts';
import threePublicVsEconomic from './three-public-vs-economic.ts';
import fleetVsAssets from './fleet-vs-assets.ts';
import adminCostLimit from './admin-cost-limit.ts';
import procurementStructure from './procurement-structure.ts';
import changeReasonsSum from './change-reasons-sum.ts';
import changeReasonMissing from './change-reason-missing.ts';
import changeReasonDirection from './change-reason-direction.ts';
import budgetVarianceReasons from './budget-variance-reasons.ts';
import budgetMissing from './budget-missing.ts';
import priorYearMissing from './prior-year-missing.ts';
import priorYearDepartment from './prior-year-department.ts';
import threePublicBudgetReason from './three-public-budget-reason.ts';
import projectDuplicate from './project-duplicate.ts';
import projectReference from './project-reference.ts';
import projectTotal from './project-total.ts';
import projectScoreSource from './project-score-source.ts';
import projectExecution from './project-execution.ts';
import indicatorWeights from './indicator-weights.ts';
import indicatorScores from './indicator-scores.ts';
import indicatorStatedWeight from './indicator-stated-weight.ts';
import indicatorNumbering from './indicator-numbering.ts';
import indicatorComparator from './indicator-comparator.ts';
import evaluationFunds from './evaluation-funds.ts';
import reportValues from './report-values.ts';
import reportChecks from './report-checks.ts';
import textReference from './text-reference.ts';
import glossaryMissing from './glossary-missing.ts';
import textLint from './text-lint.ts';
import staleYear from './stale-year.ts';
import draftMarker from './draft-marker.ts';
import glyphCoverage from './glyph-coverage.ts';

export const RULES: readonly Rule[] = [
  yearFile,
  outputFileName,
  functionCodeFormat,
  functionCodeKnown,
  economicCodeFormat,
  economicCodeKnown,
  duplicateCode,
  catalogueRename,
  catalogueEdition,
  missingSection,
  balanceTotal,
  balanceFund,
  govFundRowBalance,
  balanceContinuity,
  basicEconomicTotal,
  roundingTie,
  incomeExpenditureByCode,
  threePublicStructure,
  threePublicCounts,
  threePublicVsEconomic,
  threePublicBudgetReason,
  fleetVsAssets,
  adminCostLimit,
  procurementStructure,
  changeReasonsSum,
  changeReasonMissing,
  changeReasonDirection,
  budgetVarianceReasons,
  budgetMissing,
  priorYearMissing,
  priorYearDepartment,
  projectDuplicate,
  projectReference,
  projectTotal,
  projectScoreSource,
  projectExecution,
  indicatorWeights,
  indicatorScores,
  indicatorStatedWeight,
  indicatorNumbering,
  indicatorComparator,
  evaluationFunds,
  reportValues,
  reportChecks,
  textReference,
  glossaryMissing,
  textLint,
  staleYear,
  draftMarker,
  glyphCoverage,
];
