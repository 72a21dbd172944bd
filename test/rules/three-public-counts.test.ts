import { describe, expect, it } from 'vitest';
import { at, check, yaml } from '../helpers/year.ts';

const RULE = 'three-public-counts';

describe(RULE, () => {
  it('ok: money with counts (运行维护 3.20 / 保有量 2, 接待 1.50 / 10 批 60 人次), no money with zero counts', () => {
    expect(check('').pairs(RULE)).toEqual([]);
  });

  it('ok: the seed’s empty 三公 table (no figures, only reasons)', () => {
    const r = check(yaml`
      three_public:
        abroad: { budget_reason: 按年初预算执行, prior_reason: 按年初预算执行 }
        vehicle_purchase: { budget_reason: 按年初预算执行 }
        vehicle_operation: { budget_reason: 按年初预算执行 }
        reception: { budget_reason: 按年初预算执行 }
    `);
    expect(r.pairs(RULE)).toEqual([]);
  });

  it('not ok: a car bought with no 购置数, a trip abroad counted without money', () => {
    const r = check(yaml`
      three_public:
        abroad: { actual: 0.00, groups: 1, persons: 0 }   # ← 违规
        vehicle_purchase: { actual: 20.00, vehicles: 0 }   # ← 违规
    `);
    expect(r.pairs(RULE)).toEqual(at(RULE, ...r.marks));
    expect(r.messages(RULE)).toEqual([
      '因公出国（境）费团组数为 1，但决算数为 0 或未填写',
      '公务用车购置费决算数为 20.00 万元，但购置数为 0 或未填写',
    ]);
  });

  it('not ok: 运行维护费 without a 保有量; 国（境）外接待 without 批次 and 人次', () => {
    const r = check(yaml`
      three_public:
        vehicle_operation: { actual: 3.20 }   # ← 违规
        reception:
          overseas: { actual: 0.50 }   # ← 违规
    `);
    expect(r.pairs(RULE)).toEqual(at(RULE, r.marks[1]!, r.marks[1]!, r.marks[0]!));
  });
});
