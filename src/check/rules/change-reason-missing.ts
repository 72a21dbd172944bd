import type { Change, ExplanationCalc } from '../../calc/index.ts';
import { defineRule, show } from './_util.ts';

/** 情况说明 must give the main reason for every change against last year (“主要原因：…”), 三公 included. */
export default defineRule({
  id: 'change-reason-missing',
  severity: 'warning',
  description: '与上年相比有增减的项目应说明主要原因',
  check(ctx) {
    const n = ctx.calc.narrative;
    const tp = ctx.input.three_public;
    const given = (text: string | undefined): ExplanationCalc | undefined => (text ? { text, items: [], path: [] } : undefined);
    const lines: [string, Change, ExplanationCalc | undefined, string][] = [
      ['本年收入合计', n.incomeTotal, n.incomeTotalReason, 'changes'],
      ['本年支出合计', n.expenditureTotal, n.expenditureTotalReason, 'explanations.expenditure_total'],
      ['年末结转和结余', n.closing, n.closingReason, 'explanations.closing_balance'],
      ...n.basicClasses.map((l): [string, Change, ExplanationCalc | undefined, string] => [
        `基本支出「${l.name}」`,
        l.change,
        l.reason,
        `explanations.basic.${l.code}`,
      ]),
      ['机关运行经费', n.adminCost, given(ctx.input.admin_operating_cost?.reason), 'admin_operating_cost.reason'],
      // 五 says 「决算数比上年增加…，主要原因：…」 for the 三公 total and each line.
      ['“三公”经费', n.threePublic.total, given(tp?.prior_reason), 'three_public.prior_reason'],
      ['因公出国（境）费', n.threePublic.abroad, given(tp?.abroad?.prior_reason), 'three_public.abroad.prior_reason'],
      [
        '公务用车购置费',
        n.threePublic.vehiclePurchase,
        given(tp?.vehicle_purchase?.prior_reason),
        'three_public.vehicle_purchase.prior_reason',
      ],
      [
        '公务用车运行维护费',
        n.threePublic.vehicleOperation,
        given(tp?.vehicle_operation?.prior_reason),
        'three_public.vehicle_operation.prior_reason',
      ],
      ['公务接待费', n.threePublic.reception, given(tp?.reception?.prior_reason), 'three_public.reception.prior_reason'],
    ];
    for (const [what, change, reason, where] of lines) {
      if ((change.direction === 'up' || change.direction === 'down') && !reason) {
        ctx.report({
          // Where the reason belongs (explanations.basic.302); the line falls back to the nearest part that exists.
          path: where.split('.'),
          message: `${what}比上年${change.direction === 'up' ? '增加' : '减少'} ${show(change.delta!.abs())} 万元，未说明主要原因（请填写 ${where === 'changes' ? 'changes 逐项列出，或 explanations.income_total' : where}）`,
        });
      }
    }
  },
});
