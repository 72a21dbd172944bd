import { describe, expect, it } from 'vitest';
import { check, yaml } from '../helpers/year.ts';

const RULE = 'glossary-missing';

describe(RULE, () => {
  it('ok: every 项 with figures has a 科目说明 (built in, or in glossary.expenditure)', () => {
    expect(check('').pairs(RULE)).toEqual([]);
    const r = check(yaml`
      income: # 追加
        - { code: "2050201", other: 0.00 }
      expenditure: # 追加
        - { code: "2050201", basic: { other: 0.00 } }
      glossary:
        expenditure:
          - { code: "2050201", text: 反映学前教育支出。 }
    `);
    expect(r.pairs(RULE)).toEqual([]);
  });

  it('not ok: a built-in 项 without a 科目说明, reported at its expenditure row', () => {
    const r = check(yaml`
      income: # 追加
        - { code: "2050201", other: 0.00 }
      expenditure: # 追加
        - { code: "2050201", basic: { other: 0.00 } }   # ← 违规
    `);
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.messages(RULE)[0]).toBe('科目「2050201 学前教育」没有名词解释；请在 glossary.expenditure 中填写其科目说明');
  });

  it('not ok: a 基金 项 that only carries a balance (it is a row of 公开07 all the same)', () => {
    const r = check(yaml`
      catalogue:
        functional:
          - { code: "2296098", name: 用于其他事业的彩票公益金支出 }
      balances:
        gov_fund: # 追加
          - { code: "2296098", opening: 2.00, closing: 2.00 }   # ← 违规
    `);
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
  });
});
