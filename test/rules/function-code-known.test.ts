import { describe, expect, it } from 'vitest';
import { at, check, yaml } from '../helpers/year.ts';

const RULE = 'function-code-known';

describe(RULE, () => {
  it('ok: a code the built-in catalogue lacks, named in catalogue.functional', () => {
    const r = check(yaml`
      income: # 追加
        - { code: "2012998", general: 0.00 }
      expenditure: # 追加
        - { code: "2012998", basic: { general: 0.00 } }
      catalogue:
        functional:
          - { code: "2012998", name: 工会专项事务, explanation: 反映工会专项事务方面的支出。 }
    `);
    expect(r.pairs(RULE)).toEqual([]);
    expect(r.pairs()).toEqual([]); // named and explained, the row is as good as a built-in one
  });

  it('not ok: an unknown 项 under a known 款, reported once although used twice', () => {
    const r = check(yaml`
      income: # 追加
        - { code: "2012998", general: 0.00 }   # ← 违规
      expenditure: # 追加
        - { code: "2012998", basic: { general: 0.00 } }
    `);
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.messages(RULE)[0]).toMatch(/项级科目「2012998」不在内置目录中.*catalogue\.functional/);
  });

  it('not ok: an unknown 类 in the budget', () => {
    const r = check(yaml`
      budget: # 追加
        - { code: "299", initial: 0.00 }   # ← 违规
    `);
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
  });

  it('not ok: a 基金 balance under an unknown 款: one message, for the highest missing level', () => {
    const r = check(yaml`
      balances:
        gov_fund: # 追加
          - { code: "2296101", opening: 0.00, closing: 0.00 }   # ← 违规
    `);
    expect(r.pairs(RULE)).toEqual(at(RULE, r.mark));
    expect(r.messages(RULE)).toEqual([expect.stringMatching(/款级科目「22961」/)]);
  });
});
