import { sum } from '../../decimal.ts';
import { defineRule, exact, show } from './_util.ts';

/** 三: itemised 预决算差异 reasons add up to 决算数 − 年初预算数 (seed: 848.1 + 5010.6 = 11391.99 − 5533.29). */
export default defineRule({
  id: 'budget-variance-reasons',
  severity: 'error',
  description: '逐项列出的预决算差异原因，各项金额之和应等于决算数减年初预算数',
  check(ctx) {
    for (const line of ctx.calc.narrative.budget.lines) {
      if (!line.reason?.items.length) continue;
      const total = sum(line.reason.items.map((i) => i.amount));
      if (total.equals(line.variance)) continue;
      ctx.report({
        path: line.reason.path,
        message: `${line.code} ${ctx.calc.catalogue.functionalName(line.code) ?? ''}（类）决算数 ${show(line.actual)} 与年初预算数 ${show(line.initial)} 相差 ${exact(line.variance)} 万元，所列原因合计 ${exact(total)} 万元`,
        actual: exact(total),
        expected: exact(line.variance),
      });
    }
  },
});
