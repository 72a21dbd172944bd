import { evaluate, ExpressionError } from '../../calc/expression.ts';
import { defineRule, exact } from './_util.ts';

/**
 * A report's own arithmetic, stated as equalities that must hold: the 2020 report's
 * 5261.5 + 3.62 − 5259.13 = 5.69 + 0.3, or the 送温暖 fund uses adding up to the 3100 used.
 */
export default defineRule({
  id: 'report-checks',
  severity: 'error',
  description: '报告 checks 中列出的等式必须成立',
  appliesTo: ['disclosure', 'partial', 'reports'],
  check(ctx) {
    for (const r of [...ctx.calc.reports, ...ctx.calc.evaluations.map((e) => e.report)]) {
      (r.input.checks ?? []).forEach((text, i) => {
        const path = [...r.path, 'checks', i];
        const sides = text.split(/(?<![<>!])=(?!=)/);
        if (sides.length !== 2) {
          ctx.report({ path, message: `「${text}」应写成「左边 = 右边」的等式` });
          return;
        }
        try {
          const lookup = (name: string) => r.values.get(name);
          const left = evaluate(sides[0]!, lookup);
          const right = evaluate(sides[1]!, lookup);
          if (!left.equals(right)) {
            ctx.report({
              path,
              message: `等式「${text.trim()}」不成立：左边为 ${exact(left)}，右边为 ${exact(right)}`,
              actual: exact(left),
              expected: exact(right),
            });
          }
        } catch (err) {
          if (!(err instanceof ExpressionError)) throw err;
          ctx.report({ path, message: `等式「${text.trim()}」无法计算：${err.message}` });
        }
      });
    }
  },
});
