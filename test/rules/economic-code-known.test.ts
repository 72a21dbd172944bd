import { describe, expect, it } from 'vitest';
import { at, check, yaml } from '../helpers/year.ts';

const RULE = 'economic-code-known';

describe(RULE, () => {
  it('ok: a 款 the catalogue lacks, added under its 类 in catalogue.economic', () => {
    const r = check(yaml`
      basic_economic:
        "30198": 0.00
      catalogue:
        economic:
          - { code: "30198", name: 其他工资福利补充 }
    `);
    expect(r.pairs(RULE)).toEqual([]);
  });

  it('not ok: an unknown 款 of a known 类', () => {
    const r = check(yaml`
      basic_economic:
        "30198": 0.00   # ← 违规
    `);
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.messages(RULE)[0]).toMatch(/「30198」不在内置目录中/);
  });

  it('not ok: a 款 of a 类 公开06 does not print (305), and a change tagged with that 类', () => {
    const r = check(
      yaml`
      basic_economic:
        "30501": 0.00   # ← 违规
    `,
      { edit: { 'amount: 12.00, economic: "301" }': 'amount: 12.00, economic: "305" } # ← 违规' } },
    );
    expect(r.pairs(RULE)).toEqual(at(RULE, ...r.marks));
    expect(r.messages(RULE)[0]).toMatch(/不属于公开06表的任何类/);
  });
});
