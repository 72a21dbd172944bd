import { describe, expect, it } from 'vitest';
import { at, check } from '../helpers/year.ts';

const RULE = 'indicator-comparator';

describe(RULE, () => {
  it('ok: ≥ and ≤ as published; “<6900人” and “=10个” are not typed-out comparators', () => {
    const r = check('', { edit: { 'target: ≥5个, actual: 6个': 'target: <6900人, actual: =10个' } });
    expect(r.pairs(RULE)).toEqual([]);
  });

  it('not ok: seed defect C-6, the 劳动竞赛 table’s “>=90%” typed with ASCII', () => {
    const r = check('', {
      edit: {
        'target: ≥90%, actual: 95%, weight: 10': 'target: ">=90%", actual: 95%, weight: 10 # ← 违规',
        'target: ≤75万元, actual: 75万元': 'target: "<=75万元", actual: 75万元 # ← 违规',
      },
    });
    expect(r.pairs(RULE)).toEqual(at(RULE, ...r.marks));
    expect(r.messages(RULE)).toEqual([
      '指标「指标1：建设成本」的「<=75万元」应写作「≤75万元」（发布时印作后者）',
      '指标「指标1：会员满意度」的「>=90%」应写作「≥90%」（发布时印作后者）',
    ]);
  });

  it('not ok: the same in a 部门评价表', () => {
    const r = check('', {
      edit: { '{ name: 会员满意度, weight: 10, score: 10 }': '{ name: 会员满意度, target: ">=90%", weight: 10, score: 10 } # ← 违规' },
    });
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
  });

  it('not ok: seed defect C-6, the 省劳模 table’s JIS signs ≧/≦, and full-width ＞＝', () => {
    const r = check('', {
      edit: {
        'target: ≥90%, actual: 95%, weight: 10': 'target: ≧90%, actual: ＞＝95%, weight: 10 # ← 违规',
        'target: ≤75万元, actual: 75万元': 'target: ≦75万元, actual: 75万元 # ← 违规',
      },
    });
    expect(r.pairs(RULE)).toEqual(at(RULE, r.marks[0]!, r.marks[1]!, r.marks[1]!));
    expect(r.messages(RULE)).toContain('指标「指标1：会员满意度」的「≧90%」应写作「≥90%」（发布时印作后者）');
    expect(r.messages(RULE)).toContain('指标「指标1：会员满意度」的「＞＝95%」应写作「≥95%」（发布时印作后者）');
  });
});
