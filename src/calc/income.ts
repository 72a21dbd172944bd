/** 公开02 收入决算表: income by 项 and source, rolled up to 款, 类 and 合计; and each source in total. */
import { sumAmounts, type Amount } from '../decimal.ts';
import type { YearFile } from '../schema/index.ts';
import { rollup } from './rollup.ts';
import { INCOME_SOURCES, type IncomeCol, type IncomeSource, type YearCalc } from './types.ts';

const INCOME_COLS: readonly IncomeCol[] = ['total', 'fiscal', 'superior', 'business', 'operating', 'affiliated', 'other'];

export function calcIncome(input: YearFile): Pick<YearCalc, 'income' | 'incomeBySource'> {
  const rows = input.income ?? [];
  const income = rollup(
    INCOME_COLS,
    rows.map((r) => {
      const fiscal = sumAmounts([r.general, r.gov_fund, r.state_capital]);
      return {
        code: r.code,
        values: {
          total: sumAmounts([fiscal, r.superior, r.business, r.operating, r.affiliated, r.other]),
          fiscal,
          superior: r.superior,
          business: r.business,
          operating: r.operating,
          affiliated: r.affiliated,
          other: r.other,
        },
      };
    }),
  );
  const incomeBySource = Object.fromEntries(INCOME_SOURCES.map((s) => [s, sumAmounts(rows.map((r) => r[s]))])) as Record<
    IncomeSource,
    Amount
  >;
  return { income, incomeBySource };
}
