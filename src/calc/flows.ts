/**
 * Income, expenditure and balances: the figures of 公开01–05, 07 and 08, all derived from the 项-level
 * leaves and the balances of the year file.
 */
import { sumAmounts, type Amount } from '../decimal.ts';
import type { YearFile } from '../schema/index.ts';
import { rollup } from './rollup.ts';
import {
  FUNDS,
  INCOME_SOURCES,
  type ExpenditureCol,
  type FiscalCol,
  type FundKey,
  type GovFundCol,
  type IncomeCol,
  type IncomeSource,
  type SplitCol,
  type YearCalc,
} from './types.ts';

type ExpenditureRow = NonNullable<YearFile['expenditure']>[number];
type Split = NonNullable<ExpenditureRow['basic']>;

const INCOME_COLS: readonly IncomeCol[] = ['total', 'fiscal', 'superior', 'business', 'operating', 'affiliated', 'other'];
const EXPENDITURE_COLS: readonly ExpenditureCol[] = ['total', 'basic', 'project', 'remit', 'operating', 'subsidy'];
const SPLIT_COLS: readonly SplitCol[] = ['total', 'basic', 'project'];
const GOV_FUND_COLS: readonly GovFundCol[] = ['opening', 'income', 'spend', 'basic', 'project', 'closing'];

const splitTotal = (s: Split | undefined): Amount => (s ? sumAmounts([s.general, s.gov_fund, s.state_capital, s.other]) : null);
/** What a 项 spent from one fiscal fund (basic + project). */
export const fundSpend = (row: ExpenditureRow, fund: FundKey): Amount => sumAmounts([row.basic?.[fund] ?? null, row.project?.[fund] ?? null]);

function fiscalRecord(values: Record<FundKey, Amount>): Record<FiscalCol, Amount> {
  return { total: sumAmounts(FUNDS.map((f) => values[f])), ...values };
}

export function calcFlows(input: YearFile): Pick<YearCalc, 'income' | 'incomeBySource' | 'expenditure' | 'general' | 'govFund' | 'stateCapital' | 'totals' | 'fiscal'> {
  const incomeRows = input.income ?? [];
  const expenditureRows = input.expenditure ?? [];
  const balances = input.balances;

  const income = rollup(
    INCOME_COLS,
    incomeRows.map((r) => {
      const fiscal = sumAmounts([r.general, r.gov_fund, r.state_capital]);
      return {
        code: r.code,
        values: {
          total: sumAmounts([fiscal, r.superior, r.business, r.operating, r.affiliated, r.other]),
          fiscal, superior: r.superior, business: r.business, operating: r.operating, affiliated: r.affiliated, other: r.other,
        },
      };
    }),
  );
  const incomeBySource = Object.fromEntries(
    INCOME_SOURCES.map((s) => [s, sumAmounts(incomeRows.map((r) => r[s]))]),
  ) as Record<IncomeSource, Amount>;

  const expenditure = rollup(
    EXPENDITURE_COLS,
    expenditureRows.map((r) => {
      const basic = splitTotal(r.basic);
      const project = splitTotal(r.project);
      return {
        code: r.code,
        values: {
          total: sumAmounts([basic, project, r.remit_superior, r.operating, r.subsidy_affiliated]),
          basic, project, remit: r.remit_superior, operating: r.operating, subsidy: r.subsidy_affiliated,
        },
      };
    }),
  );

  const split = (fund: FundKey) =>
    rollup(
      SPLIT_COLS,
      expenditureRows.map((r) => {
        const basic = r.basic?.[fund] ?? null;
        const project = r.project?.[fund] ?? null;
        return { code: r.code, values: { total: sumAmounts([basic, project]), basic, project } };
      }),
    );
  const general = split('general');
  const stateCapital = split('state_capital');

  // 公开07 joins three sources per 项: balances, 基金 income and 基金 spending.
  const govFundCodes = new Set<string>();
  for (const r of incomeRows) if (r.gov_fund !== null) govFundCodes.add(r.code);
  for (const r of expenditureRows) if (fundSpend(r, 'gov_fund') !== null) govFundCodes.add(r.code);
  for (const b of balances?.gov_fund ?? []) govFundCodes.add(b.code);
  const govFund = rollup(
    GOV_FUND_COLS,
    [...govFundCodes].map((code) => {
      const inc = sumAmounts(incomeRows.filter((r) => r.code === code).map((r) => r.gov_fund));
      const exp = expenditureRows.filter((r) => r.code === code);
      const basic = sumAmounts(exp.map((r) => r.basic?.gov_fund ?? null));
      const project = sumAmounts(exp.map((r) => r.project?.gov_fund ?? null));
      const bal = (balances?.gov_fund ?? []).filter((b) => b.code === code);
      return {
        code,
        values: {
          opening: sumAmounts(bal.map((b) => b.opening)),
          income: inc,
          spend: sumAmounts([basic, project]),
          basic,
          project,
          closing: sumAmounts(bal.map((b) => b.closing)),
        },
      };
    }),
  );

  // 公开04: 财政拨款 by fund.
  const fundIncome = { general: incomeBySource.general, gov_fund: incomeBySource.gov_fund, state_capital: incomeBySource.state_capital };
  const fundOpening = {
    general: balances?.general?.opening ?? null,
    gov_fund: govFund.total.opening,
    state_capital: balances?.state_capital?.opening ?? null,
  };
  const fundClosing = {
    general: balances?.general?.closing ?? null,
    gov_fund: govFund.total.closing,
    state_capital: balances?.state_capital?.closing ?? null,
  };
  const byClass = new Map<string, Record<FiscalCol, Amount>>();
  for (const r of expenditureRows) {
    if (!/^\d{7}$/.test(r.code)) continue;
    const cls = r.code.slice(0, 3);
    const prev = byClass.get(cls) ?? { total: null, general: null, gov_fund: null, state_capital: null };
    const next = fiscalRecord({
      general: sumAmounts([prev.general, fundSpend(r, 'general')]),
      gov_fund: sumAmounts([prev.gov_fund, fundSpend(r, 'gov_fund')]),
      state_capital: sumAmounts([prev.state_capital, fundSpend(r, 'state_capital')]),
    });
    byClass.set(cls, next);
  }
  for (const [cls, v] of byClass) if (v.total === null) byClass.delete(cls);
  const fiscalExpenditure = fiscalRecord({
    general: general.total.total,
    gov_fund: govFund.total.spend,
    state_capital: stateCapital.total.total,
  });
  const income4 = fiscalRecord(fundIncome);
  const opening4 = fiscalRecord(fundOpening);
  const closing4 = fiscalRecord(fundClosing);
  const grand4 = Object.fromEntries(
    (['total', ...FUNDS] as FiscalCol[]).map((c) => [c, sumAmounts([fiscalExpenditure[c], closing4[c]])]),
  ) as Record<FiscalCol, Amount>;

  // 公开01.
  const incomeTotal = sumAmounts(INCOME_SOURCES.map((s) => incomeBySource[s]));
  const nonFiscalSurplusUsed = balances?.non_fiscal_surplus_used ?? null;
  const opening = sumAmounts([opening4.total, balances?.non_fiscal?.opening ?? null]);
  const closing = sumAmounts([closing4.total, balances?.non_fiscal?.closing ?? null]);
  const expenditureByClass = new Map<string, Amount>();
  for (const row of expenditure.rows) if (row.level === 'class') expenditureByClass.set(row.code, row.values.total);
  const expenditureTotal = expenditure.total.total;
  const surplusDistribution = balances?.surplus_distribution ?? null;

  return {
    income,
    incomeBySource,
    expenditure,
    general,
    govFund,
    stateCapital,
    totals: {
      incomeTotal,
      nonFiscalSurplusUsed,
      opening,
      incomeGrandTotal: sumAmounts([incomeTotal, nonFiscalSurplusUsed, opening]),
      expenditureByClass,
      expenditureTotal,
      surplusDistribution,
      closing,
      expenditureGrandTotal: sumAmounts([expenditureTotal, surplusDistribution, closing]),
    },
    fiscal: {
      income: income4,
      opening: opening4,
      incomeGrandTotal: sumAmounts([income4.total, opening4.total]),
      byClass,
      expenditure: fiscalExpenditure,
      closing: closing4,
      grandTotal: grand4,
    },
  };
}

