import { orZero } from '../../decimal.ts';
import { defineRule, exact, show } from './_util.ts';

/** 公开06 (by 经济分类) and 公开05's 基本支出 (by 功能分类) are two views of the same money. */
export default defineRule({
  id: 'basic-economic-total',
  severity: 'error',
  description: '公开06表人员经费 + 公用经费应等于公开05表基本支出合计（一般公共预算财政拨款基本支出）',
  check(ctx) {
    const byEconomic = ctx.calc.basicEconomic.total;
    const byFunction = orZero(ctx.calc.general.total.basic);
    if (byEconomic.equals(byFunction)) return;
    ctx.report({
      path: ctx.input.basic_economic ? ['basic_economic'] : ['expenditure'],
      message: `按经济分类填写的基本支出合计为 ${show(byEconomic)}，按功能分类的一般公共预算财政拨款基本支出为 ${show(byFunction)}，相差 ${exact(byEconomic.minus(byFunction))} 万元`,
      actual: exact(byEconomic),
      expected: exact(byFunction),
    });
  },
});
