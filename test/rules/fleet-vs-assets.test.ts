import { describe, expect, it } from 'vitest';
import { check, yaml } from '../helpers/year.ts';

const RULE = 'fleet-vs-assets';

describe(RULE, () => {
  it('ok: 保有量 2 = 主要负责人用车 1 + 应急保障用车 1', () => {
    expect(check('').pairs(RULE)).toEqual([]);
  });

  it('not ok: 保有量 3 with 2 vehicles in 公开10', () => {
    const r = check(yaml`
      three_public:
        vehicle_operation:
          actual: 3.20
          fleet: 3   # ← 违规
    `);
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.messages(RULE)[0]).toMatch(/公务用车保有量为 3 辆，大于.*车辆数合计 2 辆/);
  });

  it('not ok: a 保有量 but no vehicles section', () => {
    const r = check(
      yaml`
      three_public:
        vehicle_operation: { actual: 3.20, fleet: 2 }   # ← 违规
    `,
      { omit: ['assets.vehicles'] },
    );
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
  });
});
