import { defineRule } from './_util.ts';

/** Every 项 (and its 款 and 类) must have a name, from the built-in catalogue or the year file. */
export default defineRule({
  id: 'function-code-known',
  severity: 'error',
  description: '支出功能分类科目须在内置目录中，或在 catalogue.functional 中补充名称',
  check(ctx) {
    const cat = ctx.calc.catalogue;
    const seen = new Set<string>();
    const check = (code: string, path: (string | number)[]) => {
      if (!/^\d{7}$/.test(code) && !/^\d{3}$/.test(code)) return;
      const levels = code.length === 7 ? [code.slice(0, 3), code.slice(0, 5), code] : [code];
      // Only the highest missing level: an unknown 类 makes its 款 and 项 unknown too, one message is enough.
      const missing = levels.find((c) => !cat.functionalName(c));
      if (missing === undefined || seen.has(missing)) return;
      seen.add(missing);
      const level = missing.length === 3 ? '类' : missing.length === 5 ? '款' : '项';
      ctx.report({
        path,
        message: `支出功能分类${level}级科目「${missing}」不在内置目录中；如编码无误，请在 catalogue.functional 中补充其名称`,
      });
    };
    (ctx.input.income ?? []).forEach((r, i) => check(r.code, ['income', i, 'code']));
    (ctx.input.expenditure ?? []).forEach((r, i) => check(r.code, ['expenditure', i, 'code']));
    (ctx.input.balances?.gov_fund ?? []).forEach((r, i) => check(r.code, ['balances', 'gov_fund', i, 'code']));
    (ctx.input.budget ?? []).forEach((r, i) => check(r.code, ['budget', i, 'code']));
  },
});
