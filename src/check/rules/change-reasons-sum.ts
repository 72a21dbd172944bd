import type { ExplanationCalc } from '../../calc/index.ts';
import { sum, type Dec } from '../../decimal.ts';
import type { RuleContext } from '../rule.ts';
import { defineRule, exact, show } from './_util.ts';

/**
 * Itemised reasons must add up to the change they explain: 一 收入 (+4859.38 in the seed, 14 items),
 * 四 工资福利支出 (+30.98, 4 items), 对个人和家庭的补助 (−8.20, 2 items). A reason given as one sentence
 * without amounts is not checked.
 */
export default defineRule({
  id: 'change-reasons-sum',
  severity: 'error',
  description: '逐项列出的增减原因，各项金额之和应等于所解释的增减额（与上年相比）',
  check(ctx) {
    const n = ctx.calc.narrative;
    const checkOne = (what: string, delta: Dec | undefined, reason: ExplanationCalc | undefined) => {
      if (!reason || reason.items.length === 0 || delta === undefined) return;
      const total = sum(reason.items.map((i) => i.amount));
      if (total.equals(delta)) return;
      ctx.report({
        path: reason.path,
        message: `${what}比上年${delta.isNegative() ? '减少' : '增加'} ${show(delta.abs())} 万元，但所列原因合计 ${exact(total)} 万元，相差 ${exact(delta.minus(total))} 万元`,
        actual: exact(total),
        expected: exact(delta),
      });
    };
    checkOne('本年收入合计', n.incomeTotal.delta, n.incomeTotalReason);
    checkOne('本年支出合计', n.expenditureTotal.delta, n.expenditureTotalReason);
    checkOne('年初结转和结余', n.opening.delta, n.openingReason);
    checkOne('年末结转和结余', n.closing.delta, n.closingReason);
    for (const line of n.basicClasses) checkOne(`基本支出「${line.name}」`, line.change.delta, line.reason);
    reportUnknownPrior(ctx);
  },
});

/** Itemised reasons for a line whose last-year figure is unknown cannot be checked; say so. */
function reportUnknownPrior(ctx: RuleContext): void {
  const n = ctx.calc.narrative;
  if (n.incomeTotalReason?.items.length && n.incomeTotal.direction === 'unknown') {
    ctx.report({
      path: n.incomeTotalReason.path,
      severity: 'warning',
      message: '列出了本年收入合计的增减原因，但没有上年的本年收入合计，无法核对各项之和',
    });
  }
}
