import { orZero } from '../../decimal.ts';
import { defineRule, show } from './_util.ts';

/**
 * This year's 年初结转和结余 should equal last year's 年末结转和结余; a difference needs an explanation.
 * The published 2024 document has 2023 年末 30.71 but 2024 年初 0.00 without one (seed defect C-4).
 */
export default defineRule({
  id: 'balance-continuity',
  severity: 'warning',
  description: '本年年初结转和结余应等于上年年末结转和结余；不一致时应在情况说明中解释调整原因',
  check(ctx) {
    const prior = ctx.prior?.calc.figures.get('closing_balance');
    if (prior === undefined) return;
    const opening = orZero(ctx.calc.totals.opening);
    if (opening.equals(prior)) return;
    if (ctx.input.explanations?.opening_balance) return; // explained
    ctx.report({
      path: ctx.input.balances ? ['balances'] : [],
      message: `本年年初结转和结余为 ${show(opening)}，上年年末结转和结余为 ${show(prior)}，两者不一致且未说明原因；请核对，或在 explanations.opening_balance 中说明调整原因`,
      related: ctx.prior ? [{ place: ctx.prior.source.place(['summary', 'closing_balance']), message: '上年年末结转和结余' }] : [],
    });
  },
});
