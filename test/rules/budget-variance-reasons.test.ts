import { describe, expect, it } from 'vitest';
import { check, yaml } from '../helpers/year.ts';

const RULE = 'budget-variance-reasons';

describe(RULE, () => {
  it('ok: 201 决算 305 − 年初预算 290 = 15, one item of 15', () => {
    expect(check('').pairs(RULE)).toEqual([]);
  });

  it('not ok: the items add up to 14.90 for a difference of 15', () => {
    const r = check(yaml`
      budget:
        - code: "201"
          initial: 290.00
          variance_reason:   # ← 违规
            lead: 年中追加了
            joiner: 和
            items:
              - { text: 信息化建设经费, amount: 10.00 }
              - { text: 会议经费, amount: 4.90 }
        - { code: "208", initial: 40.00 }
        - { code: "210", initial: 20.00 }
        - { code: "223", initial: 30.00 }
        - { code: "229", initial: 45.00 }
    `);
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.of(RULE)[0]).toMatchObject({ actual: '14.9', expected: '15' });
    expect(r.messages(RULE)[0]).toMatch(/201 一般公共服务支出（类）决算数 305.00 与年初预算数 290.00 相差 15 万元，所列原因合计 14.9 万元/);
  });
});
