import { defineRule } from './_util.ts';

/** Whole-file sanity: the year matches the file name; summaries belong to partial files only. */
export default defineRule({
  id: 'year-file',
  severity: 'error',
  description:
    '年度文件基本要求：year 与文件名一致；summary 只能用于 partial: true 的文件；partial 文件不含明细收支；公开日期在决算年度结束之后',
  appliesTo: ['disclosure', 'partial', 'reports'],
  check(ctx) {
    const named = /(\d{4})\.ya?ml$/.exec(ctx.source.file)?.[1];
    if (named && Number.parseInt(named, 10) !== ctx.input.year) {
      ctx.report({ path: ['year'], message: `文件名是 ${named} 年度，文件中 year 却是 ${ctx.input.year}` });
    }
    if (ctx.input.summary && !ctx.input.partial) {
      ctx.report({
        path: ['summary'],
        message: 'summary（汇总数）只能用于 partial: true 的上年数据文件；完整年度的合计由明细计算，不要直接填写',
      });
    }
    if (ctx.input.partial && (ctx.input.income || ctx.input.expenditure)) {
      ctx.report({
        path: ['partial'],
        message: 'partial 文件只用于上年对比，不能填写 income / expenditure 明细；明细齐全时请去掉 partial: true',
      });
    }
    const year = ctx.input.year;
    if (year < 2000 || year > 2100) ctx.report({ path: ['year'], message: `年度 ${year} 不在合理范围内` });
    const published = ctx.input.publication_date;
    if (published && published <= `${year}-12-31`) {
      ctx.report({
        path: ['publication_date'],
        message: `公开日期 ${published} 早于 ${year} 年度结束，决算只能在次年公开；请核对 publication_date`,
      });
    }
  },
});
