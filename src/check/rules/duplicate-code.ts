import { defineRule } from './_util.ts';

/** The same 项 entered twice would be added up silently; it is almost always a copy-paste slip. */
export default defineRule({
  id: 'duplicate-code',
  severity: 'error',
  description: '同一科目在收入、支出、年初预算或基金结转结余中只能出现一次',
  check(ctx) {
    const lists: [string, { code: string }[] | undefined][] = [
      ['income', ctx.input.income],
      ['expenditure', ctx.input.expenditure],
      ['budget', ctx.input.budget],
    ];
    lists.push(['balances.gov_fund', ctx.input.balances?.gov_fund]);
    for (const [key, rows] of lists) {
      const first = new Map<string, number>();
      (rows ?? []).forEach((row, i) => {
        const path = key === 'balances.gov_fund' ? ['balances', 'gov_fund', i, 'code'] : [key, i, 'code'];
        const firstPath = (j: number) => (key === 'balances.gov_fund' ? ['balances', 'gov_fund', j, 'code'] : [key, j, 'code']);
        const j = first.get(row.code);
        if (j === undefined) first.set(row.code, i);
        else {
          ctx.report({
            path,
            message: `科目「${row.code}」在 ${key} 中重复出现；同一科目的金额请合并填写在一行`,
            related: [{ place: ctx.place(firstPath(j)), message: '第一次出现在这里' }],
          });
        }
      });
    }
  },
});
