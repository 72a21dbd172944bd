import { defineRule } from './_util.ts';

/** A year file may add codes the catalogue lacks; renaming a built-in one is allowed but flagged. */
export default defineRule({
  id: 'catalogue-rename',
  severity: 'warning',
  description: '年度文件改动了内置目录中已有科目的名称（将按年度文件的名称发布）',
  check(ctx) {
    (ctx.input.catalogue?.functional ?? []).forEach((e, i) => {
      const builtIn = ctx.calc.catalogue.builtInFunctionalName(e.code);
      if (builtIn && builtIn !== e.name) {
        ctx.report({
          path: ['catalogue', 'functional', i, 'name'],
          message: `科目「${e.code}」内置名称为「${builtIn}」，年度文件写作「${e.name}」；请核对当年《政府收支分类科目》`,
        });
      }
    });
  },
});
