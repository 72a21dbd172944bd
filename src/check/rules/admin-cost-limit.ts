import { orZero } from '../../decimal.ts';
import { defineRule, show } from './_util.ts';

/** 机关运行经费 is the 公用经费 part of 一般公共预算财政拨款基本支出, so it cannot exceed 公开06's 公用经费合计. */
export default defineRule({
  id: 'admin-cost-limit',
  severity: 'warning',
  description: '机关运行经费不应大于公开06表公用经费合计',
  check(ctx) {
    const cost = orZero(ctx.input.admin_operating_cost?.amount);
    const publicCost = ctx.calc.basicEconomic.public;
    if (cost.gt(publicCost)) {
      ctx.report({
        path: ['admin_operating_cost', 'amount'],
        message: `机关运行经费为 ${show(cost)} 万元，大于公开06表公用经费合计 ${show(publicCost)} 万元；机关运行经费是一般公共预算财政拨款基本支出中公用经费的一部分，请核对两处数字`,
      });
    }
  },
});
