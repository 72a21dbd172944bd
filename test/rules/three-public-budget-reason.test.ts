import { describe, expect, it } from 'vitest';
import { check } from '../helpers/year.ts';

const RULE = 'three-public-budget-reason';

describe(RULE, () => {
  it('ok: 运行维护费 3.20 of a 4.00 budget, with its reason; the other lines match their budgets', () => {
    expect(check('').pairs(RULE)).toEqual([]);
  });

  it('not ok: the same difference without a reason points at the line', () => {
    const r = check('', { edit: { 'actual: 3.20, fleet: 2, budget_reason: 厉行节约,': 'actual: 3.20, fleet: 2, # ← 违规' } });
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.messages(RULE)[0]).toMatch(/公务用车运行维护费决算数 3.20 与全年预算数 4.00 不同.*budget_reason/);
  });
});
