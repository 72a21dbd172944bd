import { orZero, type Amount } from '../../decimal.ts';
import { defineRule, show } from './_util.ts';

/**
 * 公开06 counts only 一般公共预算 basic spending; 三公 (公开09) also counts project money. So each 06
 * line can be at most the matching 三公 决算数: 30212 ≤ 出国, 30217 ≤ 接待, 30231 ≤ 运行维护, 31013 ≤ 购置.
 */
export default defineRule({
  id: 'three-public-vs-economic',
  severity: 'warning',
  description: '公开06表因公出国（境）费用、公务接待费、公务用车运行维护费、公务用车购置不应大于公开09表相应的“三公”经费决算数',
  check(ctx) {
    const items = ctx.calc.basicEconomic.items;
    const tp = ctx.calc.threePublic;
    const pairs: [string, string, Amount, string][] = [
      ['30212', '因公出国（境）费用', tp.abroad.actual, '因公出国（境）费'],
      ['30217', '公务接待费', tp.reception.actual, '公务接待费'],
      ['30231', '公务用车运行维护费', tp.vehicleOperation.actual, '公务用车运行维护费'],
      ['31013', '公务用车购置', tp.vehiclePurchase.actual, '公务用车购置费'],
    ];
    for (const [code, name, threePublic, tpName] of pairs) {
      const basic = items.get(code);
      if (basic && orZero(basic).gt(orZero(threePublic))) {
        ctx.report({
          path: ['basic_economic', code],
          message: `公开06表 ${code} ${name} ${show(basic)} 大于公开09表${tpName}决算数 ${show(threePublic)}；“三公”经费应包含基本支出中的这部分`,
        });
      }
    }
  },
});
