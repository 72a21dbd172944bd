import { editDistance } from '../../schema/index.ts';
import { defineRule } from './_util.ts';

/**
 * A project is named in one place and referred to by that name elsewhere. The 2024 document calls the
 * same project 省劳模专项补助资金 and 省劳模专项补助金 (seed C-3); a reference that matches no project is
 * an error, with the closest name suggested.
 */
export default defineRule({
  id: 'project-reference',
  severity: 'error',
  description: '部门评价等处引用的项目名称必须与 projects 中的名称完全一致',
  check(ctx) {
    const names = (ctx.input.projects ?? []).map((p) => p.name);
    (ctx.input.department_evaluations ?? []).forEach((e, i) => {
      if (names.includes(e.project)) return;
      const near = names
        .map((n) => ({ n, d: editDistance(n, e.project) }))
        .filter(({ n, d }) => d <= Math.max(2, Math.floor(n.length / 3)))
        .sort((a, b) => a.d - b.d)[0];
      ctx.report({
        path: ['department_evaluations', i, 'project'],
        message: `部门评价的项目「${e.project}」不在 projects 中${near ? `；是否为「${near.n}」？同一项目全文应只用一个名称` : ''}`,
      });
    });
  },
});
