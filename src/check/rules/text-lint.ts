import { defineRule, walkStrings } from './_util.ts';

/**
 * Slips the published documents contain (seed C-14): a doubled word (“帮扶帮扶”), 文号 brackets （2020）
 * instead of 〔2020〕, and a few common miswritings (至下而上 → 自下而上).
 */
const TYPOS: [RegExp, string][] = [
  [/至下而上/, '自下而上'],
  [/至上而下/, '自上而下'],
  [/按装/, '安装'],
];

export default defineRule({
  id: 'text-lint',
  severity: 'warning',
  description: '文字检查：重复的词（如「帮扶帮扶」）、文号括号应为〔〕、常见错别字',
  appliesTo: ['disclosure', 'partial', 'reports'],
  check(ctx) {
    for (const { text, path } of walkStrings(ctx.raw)) {
      const doubled = /([\u4e00-\u9fff]{2,4})\1/.exec(text);
      if (doubled && !/^(\p{sc=Han})\1+$/u.test(doubled[1]!)) {
        ctx.report({ path, message: `「${doubled[0]}」重复了「${doubled[1]}」` });
      }
      const docNo = /([\u4e00-\u9fff]{1,6})[（(](\d{4})[）)](\d+)号/.exec(text);
      if (docNo) ctx.report({ path, message: `文号「${docNo[0]}」的年份应使用六角括号：${docNo[1]}〔${docNo[2]}〕${docNo[3]}号` });
      for (const [pattern, fix] of TYPOS) {
        const m = pattern.exec(text);
        if (m && fix) ctx.report({ path, message: `「${m[0]}」应为「${fix}」` });
      }
    }
  },
});
