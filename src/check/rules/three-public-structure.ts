import { orZero } from '../../decimal.ts';
import { defineRule, show } from './_util.ts';

/** 公开09: 外事接待 is part of 国内接待 (其中), in money, batches and persons. */
export default defineRule({
  id: 'three-public-structure',
  severity: 'error',
  description: '公开09表：外事接待费、批次、人次（其中数）不能大于国内接待费、批次、人次',
  check(ctx) {
    const d = ctx.input.three_public?.reception?.domestic;
    const fa = d?.foreign_affairs;
    if (!d || !fa) return;
    const path = ['three_public', 'reception', 'domestic', 'foreign_affairs'];
    if (orZero(fa.actual).gt(orZero(d.actual))) {
      ctx.report({
        path: [...path, 'actual'],
        message: `外事接待费 ${show(fa.actual)} 大于国内接待费 ${show(d.actual)}（外事接待费是国内接待费的其中数）`,
      });
    }
    if ((fa.batches ?? 0) > (d.batches ?? 0))
      ctx.report({ path: [...path, 'batches'], message: `外事接待批次 ${fa.batches} 大于国内公务接待批次 ${d.batches ?? 0}` });
    if ((fa.persons ?? 0) > (d.persons ?? 0))
      ctx.report({ path: [...path, 'persons'], message: `外事接待人次 ${fa.persons} 大于国内公务接待人次 ${d.persons ?? 0}` });
  },
});
