import { orZero, sum } from '../../decimal.ts';
import { FUND_NAMES } from '../../calc/index.ts';
import { defineRule, exact, show } from './_util.ts';

/**
 * 九: the self-evaluated projects cover 项目支出 (seed: 3100 + 700 + 47 + 1964.5 + 100 + 5010.6 = 10922.10),
 * and by fund they match 公开05/07/08's 项目支出 columns. Only a project's 财政拨款 part (当年财政拨款 and
 * 上年结转) counts toward its fund; its 其他资金 is non-fiscal money, in 公开03 but not in 05/07/08.
 */
export default defineRule({
  id: 'project-total',
  severity: 'error',
  description: '纳入绩效自评的项目全年执行数之和应等于公开03表项目支出；按资金性质分别等于公开05、07、08表项目支出',
  check(ctx) {
    const projects = ctx.calc.projects;
    if (projects.length === 0) return;
    const total = sum(projects.map((p) => p.amount));
    const projectSpend = orZero(ctx.calc.expenditure.total.project);
    if (!total.equals(projectSpend)) {
      ctx.report({
        path: ['projects'],
        severity: total.gt(projectSpend) ? 'error' : 'warning',
        message: `项目全年执行数合计 ${show(total)}，公开03表项目支出为 ${show(projectSpend)}，相差 ${exact(total.minus(projectSpend))} 万元${total.lt(projectSpend) ? '（部分项目支出未纳入自评）' : ''}`,
      });
      return;
    }
    const byFund = {
      general: orZero(ctx.calc.general.total.project),
      gov_fund: orZero(ctx.calc.govFund.total.project),
      state_capital: orZero(ctx.calc.stateCapital.total.project),
    };
    for (const fund of ['general', 'gov_fund', 'state_capital'] as const) {
      const fiscal = (p: (typeof projects)[number]) => orZero(p.funding.current.executed).plus(orZero(p.funding.carryover.executed));
      const mine = sum(projects.filter((p) => p.fund === fund).map(fiscal));
      if (!mine.equals(byFund[fund])) {
        ctx.report({
          path: ['projects'],
          message: `资金性质为${FUND_NAMES[fund]}的项目财政拨款执行数合计 ${show(mine)}，而表中该资金的项目支出为 ${show(byFund[fund])}；请核对各项目的 fund，以及其他资金（funding.other）是否填在了当年财政拨款中`,
        });
      }
    }
  },
});
