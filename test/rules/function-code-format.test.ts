import { describe, expect, it } from 'vitest';
import { at, check, yaml } from '../helpers/year.ts';

const RULE = 'function-code-format';

describe(RULE, () => {
  it('ok: 7-digit 项 for figures, 3-digit 类 for budgets, 3/5/7 digits in the catalogue', () => {
    const r = check(yaml`
      catalogue:
        functional:
          - { code: "20129", name: 群众团体事务 }
    `);
    expect(r.pairs(RULE)).toEqual([]);
  });

  it('not ok: a 款 code (5 digits) entered as an income row', () => {
    const r = check(yaml`
      income: # 追加
        - { code: "20129", general: 0.00 }   # ← 违规
    `);
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.messages(RULE)[0]).toMatch(/「20129」应为 7 位数字的项级科目/);
  });

  it('not ok: a 7-digit expenditure code that does not start with 2', () => {
    const r = check('', { edit: { '- { code: "2101101", basic': '- { code: "1101101", basic # ← 违规' } });
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.messages(RULE)[0]).toMatch(/应以 2 开头/);
  });

  it('not ok: a budget by 项 instead of 类, a 基金 balance by 款, a catalogue code of 4 digits', () => {
    const r = check(yaml`
      budget: # 追加
        - { code: "2012901", initial: 0.00 }   # ← 违规
      balances:
        gov_fund: # 追加
          - { code: "22960", opening: 0.00, closing: 0.00 }   # ← 违规
      catalogue:
        functional:
          - { code: "2012", name: 群众团体 }   # ← 违规
    `);
    expect(r.marks).toHaveLength(3);
    expect(r.pairs(RULE)).toEqual(at(RULE, ...r.marks));
  });
});
