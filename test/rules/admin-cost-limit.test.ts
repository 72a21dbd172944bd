import { describe, expect, it } from 'vitest';
import { check, yaml } from '../helpers/year.ts';

const RULE = 'admin-cost-limit';

describe(RULE, () => {
  it('ok: 机关运行经费 18.00 ≤ 公用经费 24.00; the seed’s 0.00 ≤ 0.00', () => {
    expect(check('').pairs(RULE)).toEqual([]);
    expect(
      check(yaml`
      admin_operating_cost: { amount: 0.00, reason: 属群众团体，财政未安排预算 }
    `).pairs(RULE),
    ).toEqual([]);
  });

  it('not ok: 机关运行经费 larger than the 公用经费 it is part of', () => {
    const r = check(yaml`
      admin_operating_cost:
        amount: 24.01   # ← 违规
        reason: 新增办公用房
    `);
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.messages(RULE)[0]).toBe(
      '机关运行经费为 24.01 万元，大于公开06表公用经费合计 24.00 万元；机关运行经费是一般公共预算财政拨款基本支出中公用经费的一部分，请核对两处数字',
    );
  });
});
