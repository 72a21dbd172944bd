import { describe, expect, it } from 'vitest';
import { at, check, yaml } from '../helpers/year.ts';

const RULE = 'procurement-structure';

describe(RULE, () => {
  it('ok: 中小企业 ≤ 采购支出 per kind, 小微 15 ≤ 中小 30; an empty procurement section', () => {
    expect(check('').pairs(RULE)).toEqual([]);
    expect(check('procurement: {}\n').pairs(RULE)).toEqual([]);
  });

  it('not ok: 中小企业 larger than the 货物 bought, 小微 larger than 中小企业', () => {
    const r = check(yaml`
      procurement:
        goods: { total: 30.00, sme: 30.01 }   # ← 违规
        works: { total: 5.00 }
        small_micro: 40.02   # ← 违规
    `);
    expect(r.pairs(RULE)).toEqual(at(RULE, ...r.marks));
    expect(r.messages(RULE)[1]).toMatch(/授予小微企业合同金额 40.02 大于授予中小企业合同金额 40.01/);
  });
});
