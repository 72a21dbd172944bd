import { orZero } from '../../decimal.ts';
import { defineRule, show } from './_util.ts';

/** 部门评价表: 实际使用 ≤ 实际到位 ≤ 计划投资额. */
export default defineRule({
  id: 'evaluation-funds',
  severity: 'error',
  description: '部门评价表：实际使用资金不能大于实际到位资金，实际到位资金不能大于计划投资额',
  check(ctx) {
    for (const e of ctx.calc.evaluations) {
      if (orZero(e.used.total).gt(orZero(e.received.total))) {
        ctx.report({
          path: [...e.path, 'form', 'used'],
          message: `「${e.projectName}」实际使用 ${show(e.used.total)} 大于实际到位资金 ${show(e.received.total)}`,
        });
      }
      if (e.planned !== null && orZero(e.received.total).gt(e.planned)) {
        ctx.report({
          path: [...e.path, 'form', 'received'],
          message: `「${e.projectName}」实际到位资金 ${show(e.received.total)} 大于计划投资额 ${show(e.planned)}`,
        });
      }
    }
  },
});
