import { defineRule } from './_util.ts';

export default defineRule({
  id: 'report-values',
  severity: 'error',
  description: '报告 values 中的算式必须能够计算（名称已定义、没有循环引用、除数不为零）',
  appliesTo: ['disclosure', 'partial', 'reports'],
  check(ctx) {
    for (const r of [...ctx.calc.reports, ...ctx.calc.evaluations.map((e) => e.report)]) {
      for (const err of r.errors) ctx.report({ path: err.path, message: err.message });
    }
  },
});
