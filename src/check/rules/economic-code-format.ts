import { defineRule } from './_util.ts';

/** 经济分类: 类 3 位 (301…399), 款 5 位. The published 公开06 printed `310111` for 31011 (seed defect C-1). */
export default defineRule({
  id: 'economic-code-format',
  severity: 'error',
  description: '部门预算支出经济分类科目编码格式：类级 3 位（301、302…），款级 5 位（30101…）',
  check(ctx) {
    for (const code of Object.keys(ctx.input.basic_economic ?? {})) {
      if (!/^3\d{4}$/.test(code)) {
        const hint = /^3\d{5,}$/.test(code) ? `（是否应为 ${code.slice(0, 5)}？）` : '';
        ctx.report({ path: ['basic_economic', code], message: `经济分类款级科目编码「${code}」应为 3 开头的 5 位数字${hint}` });
      }
    }
    (ctx.input.changes ?? []).forEach((c, i) => {
      if (c.economic !== undefined && !/^3\d{2}$/.test(c.economic)) {
        ctx.report({
          path: ['changes', i, 'economic'],
          message: `经济分类类级科目编码「${c.economic}」应为 3 位数字（301、302、303、310…）`,
        });
      }
    });
    for (const code of Object.keys(ctx.input.explanations?.basic ?? {})) {
      if (!/^3\d{2}$/.test(code))
        ctx.report({ path: ['explanations', 'basic', code], message: `经济分类类级科目编码「${code}」应为 3 位数字` });
    }
    (ctx.input.catalogue?.economic ?? []).forEach((e, i) => {
      if (!/^3\d{2}(\d{2})?$/.test(e.code))
        ctx.report({ path: ['catalogue', 'economic', i, 'code'], message: `经济分类科目编码「${e.code}」应为 3 位或 5 位数字` });
    });
  },
});
