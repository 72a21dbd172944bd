import { defineRule } from './_util.ts';

/** Each project is published once; the 2024 document printed 省劳模专项补助资金's 自评表 twice (seed C-2). */
export default defineRule({
  id: 'project-duplicate',
  severity: 'error',
  description: '同一项目只能列一次（自评表只公开一次）',
  check(ctx) {
    const first = new Map<string, number>();
    (ctx.input.projects ?? []).forEach((p, i) => {
      const j = first.get(p.name);
      if (j === undefined) first.set(p.name, i);
      else
        ctx.report({
          path: ['projects', i, 'name'],
          message: `项目「${p.name}」重复出现`,
          related: [{ place: ctx.place(['projects', j, 'name']), message: '第一次出现在这里' }],
        });
    });
  },
});
