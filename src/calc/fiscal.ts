/** 公开04 财政拨款收入支出决算总表: the three 财政拨款 funds' income, balances and spending by 类. */
import { sumAmounts, type Amount } from '../decimal.ts';
import type { YearFile } from '../schema/index.ts';
import { fundSpend } from './expenditure.ts';
import { isItemCode } from './rollup.ts';
import { FUNDS, type FiscalCol, type FundKey, type YearCalc } from './types.ts';

function fiscalRecord(values: Record<FundKey, Amount>): Record<FiscalCol, Amount> {
  return { total: sumAmounts(FUNDS.map((f) => values[f])), ...values };
}

export function calcFiscal(
  input: YearFile,
  s: Pick<YearCalc, 'incomeBySource' | 'general' | 'govFund' | 'stateCapital'>,
): YearCalc['fiscal'] {
  const balances = input.balances;
  const income = fiscalRecord({
    general: s.incomeBySource.general,
    gov_fund: s.incomeBySource.gov_fund,
    state_capital: s.incomeBySource.state_capital,
  });
  const opening = fiscalRecord({
    general: balances?.general?.opening ?? null,
    gov_fund: s.govFund.total.opening,
    state_capital: balances?.state_capital?.opening ?? null,
  });
  const closing = fiscalRecord({
    general: balances?.general?.closing ?? null,
    gov_fund: s.govFund.total.closing,
    state_capital: balances?.state_capital?.closing ?? null,
  });
  const byClass = new Map<string, Record<FiscalCol, Amount>>();
  for (const r of input.expenditure ?? []) {
    if (!isItemCode(r.code)) continue;
    const cls = r.code.slice(0, 3);
    const prev = byClass.get(cls) ?? { total: null, general: null, gov_fund: null, state_capital: null };
    byClass.set(
      cls,
      fiscalRecord({
        general: sumAmounts([prev.general, fundSpend(r, 'general')]),
        gov_fund: sumAmounts([prev.gov_fund, fundSpend(r, 'gov_fund')]),
        state_capital: sumAmounts([prev.state_capital, fundSpend(r, 'state_capital')]),
      }),
    );
  }
  for (const [cls, v] of byClass) if (v.total === null) byClass.delete(cls);
  const expenditure = fiscalRecord({
    general: s.general.total.total,
    gov_fund: s.govFund.total.spend,
    state_capital: s.stateCapital.total.total,
  });
  const grandTotal = Object.fromEntries(
    (['total', ...FUNDS] as FiscalCol[]).map((c) => [c, sumAmounts([expenditure[c], closing[c]])]),
  ) as Record<FiscalCol, Amount>;
  return {
    income,
    opening,
    incomeGrandTotal: sumAmounts([income.total, opening.total]),
    byClass,
    expenditure,
    closing,
    grandTotal,
  };
}
