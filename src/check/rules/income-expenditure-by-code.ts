import { orZero } from '../../decimal.ts';
import { defineRule, show } from './_util.ts';

/**
 * Without any carry-over, each 项 spends what it received, so 公开02 and 公开03 agree row by row. When they
 * do not, either a balance is missing or a figure went to the wrong 科目.
 */
export default defineRule({
  id: 'income-expenditure-by-code',
  severity: 'warning',
  description: '未填写结转结余时，每个项级科目的本年收入应等于本年支出',
  check(ctx) {
    const t = ctx.calc.totals;
    const hasBalances = [t.opening, t.closing, t.nonFiscalSurplusUsed, t.surplusDistribution].some((v) => v !== null && !v.isZero());
    if (hasBalances) return;
    const income = new Map(ctx.calc.income.rows.filter((r) => r.level === 'item').map((r) => [r.code, orZero(r.values.total)]));
    const spend = new Map(ctx.calc.expenditure.rows.filter((r) => r.level === 'item').map((r) => [r.code, orZero(r.values.total)]));
    for (const code of new Set([...income.keys(), ...spend.keys()])) {
      const a = income.get(code);
      const b = spend.get(code);
      if (a && b && a.equals(b)) continue;
      const i = (ctx.input.expenditure ?? []).findIndex((r) => r.code === code);
      const j = (ctx.input.income ?? []).findIndex((r) => r.code === code);
      ctx.report({
        path: i >= 0 ? ['expenditure', i, 'code'] : ['income', j, 'code'],
        message: `科目「${code}」本年收入 ${show(a ?? null)}，本年支出 ${show(b ?? null)}，且没有填写结转和结余；请核对科目或补填结转结余`,
      });
    }
  },
});
