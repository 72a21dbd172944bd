import { describe, expect, it } from 'vitest';
import { check, yaml } from '../helpers/year.ts';

const RULE = 'balance-fund';

describe(RULE, () => {
  it('ok: each fund balances (一般公共 10 + 360 = 365 + 5, 基金 8 + 50 = 45 + 13, 国资 0 + 30 = 30 + 0)', () => {
    expect(check('').pairs(RULE)).toEqual([]);
  });

  it('not ok: 一般公共预算 年末 5.00 should be 5.10', () => {
    const r = check(yaml`
      balances:
        general: { opening: 10.00, closing: 5.10 }   # ← 违规
    `);
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.of(RULE)[0]).toMatchObject({ actual: '370.1', expected: '370' });
  });

  it('not ok: 基金 balances by 项 that do not close, reported at the 基金 balances', () => {
    const r = check(yaml`
      balances:
        gov_fund:   # ← 违规
          - { code: "2296002", opening: 9.00, closing: 13.00 }
    `);
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.messages(RULE)[0]).toMatch(/^政府性基金预算财政拨款：/);
  });

  it('not ok: 国资 income never spent nor carried over, reported at income when there is no 国资 balance', () => {
    const r = check(yaml`
      income:   # ← 违规
        - { code: "2012901", general: 300.00, other: 2.00 }
        - { code: "2080505", general: 40.00 }
        - { code: "2101101", general: 20.00 }
        - { code: "2296002", gov_fund: 50.00 }
        - { code: "2230199", state_capital: 31.00 }
    `);
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
  });
});
