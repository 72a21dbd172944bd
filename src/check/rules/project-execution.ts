import { orZero } from '../../decimal.ts';
import { defineRule, show } from './_util.ts';

export default defineRule({
  id: 'project-execution',
  severity: 'warning',
  description: '项目全年执行数不应超过全年预算数；公开自评表的项目须填写全年预算数以计算执行率',
  check(ctx) {
    for (const p of ctx.calc.projects) {
      const t = p.funding.total;
      if (p.published && orZero(t.full_year).isZero()) {
        ctx.report({
          path: [...p.path, 'funding'],
          message: `项目「${p.name}」没有全年预算数，无法计算预算执行率；请填写 funding.current.full_year（全年预算数 A）`,
        });
      } else if (orZero(t.executed).gt(orZero(t.full_year)) && !orZero(t.full_year).isZero()) {
        ctx.report({
          path: [...p.path, 'funding'],
          message: `项目「${p.name}」全年执行数为 ${show(t.executed)}，超过全年预算数 ${show(t.full_year)}；请核对执行数，或按调整后的预算填写全年预算数`,
        });
      }
    }
  },
});
