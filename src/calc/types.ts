/**
 * The computed year: every figure of the ten tables and of the narrative, as exact decimals. Built by
 * calc/index.ts from the leaves of a year file; read by the checks and by the model builder. Nothing
 * downstream does arithmetic.
 */
import type { Change } from '../change.ts';
import type { Amount, Dec } from '../decimal.ts';
import type { YamlPath } from '../load/source-map.ts';
import type { YearFile } from '../schema/index.ts';
import type { Catalogue } from './catalogue.ts';
import type { Rollup } from './rollup.ts';
import type { Value } from './expression.ts';

export type { Change } from '../change.ts';

export type FileKind = 'disclosure' | 'partial' | 'reports';

export type FundKey = 'general' | 'gov_fund' | 'state_capital';
export const FUNDS: readonly FundKey[] = ['general', 'gov_fund', 'state_capital'];
export { FUND_NAMES } from '../catalogue/names.ts';

export type IncomeSource = FundKey | 'superior' | 'business' | 'operating' | 'affiliated' | 'other';
export const INCOME_SOURCES: readonly IncomeSource[] = [
  'general',
  'gov_fund',
  'state_capital',
  'superior',
  'business',
  'operating',
  'affiliated',
  'other',
];

export type IncomeCol = 'total' | 'fiscal' | 'superior' | 'business' | 'operating' | 'affiliated' | 'other';
export type ExpenditureCol = 'total' | 'basic' | 'project' | 'remit' | 'operating' | 'subsidy';
export type SplitCol = 'total' | 'basic' | 'project';
export type GovFundCol = 'opening' | 'income' | 'spend' | 'basic' | 'project' | 'closing';
export type FiscalCol = 'total' | FundKey;

export interface Share {
  amount: Dec;
  /** Percent rounded to 2 places, adjusted so a composition adds up to 100.00. */
  percent: Dec;
}

export interface ReasonItem {
  text: string;
  amount: Dec;
  path: YamlPath;
}
export interface ExplanationCalc {
  text?: string;
  lead?: string;
  joiner?: string;
  items: ReasonItem[];
  path: YamlPath;
}

export interface IndicatorCalc {
  name: string;
  path: YamlPath;
  depth: number;
  weight: Dec;
  score: Dec;
  statedWeight?: Dec;
  target?: string;
  actual?: string;
  note?: string;
  comment?: string;
  /** The report says 「得满分N分」 for this indicator (the published report does so for some only). */
  fullMarks?: boolean;
  children: IndicatorCalc[];
}

export type Grade = '优' | '良' | '中' | '差';

export interface FundingRow {
  initial: Amount;
  full_year: Amount;
  executed: Amount;
}

export interface ProjectCalc {
  index: number;
  path: YamlPath;
  name: string;
  fund: FundKey;
  funding: { current: FundingRow; carryover: FundingRow; other: FundingRow; total: FundingRow };
  /** 全年执行数 B, the amount the narrative lists for the project. */
  amount: Dec;
  executionRate: Dec | null;
  executionWeight: Dec;
  executionScore: Dec;
  indicators: IndicatorCalc[];
  totalWeight: Dec;
  score: Dec;
  grade: Grade;
  published: boolean;
  supervisor?: string;
  implementer?: string;
  goal?: { expected: string; actual: string };
}

export interface ReportCalc {
  path: YamlPath;
  title: string;
  values: Map<string, Value>;
  /** Report paragraphs are resolved in the model stage against these values. */
  input: NonNullable<YearFile['reports']>[number];
  /** Values whose formula could not be evaluated (reported by the report-values rule). */
  errors: { path: YamlPath; message: string }[];
}

export interface DepartmentEvaluationCalc {
  index: number;
  path: YamlPath;
  projectName: string;
  project?: ProjectCalc;
  planned: Amount;
  received: { central: Amount; provincial: Amount; local: Amount; other: Amount; total: Amount };
  used: { central: Amount; provincial: Amount; local: Amount; other: Amount; total: Amount };
  indicators: IndicatorCalc[];
  totalWeight: Dec;
  score: Dec;
  grade: Grade;
  report: ReportCalc;
}

export interface BudgetLine {
  code: string;
  initial: Amount;
  actual: Dec;
  /** 决算 / 年初预算 × 100 (unrounded); null when there is no 年初预算, where no rate may be stated. */
  completion: Dec | null;
  variance: Dec;
  reason?: ExplanationCalc;
  path?: YamlPath;
}

export interface BasicClassLine {
  code: string;
  name: string;
  change: Change;
  reason?: ExplanationCalc;
}

export interface ThreePublicLine {
  initial: Amount;
  full: Amount;
  actual: Amount;
}

export interface YearCalc {
  year: number;
  department: string;
  partial: boolean;
  /**
   * disclosure: a 部门决算 to publish; partial: last year's figures recovered from this year's text;
   * reports: a file holding only stand-alone reports (such as the 2020 自评报告).
   */
  kind: FileKind;
  input: YearFile;
  catalogue: Catalogue;

  income: Rollup<IncomeCol>;
  incomeBySource: Record<IncomeSource, Amount>;
  expenditure: Rollup<ExpenditureCol>;
  general: Rollup<SplitCol>;
  govFund: Rollup<GovFundCol>;
  stateCapital: Rollup<SplitCol>;

  totals: {
    incomeTotal: Amount;
    nonFiscalSurplusUsed: Amount;
    opening: Amount;
    incomeGrandTotal: Amount;
    expenditureByClass: Map<string, Amount>;
    expenditureTotal: Amount;
    surplusDistribution: Amount;
    closing: Amount;
    expenditureGrandTotal: Amount;
  };

  fiscal: {
    income: Record<FiscalCol, Amount>;
    opening: Record<FiscalCol, Amount>;
    incomeGrandTotal: Amount;
    byClass: Map<string, Record<FiscalCol, Amount>>;
    expenditure: Record<FiscalCol, Amount>;
    closing: Record<FiscalCol, Amount>;
    grandTotal: Record<FiscalCol, Amount>;
  };

  basicEconomic: {
    items: Map<string, Amount>;
    classes: Map<string, Dec>;
    personnel: Dec;
    public: Dec;
    total: Dec;
  };

  threePublic: {
    abroad: ThreePublicLine;
    vehiclePurchase: ThreePublicLine;
    vehicleOperation: ThreePublicLine;
    vehicles: ThreePublicLine;
    reception: ThreePublicLine;
    domestic: Amount;
    foreignAffairs: Amount;
    overseas: Amount;
    total: ThreePublicLine;
    counts: {
      groups: number | null;
      persons: number | null;
      purchased: number | null;
      fleet: number | null;
      domesticBatches: number | null;
      foreignBatches: number | null;
      domesticPersons: number | null;
      foreignPersons: number | null;
      overseasBatches: number | null;
      overseasPersons: number | null;
    };
  };

  assets: {
    vehicles: { key: string; name: string; count: number }[];
    vehicleTotal: number;
    equipment: number;
  };

  procurement: {
    goods: Dec;
    works: Dec;
    services: Dec;
    total: Dec;
    smeGoods: Dec;
    smeWorks: Dec;
    smeServices: Dec;
    sme: Dec;
    smallMicro: Dec;
    smeShare: Dec;
    smallMicroShare: Dec;
    goodsShare: Dec;
    worksShare: Dec;
    servicesShare: Dec;
  };

  /** Narrative (第三部分) figures. */
  narrative: {
    opening: Change;
    nonFiscalSurplusUsed: Change;
    incomeTotal: Change;
    incomeTotalReason?: ExplanationCalc;
    incomeComposition: { key: string; name: string; share: Share }[];
    expenditureTotal: Change;
    expenditureTotalReason?: ExplanationCalc;
    surplusDistribution: Change;
    closing: Change;
    openingReason?: ExplanationCalc;
    nonFiscalSurplusUsedReason?: ExplanationCalc;
    surplusDistributionReason?: ExplanationCalc;
    closingReason?: ExplanationCalc;
    expenditureComposition: { key: string; name: string; share: Share }[];
    budget: { initial: Amount; actual: Dec; completion: Dec | null; lines: BudgetLine[] };
    gpBasic: Dec;
    basicClasses: BasicClassLine[];
    threePublic: {
      total: Change;
      abroad: Change;
      vehiclePurchase: Change;
      vehicleOperation: Change;
      vehicles: Change;
      reception: Change;
    };
    adminCost: Change;
  };

  projects: ProjectCalc[];
  performance: {
    selfEvaluated: number;
    selfEvaluatedAmount: Dec;
    projectExpenditure: Dec;
    selfEvaluatedShare: Dec | null;
    gradeCounts: Record<Grade, number>;
    averageScore: Dec | null;
    averageGrade: Grade | null;
    executionRate: Dec | null;
    departmentEvaluated: { byFund: Record<FundKey, Dec> };
    overallAmounts: Record<FundKey, Amount>;
    /** Indices (ProjectCalc.index) of the projects whose 自评表 are published, in the published order. */
    formsOrder: number[];
  };
  evaluations: DepartmentEvaluationCalc[];
  reports: ReportCalc[];

  /** Figures that can be compared across years (and the only ones a partial file can hold). */
  figures: Map<string, Dec>;
  /** Comparable figures of the previous year, when a prior-year file exists. */
  prior?: Map<string, Dec>;
}
