import { defineRule } from './_util.ts';

/** 名词解释 lists every 项 that has figures, with its 科目说明 (赣财预〔2018〕6号 公开要求). */
export default defineRule({
  id: 'glossary-missing',
  severity: 'error',
  description: '每个有数的项级科目都须有名词解释（内置科目说明，或 glossary.expenditure / catalogue.functional 中补充）',
  check(ctx) {
    const codes = new Set<string>();
    // 公开07 also prints a 基金 项 that only carries a balance, so it needs its explanation too.
    for (const r of [ctx.calc.income, ctx.calc.expenditure, ctx.calc.govFund])
      for (const row of r.rows) if (row.level === 'item') codes.add(row.code);
    for (const code of [...codes].sort()) {
      if (ctx.calc.catalogue.functionalName(code) && !ctx.calc.catalogue.functionalExplanation(code)) {
        const i = (ctx.input.expenditure ?? []).findIndex((r) => r.code === code);
        const j = (ctx.input.income ?? []).findIndex((r) => r.code === code);
        const k = (ctx.input.balances?.gov_fund ?? []).findIndex((r) => r.code === code);
        ctx.report({
          path: i >= 0 ? ['expenditure', i, 'code'] : j >= 0 ? ['income', j, 'code'] : ['balances', 'gov_fund', k, 'code'],
          message: `科目「${code} ${ctx.calc.catalogue.functionalName(code)}」没有名词解释；请在 glossary.expenditure 中填写其科目说明`,
        });
      }
    }
  },
});
