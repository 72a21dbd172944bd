/**
 * Scores are shown with two places at most, half-up (issue 11: a department whose scores do not divide
 * evenly printed 「平均得分99.6667分」).
 */
import { describe, expect, it } from 'vitest';
import { performanceValues } from '../../src/calc/performance.ts';
import { D } from '../../src/decimal.ts';
import { resolveProse } from '../../src/model/prose.ts';
import { check, yaml } from '../helpers/year.ts';

describe('平均得分', () => {
  it('scores that do not divide evenly (98, 92, 88, 100, 100, 99, 98: 96.4285…) print with two places, half-up', () => {
    const r = check(yaml`
      projects: # 追加
        - { name: 宣传经费, fund: general, score: 100, funding: { current: { initial: 0, full_year: 0, executed: 0 } } }
        - { name: 培训经费, fund: general, score: 100, funding: { current: { initial: 0, full_year: 0, executed: 0 } } }
        - { name: 调研经费, fund: general, score: 99, funding: { current: { initial: 0, full_year: 0, executed: 0 } } }
        - { name: 会议经费, fund: general, score: 98, funding: { current: { initial: 0, full_year: 0, executed: 0 } } }
    `);
    expect(r.calc!.projects.map((p) => p.score.toFixed())).toEqual(['98', '92', '88', '100', '100', '99', '98']);
    const values = performanceValues(r.calc!);
    const exact = r.calc!.performance.averageScore!;
    expect(exact.decimalPlaces()).toBeGreaterThan(2);
    expect(resolveProse('{=平均得分}', values)).toBe('96.43');
    // decimal.js rounding mode 4 is ROUND_HALF_UP.
    expect(values.get('平均得分')).toEqual(exact.toDecimalPlaces(2, 4));
    expect(resolveProse('平均得分{=平均得分}分', values)).toBe(
      `平均得分${exact
        .toDecimalPlaces(2, 4)
        .toFixed()
        .replace(/\.?0+$/, '')}分`,
    );
  });

  it('rounds half-up: 99.665 → 99.67, and a whole score stays whole (100, not 100.00)', () => {
    const fake = (avg: string) =>
      performanceValues({
        year: 2024,
        department: '部门',
        projects: [],
        performance: {
          selfEvaluated: 3,
          selfEvaluatedAmount: D('0'),
          projectExpenditure: D('0'),
          selfEvaluatedShare: null,
          gradeCounts: { 优: 3, 良: 0, 中: 0, 差: 0 },
          averageScore: D(avg),
          averageGrade: '优',
          executionRate: null,
          departmentEvaluated: { byFund: { general: D('0'), gov_fund: D('0'), state_capital: D('0') } },
          overallAmounts: { general: null, gov_fund: null, state_capital: null },
          formsOrder: [],
        },
      });
    expect(resolveProse('{=平均得分}', fake('99.665'))).toBe('99.67');
    expect(resolveProse('{=平均得分}', fake('99.6666666667'))).toBe('99.67');
    expect(resolveProse('{=平均得分}', fake('100'))).toBe('100');
  });
});
