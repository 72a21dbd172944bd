/** Unknown keys and values of the wrong shape, reported at their line with a Chinese hint. */
import { describe, expect, it } from 'vitest';
import { check, yaml } from '../helpers/year.ts';

const SCHEMA = expect.stringMatching(/^schema\//);

describe('keys and types', () => {
  it('not ok: a misspelt key, with the key it should be', () => {
    const r = check('', { edit: { '{ code: "2080505", general: 40.00 }': '{ code: "2080505", genral: 40.00 } # ← 违规' } });
    expect(r.pairs()).toEqual([[SCHEMA, r.mark]]);
    expect(r.messages()[0]).toBe('未知的键「genral」，是否应为「general」？');
  });

  it('not ok: a misspelt key of a nested block mapping', () => {
    const r = check(yaml`
      three_public:
        vehicle_operation:
          actual: 3.20
          fleet: 2
          prior_reson: 减少公务出行   # ← 违规
    `);
    expect(r.pairs()).toEqual([[SCHEMA, r.mark]]);
    expect(r.messages()[0]).toMatch(/未知的键「prior_reson」，是否应为「prior_reason」？/);
  });

  it('not ok: a list where one value belongs, one value where a list belongs', () => {
    const r = check('', {
      edit: {
        'department: 江西省示例协会': 'department: [江西省示例协会] # ← 违规',
        'internal_bodies: [办公室, 财务部, 业务部]': 'internal_bodies: 办公室 # ← 违规',
      },
    });
    expect(r.pairs()).toEqual(r.marks.map((line) => [SCHEMA, line]));
    expect(r.messages()).toEqual([
      '「department（部门名称）」应填写一个值，实际是一个列表',
      '「internal_bodies（内设机构）」应为列表（每项以「- 」开头），实际是「办公室」',
    ]);
  });

  it('not ok: a section written as a value, a count with decimals, a choice outside its list', () => {
    const r = check(
      yaml`
      assets:
        vehicles: { principal: 1, emergency: 1.5 }   # ← 违规
        equipment_over_1m: 1
      balances: 0   # ← 违规
    `,
      { edit: { 'type: one_off': 'type: once # ← 违规' } },
    );
    expect(
      r
        .pairs()
        .map(([, line]) => line)
        .sort((a, b) => a - b),
    ).toEqual(r.marks);
    expect(r.pairs().every(([id]) => id.startsWith('schema/'))).toBe(true);
  });

  it('not ok: a missing required value', () => {
    const r = check('', {
      edit: { '{ text: 退休费减少, amount: -2.00, economic: "303" }': '{ text: 退休费减少, economic: "303" } # ← 违规' },
    });
    expect(r.pairs()).toEqual([[SCHEMA, r.mark]]);
    expect(r.messages()[0]).toMatch(/缺少/);
  });
});
