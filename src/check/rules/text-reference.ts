import { performanceValues, walkIndicators } from '../../calc/performance.ts';
import { findReferences } from '../../calc/text.ts';
import type { Value } from '../../calc/expression.ts';
import type { YamlPath } from '../../load/source-map.ts';
import { defineRule } from './_util.ts';

/**
 * Every {=…} in the department's prose must be a well-formed reference (a name, and a known format if
 * any) naming a figure that exists in that place; each problem is reported at the paragraph's line.
 */
export default defineRule({
  id: 'text-reference',
  severity: 'error',
  description:
    '正文中的每个 {=…} 都必须是写法正确的引用（一个名称，显示格式只能是 |%、|%2、|2 或不写，不能嵌套），并引用已定义的数字（报告的 values、评价表得分或情况说明「九」可用的数字）',
  appliesTo: ['disclosure', 'partial', 'reports'],
  check(ctx) {
    const verify = (text: string | undefined, path: YamlPath, values: ReadonlyMap<string, Value>) => {
      if (!text) return;
      for (const ref of findReferences(text)) {
        if (ref.problem) {
          ctx.report({ path, at: { text, index: ref.start }, message: ref.problem });
          continue;
        }
        const value = values.get(ref.name);
        if (value === undefined) {
          const known = [...values.keys()]
            .filter((k) => !k.includes('.'))
            .slice(0, 30)
            .join('、');
          ctx.report({ path, at: { text, index: ref.start }, message: `引用了未定义的数字「${ref.name}」；此处可用：${known}` });
        } else if (typeof value === 'string' && ref.format) {
          ctx.report({ path, at: { text, index: ref.start }, message: `「${ref.name}」是文字，不能按「|${ref.format}」格式显示` });
        }
      }
    };
    const perf = performanceValues(ctx.calc);
    for (const [key, text] of Object.entries(ctx.input.performance?.texts ?? {})) verify(text, ['performance', 'texts', key], perf);
    ctx.calc.reports.forEach((r) => r.input.body.forEach((b, j) => 'p' in b && verify(b.p, [...r.path, 'body', j, 'p'], r.values)));
    for (const e of ctx.calc.evaluations) {
      const r = e.report;
      const roots = new Set(e.indicators.map((n) => n.name));
      r.input.body.forEach((b, j) => {
        if ('p' in b) verify(b.p, [...r.path, 'body', j, 'p'], r.values);
        if ('analysis' in b && !roots.has(b.analysis)) {
          ctx.report({
            path: [...r.path, 'body', j, 'analysis'],
            message: `评价表中没有一级指标「${b.analysis}」；可用：${[...roots].join('、')}`,
          });
        }
      });
      for (const n of walkIndicators(e.indicators)) verify(n.comment, [...n.path, 'comment'], r.values);
    }
  },
});
