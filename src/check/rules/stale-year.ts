import { defineRule, walkStrings } from './_util.ts';

/**
 * Text carried from last year keeps last year's dates: in a 2025 file 「2024年春节期间…」 or
 * 「2024年12月27日」 speaks of 2024 as if it were the year reported on. A mention of the year before as a
 * date or period (followed by a month, a festival, 年初/年底/全年/年度 …) is flagged unless it is a
 * comparison (「比2024年」「与2024年相比」「上年（2024年）」).
 */
const PERIOD = '(?:\\d{1,2}月|[一二三四]季度|上半年|下半年|春节|元旦|国庆|中秋|端午|清明|全年|年初|年中|年底|年末|年内|度)';
const COMPARISON = /(?:比|较|与|同|和|上年|去年|上一年|上年度)[（(]?$/;

export default defineRule({
  id: 'stale-year',
  severity: 'warning',
  description: '文字把上一年写成了本年度（如 2025 年度文件中的「2024年春节期间」「2024年12月27日」），多是从上年文件带入后未改',
  appliesTo: ['disclosure', 'reports'],
  check(ctx) {
    const year = ctx.input.year;
    const last = String(year - 1);
    const pattern = new RegExp(`(?<!\\d)${last}年${PERIOD}`, 'g');
    for (const { text, path } of walkStrings(ctx.raw)) {
      if (typeof path[path.length - 1] === 'string' && (path[path.length - 1] as string) === text) continue; // a key
      for (const m of text.matchAll(pattern)) {
        if (COMPARISON.test(text.slice(Math.max(0, m.index! - 4), m.index!))) continue;
        const end = Math.min(text.length, m.index! + m[0].length + 8);
        ctx.report({
          path,
          at: { text, index: m.index! },
          message: `「${text.slice(m.index!, end)}${end < text.length ? '…' : ''}」：本文件是 ${year} 年度，这里的 ${last} 年像是当年；从上年带入的文字请改为 ${year} 年的情况（「比${last}年」这类与上年相比的写法不在此列）`,
        });
      }
    }
  },
});
