import { hasOtherComparator, normalizeComparators } from '../../calc/comparators.ts';
import { walkIndicators } from '../../calc/performance.ts';
import { defineRule } from './_util.ts';

/**
 * “>=90%” typed with ASCII characters, “≧90%” with the JIS sign (both in the seed, C-6): the document
 * prints ≥ / ≤ whatever was typed; the year file should say what is printed.
 */
export default defineRule({
  id: 'indicator-comparator',
  severity: 'warning',
  description: '指标值中的比较符号应使用 ≥、≤，不用 >=、<=、≧、≦ 等写法（发布时一律印作 ≥、≤）',
  check(ctx) {
    const trees = [...ctx.calc.projects.map((p) => p.indicators), ...ctx.calc.evaluations.map((e) => e.indicators)];
    for (const tree of trees) {
      for (const node of walkIndicators(tree)) {
        for (const key of ['target', 'actual'] as const) {
          const value = node[key];
          if (value && hasOtherComparator(value)) {
            ctx.report({
              path: [...node.path, key],
              message: `指标「${node.name}」的「${value}」应写作「${normalizeComparators(value)}」（发布时印作后者）`,
            });
          }
        }
      }
    }
  },
});
