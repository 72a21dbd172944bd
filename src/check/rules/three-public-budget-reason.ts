import { orZero } from '../../decimal.ts';
import { defineRule, show } from './_util.ts';

/** 五 says why each 三公 item's 决算数 differs from its 全年预算数 (“主要原因：…”). */
export default defineRule({
  id: 'three-public-budget-reason',
  severity: 'warning',
  description: '“三公”经费各项决算数与全年预算数不同的，应说明主要原因（budget_reason）',
  check(ctx) {
    const tp = ctx.input.three_public;
    if (!tp) return;
    const lines = [
      ['abroad', '因公出国（境）费', tp.abroad, ctx.calc.threePublic.abroad],
      ['vehicle_purchase', '公务用车购置费', tp.vehicle_purchase, ctx.calc.threePublic.vehiclePurchase],
      ['vehicle_operation', '公务用车运行维护费', tp.vehicle_operation, ctx.calc.threePublic.vehicleOperation],
      ['reception', '公务接待费', tp.reception, ctx.calc.threePublic.reception],
    ] as const;
    for (const [key, name, input, line] of lines) {
      if (!input || input.budget_reason) continue;
      if (orZero(line.actual).equals(orZero(line.full))) continue;
      ctx.report({
        path: ['three_public', key],
        message: `${name}决算数 ${show(line.actual)} 与全年预算数 ${show(line.full)} 不同，未说明主要原因；请填写 three_public.${key}.budget_reason`,
      });
    }
  },
});
