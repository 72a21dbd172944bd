import { orZero } from '../../decimal.ts';
import { defineRule, exact, show } from './_util.ts';

/** 公开07, per 项: 年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余. */
export default defineRule({
  id: 'gov-fund-row-balance',
  severity: 'error',
  description: '政府性基金每个项级科目：年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余（公开07表）',
  check(ctx) {
    for (const row of ctx.calc.govFund.rows) {
      if (row.level !== 'item') continue;
      const v = row.values;
      const left = orZero(v.opening).plus(orZero(v.income));
      const right = orZero(v.spend).plus(orZero(v.closing));
      if (left.equals(right)) continue;
      const i = (ctx.input.balances?.gov_fund ?? []).findIndex((b) => b.code === row.code);
      const j = (ctx.input.expenditure ?? []).findIndex((b) => b.code === row.code);
      ctx.report({
        path: i >= 0 ? ['balances', 'gov_fund', i] : j >= 0 ? ['expenditure', j] : ['income'],
        message: `政府性基金科目「${row.code}」：年初 ${show(v.opening)} + 本年收入 ${show(v.income)} ≠ 本年支出 ${show(v.spend)} + 年末 ${show(v.closing)}，相差 ${exact(left.minus(right))} 万元`,
      });
    }
  },
});
