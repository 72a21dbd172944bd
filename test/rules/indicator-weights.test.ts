import { describe, expect, it } from 'vitest';
import { check } from '../helpers/year.ts';

/** The n-th line that is exactly `line` (the 自评表's indicators, then the 部门评价表's). */
const lineOf = (text: string, line: string, n = 1) =>
  text
    .split('\n')
    .map((l, i) => (l === line ? i + 1 : 0))
    .filter(Boolean)[n - 1]!;

const RULE = 'indicator-weights';

describe(RULE, () => {
  it('ok: 自评表 90 + 执行率 10 = 100; 部门评价表 100', () => {
    expect(check('').pairs(RULE)).toEqual([]);
  });

  it('ok: a 执行率 weight other than 10, with the indicators making up the rest', () => {
    const r = check('', {
      edit: {
        'implementer: 江西省示例协会办公室\n      goal': 'implementer: 江西省示例协会办公室\n      execution_weight: 20\n      goal',
        '指标1：建设成本, target: ≤75万元, actual: 75万元, weight: 20, score: 20':
          '指标1：建设成本, target: ≤75万元, actual: 75万元, weight: 10, score: 10',
      },
    });
    expect(r.pairs(RULE)).toEqual([]);
  });

  it('not ok: a 自评表 worth 105', () => {
    const r = check('', {
      edit: { 'weight: 20, score: 20 }\n        - name: 产出指标': 'weight: 25, score: 25 }\n        - name: 产出指标' },
    });
    expect(r.pairs(RULE)).toEqual([[RULE, lineOf(r.text, '      indicators:')]]);
    expect(r.messages(RULE)[0]).toBe('项目「信息化建设」自评表分值合计为 105（指标 95 + 预算执行率 10），应为 100');
  });

  it('not ok: a 部门评价表 worth 90', () => {
    const r = check('', { edit: { '{ name: 会员满意度, weight: 10, score: 10 }': '{ name: 会员满意度, weight: 0, score: 0 }' } });
    expect(r.pairs(RULE)).toEqual([[RULE, lineOf(r.text, '      indicators:', 2)]]);
  });
});
