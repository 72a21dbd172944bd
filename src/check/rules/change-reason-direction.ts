import { defineRule } from './_util.ts';

/** “住房公积金增加” with a negative amount (or “减少” with a positive one) is a sign slip. */
export default defineRule({
  id: 'change-reason-direction',
  severity: 'warning',
  description: '增减原因的文字（增加/减少）应与金额的正负一致',
  check(ctx) {
    const items: { text: string; amount: import('../../decimal.ts').Dec; path: (string | number)[] }[] = [];
    (ctx.input.changes ?? []).forEach((c, i) => items.push({ text: c.text, amount: c.amount, path: ['changes', i, 'amount'] }));
    for (const { text, amount, path } of items) {
      const saysUp = /增加|增长|追加|新增|提高/.test(text);
      const saysDown = /减少|下降|降低|压减|核减/.test(text);
      if (saysUp && !saysDown && amount.isNegative()) ctx.report({ path, message: `「${text}」写的是增加，金额却为负数 ${amount.toFixed()}` });
      if (saysDown && !saysUp && amount.isPositive() && !amount.isZero()) ctx.report({ path, message: `「${text}」写的是减少，金额应填负数（现为 ${amount.toFixed()}）` });
    }
  },
});
