import { D } from '../../decimal.ts';
import { defineRule, exact } from './_util.ts';

const HUNDRED = D('100');

/** The indicators of a 自评表 (plus 执行率's 10) and of a 部门评价表 weigh 100 in all. */
export default defineRule({
  id: 'indicator-weights',
  severity: 'error',
  description: '自评表各指标分值（含预算执行率分值）合计应为 100；部门评价表各指标分值合计应为 100',
  check(ctx) {
    for (const p of ctx.calc.projects) {
      if (!p.published) continue;
      if (!p.totalWeight.equals(HUNDRED)) {
        ctx.report({
          path: [...p.path, 'self_evaluation', 'indicators'],
          message: `项目「${p.name}」自评表分值合计为 ${exact(p.totalWeight)}（指标 ${exact(p.totalWeight.minus(p.executionWeight))} + 预算执行率 ${exact(p.executionWeight)}），应为 100`,
        });
      }
    }
    for (const e of ctx.calc.evaluations) {
      if (!e.totalWeight.equals(HUNDRED)) {
        ctx.report({
          path: [...e.path, 'form', 'indicators'],
          message: `部门评价表「${e.projectName}」分值合计为 ${exact(e.totalWeight)}，应为 100`,
        });
      }
    }
  },
});
