import { defineRule } from './_util.ts';

export default defineRule({
  id: 'economic-code-known',
  severity: 'error',
  description: '公开06表的经济分类款级科目须在内置目录中，或在 catalogue.economic 中补充',
  check(ctx) {
    const cat = ctx.calc.catalogue;
    for (const code of Object.keys(ctx.input.basic_economic ?? {})) {
      if (/^3\d{4}$/.test(code) && !cat.economicItemCodes.has(code)) {
        const cls = cat.economicClasses.find((c) => c.code === code.slice(0, 3));
        ctx.report({
          path: ['basic_economic', code],
          message: cls
            ? `经济分类款级科目「${code}」不在内置目录中；如编码无误，请在 catalogue.economic 中补充其名称`
            : `经济分类款级科目「${code}」不属于公开06表的任何类（301、302、303、307、310、399）`,
        });
      }
    }
    (ctx.input.changes ?? []).forEach((c, i) => {
      if (c.economic && /^3\d{2}$/.test(c.economic) && !cat.economicClasses.some((k) => k.code === c.economic)) {
        ctx.report({
          path: ['changes', i, 'economic'],
          message: `经济分类类级科目「${c.economic}」不是基本支出的类（301、302、303、307、310、399）`,
        });
      }
    });
  },
});
