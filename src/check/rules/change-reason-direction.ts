import type { ExplanationCalc, ReasonItem } from '../../calc/index.ts';
import { formatPath } from '../../load/source-map.ts';
import { defineRule } from './_util.ts';

/**
 * “住房公积金增加” with a negative amount (or “减少” with a positive one) is a sign slip — in `changes` and
 * in every other itemised reason (explanations, 预决算差异), each item checked once.
 */
export default defineRule({
  id: 'change-reason-direction',
  severity: 'warning',
  description: '增减原因的文字（增加/减少）应与金额的正负一致',
  check(ctx) {
    const n = ctx.calc.narrative;
    const reasons: (ExplanationCalc | undefined)[] = [
      n.incomeTotalReason,
      n.expenditureTotalReason,
      n.openingReason,
      n.closingReason,
      n.nonFiscalSurplusUsedReason,
      n.surplusDistributionReason,
      ...n.basicClasses.map((l) => l.reason),
      ...n.budget.lines.map((l) => l.reason),
    ];
    // One check per item and wording: a change listed in 四 in other words (basic_text) is checked in both.
    const items = new Map<string, ReasonItem>();
    const add = (item: ReasonItem) => items.set(`${formatPath(item.path)}\u0000${item.text}`, item);
    (ctx.input.changes ?? []).forEach((c, i) => add({ text: c.text, amount: c.amount, path: ['changes', i, 'amount'] }));
    for (const r of reasons) {
      for (const item of r?.items ?? []) add({ ...item, path: item.path.at(-1) === 'amount' ? item.path : [...item.path, 'amount'] });
    }
    for (const { text, amount, path } of items.values()) {
      const saysUp = /增加|增长|追加|新增|提高/.test(text);
      const saysDown = /减少|下降|降低|压减|核减/.test(text);
      if (saysUp && !saysDown && amount.isNegative())
        ctx.report({ path, message: `「${text}」写的是增加，金额却为负数 ${amount.toFixed()}` });
      if (saysDown && !saysUp && amount.isPositive() && !amount.isZero())
        ctx.report({ path, message: `「${text}」写的是减少，金额应填负数（现为 ${amount.toFixed()}）` });
    }
  },
});
