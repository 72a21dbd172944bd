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

  it('not ok: a reference that cannot be resolved is an error, never printed as typed (issue 9)', () => {
    const r = check(yaml`
      performance:
        texts:
          goals: 执行率{=项目执行率|99999}。   # ← 违规
          preparation: 执行率{=项目执行率|-1}。   # ← 违规
          process: 本{={=年度}}年度。   # ← 违规
          analysis: 本{=年度年度。   # ← 违规
          conclusion: 本{=}年度。   # ← 违规
          deviation: 执行率{=项目执行率|}。   # ← 违规
    `);
    // Reported in the order of the schema's keys; compared in the order of the lines.
    const byLine = r.diagnostics.filter((d) => d.ruleId === RULE).sort((a, b) => a.place!.line - b.place!.line);
    expect(byLine.map((d) => [RULE, d.place!.line])).toEqual(at(RULE, ...r.marks));
    expect(byLine.map((d) => d.message)).toEqual([
      '引用「{=项目执行率|99999}」的未知的显示格式「|99999」：显示格式只能是「|%」「|%2」「|2」或不写',
      '引用「{=}」没有写名称：应写作 {=名称}',
      '引用「{=项目执行率|-1}」的未知的显示格式「|-1」：显示格式只能是「|%」「|%2」「|2」或不写',
      '引用「{={=年度}}」中又套了引用或花括号：引用只能写一个名称，例如 {=年度}',
      '引用「{=年度年度。」缺少结尾的「}」：引用应写作 {=名称}',
      '引用「{=项目执行率|}」的「|」后面没有写显示格式：显示格式只能是「|%」「|%2」「|2」或不写',
    ]);
  });

  it('ok: every format the README lists resolves (|% |%2 |2 and none)', () => {
    const r = check(yaml`
      performance:
        texts:
          goals: 执行率{=项目执行率|%}，{=项目执行率|%2}，得分{=平均得分|2}，{=平均得分}。
    `);
    expect(r.pairs(RULE)).toEqual([]);
  });

  it('not ok: inside a literal block, the problem is at its paragraph’s line', () => {
    const r = check(yaml`
      performance:
        texts:
          goals: |
            第一段。

            第二段{=年度|x}。   # ← 违规
    `);
    expect(r.pairs(RULE)).toEqual(at(RULE, r.mark));
  });
});
