import { describe, expect, it } from 'vitest';
import { check, yaml } from '../helpers/year.ts';

const RULE = 'basic-economic-total';

describe(RULE, () => {
  it('ok: 公开06 人员经费 266 + 公用经费 24 = 公开05 基本支出 290 (non-fiscal basic money is not in either)', () => {
    expect(check('').pairs(RULE)).toEqual([]);
  });

  it('not ok: 办公费 21.00 makes 公开06 one more than 公开05', () => {
    const r = check(yaml`
      basic_economic:   # ← 违规
        "30201": 21.00
    `);
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.of(RULE)[0]).toMatchObject({ actual: '291', expected: '290' });
  });

  it('not ok: basic spending by function with no economic breakdown at all, reported at expenditure', () => {
    const r = check(
      yaml`
      expenditure:   # ← 违规
        - { code: "2012901", basic: { general: 230.00, other: 2.00 }, project: { general: 75.00 } }
    `,
      { omit: ['basic_economic'] },
    );
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
  });
});
