import { describe, expect, it } from 'vitest';
import { check, yaml } from '../helpers/year.ts';

const RULE = 'budget-missing';

describe(RULE, () => {
  it('ok: every 类 with 财政拨款 spending has a 年初预算; the one that differs (201) says why', () => {
    expect(check('').pairs(RULE)).toEqual([]);
  });

  it('not ok: no 年初预算 for 208, which spent 40.00', () => {
    const r = check(yaml`
      budget:   # ← 违规
        - { code: "201", initial: 305.00 }
        - { code: "210", initial: 20.00 }
        - { code: "223", initial: 30.00 }
        - { code: "229", initial: 45.00 }
    `);
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.messages(RULE)[0]).toMatch(/208 社会保障和就业支出（类）有财政拨款支出 40.00 万元，但未填写年初预算数/);
  });

  it('not ok: a 类 listed with its 年初预算 left blank, pointed at its row', () => {
    const r = check('', { edit: { '{ code: "208", initial: 40.00 }': '{ code: "208", initial: ~ } # ← 违规' } });
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
  });

  it('not ok: 决算 20.00 against 年初预算 25.00 with no variance_reason', () => {
    const r = check('', { edit: { '{ code: "210", initial: 20.00 }': '{ code: "210", initial: 25.00 } # ← 违规' } });
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.messages(RULE)[0]).toMatch(/210 卫生健康支出（类）决算数 20.00 与年初预算数 25.00 不同/);
    expect(r.mark).not.toBe(r.text.split('\n').indexOf('budget:') + 1); // the row, not the list
  });
});
