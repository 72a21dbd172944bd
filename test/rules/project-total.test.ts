import { describe, expect, it } from 'vitest';
import { check, lineWith, yaml } from '../helpers/year.ts';

const RULE = 'project-total';

describe(RULE, () => {
  it('ok: 75 + 45 + 30 = 项目支出 150, and by fund 一般公共 75, 基金 45, 国资 30', () => {
    expect(check('').pairs(RULE)).toEqual([]);
  });

  it('ok: a project also spending non-fiscal money (其他资金) and last year’s carry-over', () => {
    const r = check('', {
      edit: {
        'current: { initial: 60.00, full_year: 75.00, executed: 75.00 }':
          'current: { initial: 60.00, full_year: 70.00, executed: 70.00 }\n      carryover: { full_year: 5.00, executed: 5.00 }\n      other: { full_year: 4.00, executed: 4.00 }',
        'project: { general: 75.00 }': 'project: { general: 75.00, other: 4.00 }',
        '{ code: "2012901", general: 300.00, other: 2.00 }': '{ code: "2012901", general: 300.00, other: 6.00 }',
      },
    });
    expect(r.pairs('balance-total')).toEqual([]);
    expect(r.pairs(RULE)).toEqual([]);
  });

  it('not ok (warning): projects cover less than 项目支出 (part of it not self-evaluated)', () => {
    const r = check('', { edit: { 'executed: 30.00 } }, score: 88': 'executed: 29.00 } }, score: 88' } });
    expect(r.pairs(RULE)).toEqual([[RULE, lineWith(r.text, 'projects:')]]);
    expect(r.of(RULE)[0]!.severity).toBe('warning');
    expect(r.messages(RULE)[0]).toMatch(/项目全年执行数合计 149.00，公开03表项目支出为 150.00，相差 -1 万元（部分项目支出未纳入自评）/);
  });

  it('not ok (error): projects claim more than was spent on projects', () => {
    const r = check(yaml`
      projects: # 追加
        - { name: 其他项目, fund: general, funding: { current: { full_year: 1.00, executed: 1.00 } }, score: 90 }
    `);
    expect(r.pairs(RULE)).toEqual([[RULE, lineWith(r.text, 'projects:')]]);
    expect(r.of(RULE)[0]!.severity).toBe('error');
  });

  it('not ok: the totals agree but a 国资 project is marked general', () => {
    const r = check('', { edit: { 'name: 改革补助, fund: state_capital': 'name: 改革补助, fund: general' } });
    const projects = lineWith(r.text, 'projects:');
    expect(r.pairs(RULE)).toEqual([
      [RULE, projects],
      [RULE, projects],
    ]);
    expect(r.messages(RULE)[1]).toMatch(/资金性质为国有资本经营预算财政拨款的项目财政拨款执行数合计 0.00，而表中该资金的项目支出为 30.00/);
  });
});
