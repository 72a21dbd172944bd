import { defineRule } from './_util.ts';

/** The narrative compares with last year; say which comparisons the prior-year file cannot supply. */
export default defineRule({
  id: 'prior-year-missing',
  severity: 'warning',
  description: '情况说明需要上年数据作对比；缺少上年数据文件或其中缺少相应数字时，相关句子不写增减',
  check(ctx) {
    const year = ctx.calc.year;
    if (!ctx.prior) {
      const dir = ctx.source.file.includes('/') ? ctx.source.file.slice(0, ctx.source.file.lastIndexOf('/') + 1) : '';
      ctx.report({ path: [], message: `没有找到 ${year - 1} 年度数据文件（${dir}${year - 1}.yaml），情况说明将不与上年对比` });
      return;
    }
    const n = ctx.calc.narrative;
    const missing: string[] = [];
    const named: [string, { direction: string }][] = [
      ['本年收入合计', n.incomeTotal],
      ['年初结转和结余', n.opening],
      ['本年支出合计', n.expenditureTotal],
      ['年末结转和结余', n.closing],
      ...n.basicClasses.map((l): [string, { direction: string }] => [l.name, l.change]),
      ['“三公”经费', n.threePublic.total],
      ['机关运行经费', n.adminCost],
    ];
    for (const [name, c] of named) if (c.direction === 'unknown') missing.push(name);
    if (missing.length)
      ctx.report({ path: [], message: `${year - 1} 年度数据中没有以下数字，情况说明中这些项目不写与上年对比：${missing.join('、')}` });
  },
});
