import { defineRule, show } from './_util.ts';

/** Without a 年初预算数 the narrative cannot state 完成年初预算的 X% for that 类. */
export default defineRule({
  id: 'budget-missing',
  severity: 'warning',
  description: '有财政拨款支出的类级科目应填写年初预算数；决算数与年初预算数不同的，应说明差异原因',
  check(ctx) {
    for (const line of ctx.calc.narrative.budget.lines) {
      const name = ctx.calc.catalogue.functionalName(line.code) ?? line.code;
      if (line.initial === null && !line.actual.isZero()) {
        ctx.report({
          path: line.path ?? ['budget'],
          message: `${line.code} ${name}（类）有财政拨款支出 ${show(line.actual)} 万元，但未填写年初预算数，情况说明将不写完成率；请在 budget 中填写该类的 initial`,
        });
      } else if (line.initial !== null && !line.variance.isZero() && !line.reason) {
        ctx.report({
          path: line.path ?? ['budget'],
          message: `${line.code} ${name}（类）决算数 ${show(line.actual)} 与年初预算数 ${show(line.initial)} 不同，未说明预决算差异原因；请在该行填写 variance_reason`,
        });
      }
    }
  },
});
