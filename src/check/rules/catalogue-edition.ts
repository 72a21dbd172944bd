import { defineRule } from './_util.ts';

/**
 * Codes and names come from the built-in catalogue of the year's edition (src/catalogue/<year>.yaml).
 * A year without an edition of its own uses the nearest earlier one — usable, since most codes carry
 * over, but the finance office should know which list the names were checked against.
 */
export default defineRule({
  id: 'catalogue-edition',
  severity: 'info',
  description: '没有本年度版本的内置科目目录时，提示改用了哪一年的版本（科目名称和编码按该版核对）',
  check(ctx) {
    const note = ctx.calc.catalogue.editionNote;
    if (note) {
      ctx.report({
        path: ['year'],
        message: `${note}；科目编码和名称按该版核对，本年新增或改名的科目请在 catalogue.functional / catalogue.economic 中补充`,
      });
    }
  },
});
