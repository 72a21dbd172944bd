import { orZero } from '../../decimal.ts';
import { defineRule, exact, show } from './_util.ts';

/**
 * 公开01: 收入总计 (本年收入 + 使用非财政拨款结余 + 年初结转和结余) = 支出总计 (本年支出 + 结余分配 + 年末结转和结余).
 * With every figure computed from leaves, this is the identity that ties the year's books together.
 */
export default defineRule({
  id: 'balance-total',
  severity: 'error',
  description: '收入总计（本年收入合计 + 使用非财政拨款结余 + 年初结转和结余）应等于支出总计（本年支出合计 + 结余分配 + 年末结转和结余）',
  appliesTo: ['disclosure', 'partial'],
  check(ctx) {
    const f = ctx.calc.figures;
    const keys = [
      'income_total',
      'non_fiscal_surplus_used',
      'opening_balance',
      'expenditure_total',
      'surplus_distribution',
      'closing_balance',
    ];
    if (ctx.calc.partial && keys.some((k) => !f.has(k))) return; // a partial file may not know them all
    const income = orZero(f.get('income_total'))
      .plus(orZero(f.get('non_fiscal_surplus_used')))
      .plus(orZero(f.get('opening_balance')));
    const spending = orZero(f.get('expenditure_total'))
      .plus(orZero(f.get('surplus_distribution')))
      .plus(orZero(f.get('closing_balance')));
    if (income.equals(spending)) return;
    const diff = income.minus(spending);
    ctx.report({
      path: ctx.calc.partial ? ['summary'] : ctx.input.balances ? ['balances'] : ctx.input.expenditure ? ['expenditure'] : [],
      message: `收入总计为 ${show(income)}，支出总计为 ${show(spending)}，相差 ${exact(diff)} 万元；请核对收支明细和结转结余（年末结转和结余应为 ${show(orZero(f.get('closing_balance')).plus(diff))}）`,
      actual: exact(spending),
      expected: exact(income),
    });
  },
});
