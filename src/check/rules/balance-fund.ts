import { orZero } from '../../decimal.ts';
import { FUND_NAMES, FUNDS } from '../../calc/index.ts';
import { defineRule, exact, show } from './_util.ts';

/** 公开04, by fund: 年初结转结余 + 本年收入 = 本年支出 + 年末结转结余. */
export default defineRule({
  id: 'balance-fund',
  severity: 'error',
  description: '每类财政拨款资金：年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余（公开04表）',
  check(ctx) {
    const fiscal = ctx.calc.fiscal;
    for (const fund of FUNDS) {
      const left = orZero(fiscal.opening[fund]).plus(orZero(fiscal.income[fund]));
      const right = orZero(fiscal.expenditure[fund]).plus(orZero(fiscal.closing[fund]));
      if (left.equals(right)) continue;
      const path = fund === 'gov_fund' ? ['balances', 'gov_fund'] : ctx.input.balances?.[fund] ? ['balances', fund] : ['income'];
      ctx.report({
        path,
        message: `${FUND_NAMES[fund]}：年初结转和结余 ${show(fiscal.opening[fund])} + 本年收入 ${show(fiscal.income[fund])} = ${show(left)}，但本年支出 ${show(fiscal.expenditure[fund])} + 年末结转和结余 ${show(fiscal.closing[fund])} = ${show(right)}，相差 ${exact(left.minus(right))} 万元`,
        actual: exact(right),
        expected: exact(left),
      });
    }
  },
});
