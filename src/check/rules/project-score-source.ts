import { defineRule } from './_util.ts';

/** A score comes from the 自评表 when it is published, otherwise from `score`; never both, never neither. */
export default defineRule({
  id: 'project-score-source',
  severity: 'error',
  description: '未公开自评表的项目须填写自评得分 score；公开自评表的项目得分由表计算，不能另填 score',
  check(ctx) {
    (ctx.input.projects ?? []).forEach((p, i) => {
      if (p.self_evaluation && p.score !== undefined) {
        ctx.report({
          path: ['projects', i, 'score'],
          message: `项目「${p.name}」已填写自评表，得分由表计算（${ctx.calc.projects[i]!.score.toFixed()} 分），请删除 score`,
        });
      }
      if (!p.self_evaluation && p.score === undefined) {
        ctx.report({ path: ['projects', i], message: `项目「${p.name}」缺少自评得分 score（或填写 self_evaluation 自评表）` });
      }
      if (p.score && p.score.gt(100))
        ctx.report({ path: ['projects', i, 'score'], message: `项目「${p.name}」自评得分 ${p.score.toFixed()} 超过 100 分` });
    });
  },
});
