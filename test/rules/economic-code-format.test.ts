import { describe, expect, it } from 'vitest';
import { check, yaml } from '../helpers/year.ts';

const RULE = 'economic-code-format';

describe(RULE, () => {
  it('ok: 5-digit 款 in basic_economic, 3-digit 类 in changes and explanations, 3 or 5 in the catalogue', () => {
    const r = check(yaml`
      catalogue:
        economic:
          - { code: "30198", name: 其他工资福利补充 }
          - { code: "399", name: 其他支出 }
    `);
    expect(r.pairs(RULE)).toEqual([]);
  });

  it('not ok: seed defect C-1, 公开06 printed “310111 地上附着物和青苗补偿” for 31011', () => {
    const r = check(yaml`
      basic_economic:
        "310111": 0.00   # ← 违规
    `);
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.messages(RULE)[0]).toMatch(/「310111」应为 3 开头的 5 位数字（是否应为 31011？）/);
    expect(r.pairs()).toEqual([[RULE, r.mark]]); // a 6-digit code is this rule's alone, not also “unknown”
  });

  it('not ok: a 款 code as the 类 of a change, a 款 code as the key of a class explanation', () => {
    const r = check(
      yaml`
      explanations:
        basic:
          "30201": 压减办公费   # ← 违规
    `,
      { edit: { 'amount: -2.00, economic: "303" }': 'amount: -2.00, economic: "30302" } # ← 违规' } },
    );
    expect(r.pairs(RULE)).toEqual([
      [RULE, r.marks[0]],
      [RULE, r.marks[1]],
    ]);
  });

  it('not ok: a 4-digit catalogue addition', () => {
    const r = check(yaml`
      catalogue:
        economic:
          - { code: "3019", name: 其他 }   # ← 违规
    `);
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
  });
});
