import { editDistance } from '../../schema/index.ts';
import { defineRule } from './_util.ts';

/**
 * A project is named in one place and referred to by that name elsewhere. The 2024 document calls the
 * same project 省劳模专项补助资金 and 省劳模专项补助金 (seed C-3); a reference that matches no project is
 * an error, with the closest name suggested. The order of the published 自评表
 * (performance.self_evaluation_order) may name only projects whose 自评表 is published, each once.
 */
export default defineRule({
  id: 'project-reference',
  severity: 'error',
  description: '部门评价、自评表顺序等处引用的项目名称必须与 projects 中的名称完全一致',
  check(ctx) {
    const names = (ctx.input.projects ?? []).map((p) => p.name);
    const closest = (name: string) => {
      const near = names
        .map((n) => ({ n, d: editDistance(n, name) }))
        .filter(({ n, d }) => d <= Math.max(2, Math.floor(n.length / 3)))
        .sort((a, b) => a.d - b.d)[0];
      return near ? `；是否为「${near.n}」？同一项目全文应只用一个名称` : '';
    };
    (ctx.input.department_evaluations ?? []).forEach((e, i) => {
      if (!names.includes(e.project))
        ctx.report({
          path: ['department_evaluations', i, 'project'],
          message: `部门评价的项目「${e.project}」不在 projects 中${closest(e.project)}`,
        });
    });
    const published = ctx.calc.projects.filter((p) => p.published).map((p) => p.name);
    const seen = new Set<string>();
    (ctx.input.performance?.self_evaluation_order ?? []).forEach((name, i) => {
      const path = ['performance', 'self_evaluation_order', i];
      if (seen.has(name)) ctx.report({ path, message: `自评表顺序中「${name}」出现了两次` });
      else if (published.includes(name)) seen.add(name);
      else if (names.includes(name)) ctx.report({ path, message: `「${name}」没有填写 self_evaluation，不公开自评表，不能列入自评表顺序` });
      else ctx.report({ path, message: `自评表顺序中的「${name}」不在 projects 中${closest(name)}` });
    });
  },
});
