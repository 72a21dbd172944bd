import { defineRule } from './_util.ts';

/** Last year's file must be the same department's, or every 比上年 sentence compares with a stranger. */
export default defineRule({
  id: 'prior-year-department',
  severity: 'error',
  description: '上年数据文件必须是同一部门的',
  check(ctx) {
    const prior = ctx.prior?.calc;
    if (!prior || prior.department === ctx.calc.department) return;
    ctx.report({
      path: ['department'],
      message: `上年数据文件的部门为「${prior.department}」，本年为「${ctx.calc.department}」；情况说明会与另一个部门比较，请确认上年文件是否放错`,
      related: [{ place: ctx.prior!.source.place(['department']), message: '上年数据文件的部门' }],
    });
  },
});
