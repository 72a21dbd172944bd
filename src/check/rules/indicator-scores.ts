import type { IndicatorCalc } from '../../calc/index.ts';
import type { IndicatorInput } from '../../schema/index.ts';
import { defineRule, exact } from './_util.ts';

/** A scored indicator needs both 分值 and 得分, with 0 ≤ 得分 ≤ 分值. */
export default defineRule({
  id: 'indicator-scores',
  severity: 'error',
  description: '每个三级指标须同时填写分值和得分，且得分不超过分值',
  check(ctx) {
    const visit = (inputs: readonly IndicatorInput[], calcs: readonly IndicatorCalc[]) => {
      inputs.forEach((node, i) => {
        const calc = calcs[i]!;
        if (node.children?.length) {
          visit(node.children, calc.children);
          return;
        }
        if (node.weight !== undefined && node.score === undefined)
          ctx.report({ path: [...calc.path, 'score'], message: `指标「${node.name}」填写了分值但没有得分` });
        if (node.score !== undefined && node.weight === undefined)
          ctx.report({ path: [...calc.path, 'weight'], message: `指标「${node.name}」填写了得分但没有分值` });
        if (node.weight !== undefined && node.score !== undefined && node.score.gt(node.weight)) {
          ctx.report({
            path: [...calc.path, 'score'],
            message: `指标「${node.name}」得分 ${exact(node.score)} 超过分值 ${exact(node.weight)}`,
          });
        }
        if ((node.target !== undefined || node.actual !== undefined) && node.weight === undefined && node.score === undefined) {
          ctx.report({ path: calc.path, message: `指标「${node.name}」缺少分值和得分` });
        }
      });
    };
    (ctx.input.projects ?? []).forEach((p, i) => {
      if (p.self_evaluation) visit(p.self_evaluation.indicators, ctx.calc.projects[i]!.indicators);
    });
    (ctx.input.department_evaluations ?? []).forEach((e, i) => visit(e.form.indicators, ctx.calc.evaluations[i]!.indicators));
  },
});
