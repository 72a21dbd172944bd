import { defineRule, walkStrings } from './_util.ts';

/**
 * Slips the published documents contain (seed C-14): a doubled word (“帮扶帮扶”), 文号 brackets （2020）
 * instead of 〔2020〕, and a few common miswritings (至下而上 → 自下而上). Every slip of a string is
 * reported. Chinese reduplication is no slip: one character (常常、一一) or 一X一X (一步一步).
 */
const TYPOS: [RegExp, string][] = [
  [/至下而上/, '自下而上'],
  [/至上而下/, '自上而下'],
  [/按装/, '安装'],
];

export default defineRule({
  id: 'text-lint',
  severity: 'warning',
  description: '文字检查：重复的词（如「帮扶帮扶」）、文号括号应为〔〕、常见错别字、几个内设机构写成了一项',
  appliesTo: ['disclosure', 'partial', 'reports'],
  check(ctx) {
    // 「[办公室，财务处]」 with a Chinese comma is one list item, so the count of bodies comes out wrong.
    (ctx.input.overview?.units ?? []).forEach((u, i) =>
      (u.internal_bodies ?? []).forEach((body, j) => {
        const outside = body.replace(/（[^）]*）|\([^)]*\)/g, '');
        if (/[，,]/.test(outside)) {
          ctx.report({
            path: ['overview', 'units', i, 'internal_bodies', j],
            message: `内设机构「${body}」中有逗号，像是几个机构写成了一项；每个机构应单独成为列表的一项（用半角逗号或「- 」分开），否则机构个数会算错`,
          });
        }
      }),
    );
    for (const { text, path } of walkStrings(ctx.raw)) {
      for (const doubled of text.matchAll(/([\u4e00-\u9fff]{2,4})\1/g)) {
        const unit = doubled[1]!;
        if (/^(\p{sc=Han})\1+$/u.test(unit) || /^一\p{sc=Han}$/u.test(unit)) continue;
        ctx.report({ path, at: { text, index: doubled.index! }, message: `「${doubled[0]}」重复了「${unit}」` });
      }
      for (const docNo of text.matchAll(/([\u4e00-\u9fff]{1,6})[（(](\d{4})[）)](\d+)号/g)) {
        ctx.report({
          path,
          at: { text, index: docNo.index! },
          message: `文号「${docNo[0]}」的年份应使用六角括号：${docNo[1]}〔${docNo[2]}〕${docNo[3]}号`,
        });
      }
      for (const [pattern, fix] of TYPOS) {
        for (const m of text.matchAll(new RegExp(pattern, 'g')))
          ctx.report({ path, at: { text, index: m.index! }, message: `「${m[0]}」应为「${fix}」` });
      }
    }
  },
});
