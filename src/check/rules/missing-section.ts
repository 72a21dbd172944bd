import { defineRule } from './_util.ts';

/** A section left out prints as zeros; say so, since “forgot” and “none” look the same on the page. */
export default defineRule({
  id: 'missing-section',
  severity: 'warning',
  description: '决算公开必备的内容未填写：缺少概况、收入、支出为错误；缺少三公经费、机关运行经费、政府采购、国有资产、年初预算、项目为警告',
  check(ctx) {
    const i = ctx.input;
    const required: [unknown, string, string][] = [
      [i.overview, 'overview', '第一部分 概况'],
      [i.income, 'income', '本年收入'],
      [i.expenditure, 'expenditure', '本年支出'],
    ];
    for (const [value, key, name] of required) {
      if (value === undefined) ctx.report({ path: [], severity: 'error', message: `缺少 ${key}（${name}），部门决算不能没有这部分内容` });
    }
    // What “none” looks like for each: an empty list for the lists, an empty mapping for the others.
    const sections: [unknown, string, string, '[]' | '{}'][] = [
      [i.budget, 'budget', '财政拨款年初预算（情况说明 三）', '[]'],
      [i.three_public, 'three_public', '“三公”经费（公开09表、情况说明 五）', '{}'],
      [i.admin_operating_cost, 'admin_operating_cost', '机关运行经费（情况说明 六）', '{}'],
      [i.procurement, 'procurement', '政府采购（情况说明 七）', '{}'],
      [i.assets, 'assets', '国有资产占用（公开10表、情况说明 八）', '{}'],
      [i.projects, 'projects', '项目绩效自评（情况说明 九）', '[]'],
    ];
    for (const [value, key, name, none] of sections) {
      if (value === undefined)
        ctx.report({ path: [], message: `未填写 ${key}（${name}），将按无数据发布；如确实没有，请写「${key}: ${none}」或填写 0` });
    }
  },
});
