/**
 * 公开07 政府性基金预算财政拨款收入支出决算表: per 项, the 基金 balances (年初, 年末), the 基金 income and
 * the 基金 spending (基本, 项目) — three sources of the year file joined by code.
 */
import { sumAmounts } from '../decimal.ts';
import type { YearFile } from '../schema/index.ts';
import { fundSpend } from './expenditure.ts';
import { rollup } from './rollup.ts';
import type { GovFundCol, YearCalc } from './types.ts';

const GOV_FUND_COLS: readonly GovFundCol[] = ['opening', 'income', 'spend', 'basic', 'project', 'closing'];

export function calcGovFund(input: YearFile): YearCalc['govFund'] {
  const incomeRows = input.income ?? [];
  const expenditureRows = input.expenditure ?? [];
  const balances = input.balances?.gov_fund ?? [];
  const codes = new Set<string>();
  for (const r of incomeRows) if (r.gov_fund !== null) codes.add(r.code);
  for (const r of expenditureRows) if (fundSpend(r, 'gov_fund') !== null) codes.add(r.code);
  for (const b of balances) codes.add(b.code);
  return rollup(
    GOV_FUND_COLS,
    [...codes].map((code) => {
      const exp = expenditureRows.filter((r) => r.code === code);
      const basic = sumAmounts(exp.map((r) => r.basic?.gov_fund ?? null));
      const project = sumAmounts(exp.map((r) => r.project?.gov_fund ?? null));
      const bal = balances.filter((b) => b.code === code);
      return {
        code,
        values: {
          opening: sumAmounts(bal.map((b) => b.opening)),
          income: sumAmounts(incomeRows.filter((r) => r.code === code).map((r) => r.gov_fund)),
          spend: sumAmounts([basic, project]),
          basic,
          project,
          closing: sumAmounts(bal.map((b) => b.closing)),
        },
      };
    }),
  );
}
