import { describe, expect, it } from 'vitest';
import { at, check, yaml } from '../helpers/year.ts';

const RULE = 'text-reference';

describe(RULE, () => {
  it('ok: 九 quotes 自评项目数, 自评资金占比|%, 平均得分|2; a report its values and the table’s scores', () => {
    expect(check('').pairs(RULE)).toEqual([]);
  });

  it('not ok: 九 quoting a figure that does not exist, and a text shown as a percentage', () => {
    const r = check(yaml`
      performance:
        texts:
          completion: 执行率{=项目执行率|%}，资金{=自评金额}万元。   # ← 违规
          application: 本部门{=部门|%}。   # ← 违规
    `);
    expect(r.pairs(RULE)).toEqual(at(RULE, ...r.marks));
    expect(r.messages(RULE)[0]).toMatch(/^引用了未定义的数字「自评金额」；此处可用：年度、次年、部门、自评项目数、自评资金/);
    expect(r.messages(RULE)[1]).toBe('「部门」是文字，不能按「|%」格式显示');
  });

  it('not ok: a report paragraph, an indicator comment, an analysis of a 一级指标 the table lacks', () => {
    const r = check('', {
      edit: {
        '其中硬件{=硬件}万元': '其中硬件{=硬件费}万元 # ← 违规',
        'comment: 立项依据充分，得{=项目立项}分': 'comment: 立项依据充分，得{=立项}分 # ← 违规',
        '- analysis: 决策': '- analysis: 决策与立项 # ← 违规',
      },
    });
    expect(r.pairs(RULE)).toEqual(at(RULE, r.marks[1]!, r.marks[2]!, r.marks[0]!));
    expect(r.messages(RULE)[1]).toBe('评价表中没有一级指标「决策与立项」；可用：决策、过程、产出、效益、满意度');
  });
});
