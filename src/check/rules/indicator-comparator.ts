import { walkIndicators } from '../../calc/performance.ts';
import { defineRule } from './_util.ts';

/** “>=90%” typed with ASCII characters (seed C-6); the published style is ≥ / ≤. */
export default defineRule({
  id: 'indicator-comparator',
  severity: 'warning',
  description: '指标值中的比较符号应使用 ≥、≤，不用 >=、<=',
  check(ctx) {
    const trees = [...ctx.calc.projects.map((p) => p.indicators), ...ctx.calc.evaluations.map((e) => e.indicators)];
    for (const tree of trees) {
      for (const node of walkIndicators(tree)) {
        for (const key of ['target', 'actual'] as const) {
          const value = node[key];
          if (value && /[<>]=/.test(value)) {
            ctx.report({ path: [...node.path, key], message: `指标「${node.name}」的「${value}」应写作「${value.replace(/>=/g, '≥').replace(/<=/g, '≤')}」` });
          }
        }
      }
    }
  },
});
