import { describe, expect, it } from 'vitest';
import { check, yaml } from '../helpers/year.ts';

const RULE = 'duplicate-code';

describe(RULE, () => {
  it('ok: a code may appear once in each of income, expenditure, budget and the 基金 balances', () => {
    expect(check('').pairs(RULE)).toEqual([]);
  });

  it('not ok: the same 项 twice in income, pointing back at the first', () => {
    const r = check(yaml`
      income: # 追加
        - { code: "2080505", general: 0.00 }   # ← 违规
    `);
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    const first = r.text.split('\n').findIndex((l) => l.includes('{ code: "2080505", general: 40.00 }')) + 1;
    expect(r.of(RULE)[0]!.related?.map((x) => x.place.line)).toEqual([first]);
  });

  it('not ok: the same 类 twice in the budget, the same 项 twice in the 基金 balances', () => {
    const r = check(yaml`
      balances:
        gov_fund: # 追加
          - { code: "2296002", opening: 0.00, closing: 0.00 }   # ← 违规
      budget: # 追加
        - { code: "208", initial: 0.00 }   # ← 违规
    `);
    expect(r.pairs(RULE)).toEqual([
      [RULE, r.marks[1]],
      [RULE, r.marks[0]],
    ]); // budget is checked first
    expect(r.messages(RULE)[1]).toMatch(/科目「2296002」在 balances.gov_fund 中重复出现/);
  });
});
