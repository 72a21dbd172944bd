import { defineRule } from './_util.ts';

/** 功能分类: 类 3 位, 款 5 位, 项 7 位; figures are entered at 项 level, budgets at 类 level. */
export default defineRule({
  id: 'function-code-format',
  severity: 'error',
  description: '支出功能分类科目编码格式：明细数按 7 位项级科目填写，年初预算按 3 位类级科目填写',
  check(ctx) {
    const lists = [
      ['income', ctx.input.income],
      ['expenditure', ctx.input.expenditure],
    ] as const;
    for (const [key, rows] of lists) {
      (rows ?? []).forEach((row, i) => {
        if (!/^\d{7}$/.test(row.code)) {
          ctx.report({
            path: [key, i, 'code'],
            message: `科目编码「${row.code}」应为 7 位数字的项级科目（例如 2012901），类、款合计由程序计算，不要填写`,
          });
        } else if (!row.code.startsWith('2')) {
          ctx.report({ path: [key, i, 'code'], message: `支出功能分类科目编码「${row.code}」应以 2 开头` });
        }
      });
    }
    (ctx.input.balances?.gov_fund ?? []).forEach((row, i) => {
      if (!/^\d{7}$/.test(row.code))
        ctx.report({ path: ['balances', 'gov_fund', i, 'code'], message: `科目编码「${row.code}」应为 7 位数字的项级科目` });
    });
    (ctx.input.budget ?? []).forEach((row, i) => {
      if (!/^\d{3}$/.test(row.code))
        ctx.report({ path: ['budget', i, 'code'], message: `年初预算按类级科目填写，编码「${row.code}」应为 3 位数字（例如 201）` });
    });
    (ctx.input.catalogue?.functional ?? []).forEach((row, i) => {
      if (!/^\d{3}(\d{2}){0,2}$/.test(row.code))
        ctx.report({
          path: ['catalogue', 'functional', i, 'code'],
          message: `科目编码「${row.code}」应为 3 位（类）、5 位（款）或 7 位（项）数字`,
        });
    });
  },
});
