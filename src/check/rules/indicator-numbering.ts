import { walkIndicators } from '../../calc/performance.ts';
import { defineRule } from './_util.ts';

/** “指标1、指标3、指标2” in one group (the 2024 省劳模 table, seed C-5): numbering must run in order. */
export default defineRule({
  id: 'indicator-numbering',
  severity: 'warning',
  description: '同一组内以「指标N：」编号的指标应按 1、2、3… 顺序排列',
  check(ctx) {
    const trees = [...ctx.calc.projects.map((p) => p.indicators), ...ctx.calc.evaluations.map((e) => e.indicators)];
    for (const tree of trees) {
      for (const group of walkIndicators(tree)) {
        const numbered = group.children.map((c) => ({ c, n: /^指标\s*(\d+)\s*[：:]/.exec(c.name)?.[1] })).filter((x) => x.n !== undefined);
        numbered.forEach(({ c, n }, i) => {
          if (Number.parseInt(n!, 10) !== i + 1) {
            ctx.report({
              path: [...c.path, 'name'],
              message: `「${group.name}」下第 ${i + 1} 个指标编号为「指标${n}」，应为「指标${i + 1}」`,
            });
          }
        });
      }
    }
  },
});
