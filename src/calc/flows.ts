/**
 * Income, expenditure and balances: the figures of 公开01–05, 07 and 08, all derived from the 项-level
 * leaves and the balances of the year file, one table's calculator after another; 公开01's totals here.
 */
import { sumAmounts, type Amount } from '../decimal.ts';
import type { YearFile } from '../schema/index.ts';
import { calcExpenditure } from './expenditure.ts';
import { calcFiscal } from './fiscal.ts';
import { calcGovFund } from './gov-fund.ts';
import { calcIncome } from './income.ts';
import { INCOME_SOURCES, type YearCalc } from './types.ts';

export type Flows = Pick<
  YearCalc,
  'income' | 'incomeBySource' | 'expenditure' | 'general' | 'govFund' | 'stateCapital' | 'totals' | 'fiscal'
>;

/** 公开01 收入支出决算总表. */
function calcTotals(input: YearFile, s: Omit<Flows, 'totals'>): YearCalc['totals'] {
  const balances = input.balances;
  const incomeTotal = sumAmounts(INCOME_SOURCES.map((src) => s.incomeBySource[src]));
  const nonFiscalSurplusUsed = balances?.non_fiscal_surplus_used ?? null;
  const opening = sumAmounts([s.fiscal.opening.total, balances?.non_fiscal?.opening ?? null]);
  const closing = sumAmounts([s.fiscal.closing.total, balances?.non_fiscal?.closing ?? null]);
  const expenditureByClass = new Map<string, Amount>();
  for (const row of s.expenditure.rows) if (row.level === 'class') expenditureByClass.set(row.code, row.values.total);
  const expenditureTotal = s.expenditure.total.total;
  const surplusDistribution = balances?.surplus_distribution ?? null;
  return {
    incomeTotal,
    nonFiscalSurplusUsed,
    opening,
    incomeGrandTotal: sumAmounts([incomeTotal, nonFiscalSurplusUsed, opening]),
    expenditureByClass,
    expenditureTotal,
    surplusDistribution,
    closing,
    expenditureGrandTotal: sumAmounts([expenditureTotal, surplusDistribution, closing]),
  };
}

export function calcFlows(input: YearFile): Flows {
  const income = calcIncome(input);
  const expenditure = calcExpenditure(input);
  const govFund = calcGovFund(input);
  const fiscal = calcFiscal(input, { ...income, ...expenditure, govFund });
  const flows = { ...income, ...expenditure, govFund, fiscal };
  return { ...flows, totals: calcTotals(input, flows) };
}
