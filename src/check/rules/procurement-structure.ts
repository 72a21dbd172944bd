import { orZero } from '../../decimal.ts';
import { defineRule, show } from './_util.ts';

export default defineRule({
  id: 'procurement-structure',
  severity: 'error',
  description: '政府采购：授予中小企业合同金额不能大于该类采购支出；授予小微企业金额不能大于授予中小企业金额',
  check(ctx) {
    const p = ctx.input.procurement;
    if (!p) return;
    for (const [key, name] of [
      ['goods', '货物'],
      ['works', '工程'],
      ['services', '服务'],
    ] as const) {
      const line = p[key];
      if (line && orZero(line.sme).gt(orZero(line.total))) {
        ctx.report({
          path: ['procurement', key, 'sme'],
          message: `${name}采购授予中小企业合同金额 ${show(line.sme)} 大于${name}采购支出 ${show(line.total)}`,
        });
      }
    }
    if (ctx.calc.procurement.smallMicro.gt(ctx.calc.procurement.sme)) {
      ctx.report({
        path: ['procurement', 'small_micro'],
        message: `授予小微企业合同金额 ${show(p.small_micro)} 大于授予中小企业合同金额 ${show(ctx.calc.procurement.sme)}`,
      });
    }
  },
});
