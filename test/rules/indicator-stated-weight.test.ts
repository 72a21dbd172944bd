import { describe, expect, it } from 'vitest';
import { SEED_WARMTH_EVALUATION } from '../helpers/seed.ts';
import { at, check, mark, yaml } from '../helpers/year.ts';

const RULE = 'indicator-stated-weight';

/** The seed's evaluation of 送温暖资金 needs the project it evaluates. */
const WARMTH = { '- name: 信息化建设': '- name: 送温暖资金' };

describe(RULE, () => {
  it('ok: a group may state its 分值 when it is the sum of its children (产出指标 40)', () => {
    expect(check('').pairs(RULE)).toEqual([]);
  });

  it('ok: the seed’s table with 一级 分值 that add up (决策 18, 过程 22, 产出 40)', () => {
    const fixed = SEED_WARMTH_EVALUATION.replace('weight: 40', 'weight: 18').replace('weight: 60', 'weight: 40');
    const r = check(
      yaml`
      department_evaluations:
        ${fixed}
    `,
      { edit: WARMTH },
    );
    expect(r.pairs(RULE)).toEqual([]);
    expect(r.pairs('indicator-weights')).toEqual([]);
  });

  it('not ok: seed defect C-7, 部门评价表 决策 40 and 产出 60 over children worth 18 and 40', () => {
    const r = check(
      yaml`
      department_evaluations:
        ${mark(SEED_WARMTH_EVALUATION, 'weight: 40', 'weight: 60')}
    `,
      { edit: WARMTH },
    );
    expect(r.pairs(RULE)).toEqual(at(RULE, ...r.marks));
    expect(r.of(RULE).map((d) => [d.actual, d.expected])).toEqual([
      ['40', '18'],
      ['60', '40'],
    ]);
    expect(r.messages(RULE)[0]).toBe('指标「决策」填写的分值为 40，但下级指标合计为 18（项目立项 6 + 绩效目标 6 + 资金投入 6）');
    expect(r.pairs('indicator-weights')).toEqual([]); // the table itself weighs 100
  });
});
