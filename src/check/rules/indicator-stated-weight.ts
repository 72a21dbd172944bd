import { walkIndicators } from '../../calc/performance.ts';
import { defineRule, exact } from './_util.ts';

/**
 * A group's 分值 is the sum of its children's. A group may state it (as printed on paper), and then it
 * must agree: the 2024 部门评价表 printed 决策 40 and 产出 60 over children worth 18 and 40 (seed C-7).
 */
export default defineRule({
  id: 'indicator-stated-weight',
  severity: 'error',
  description: '指标组填写的分值必须等于其下级指标分值之和',
  check(ctx) {
    const trees = [...ctx.calc.projects.map((p) => p.indicators), ...ctx.calc.evaluations.map((e) => e.indicators)];
    for (const tree of trees) {
      for (const node of walkIndicators(tree)) {
        if (node.statedWeight && !node.statedWeight.equals(node.weight)) {
          const parts = node.children.map((c) => `${c.name} ${exact(c.weight)}`).join(' + ');
          ctx.report({
            path: [...node.path, 'weight'],
            message: `指标「${node.name}」填写的分值为 ${exact(node.statedWeight)}，但下级指标合计为 ${exact(node.weight)}（${parts}）`,
            actual: exact(node.statedWeight),
            expected: exact(node.weight),
          });
        }
      }
    }
  },
});
