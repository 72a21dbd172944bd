import { describe, expect, it } from 'vitest';
import { check, yaml } from '../helpers/year.ts';

const RULE = 'indicator-scores';

describe(RULE, () => {
  it('ok: every scored indicator has 分值 and 得分 (8 of 10 included); an empty group (生态效益) needs neither', () => {
    const r = check('', {
      edit: {
        '            - name: 社会效益\n              children:\n                - { name: 指标1：办事效率提升':
          '            - name: 生态效益\n            - name: 社会效益\n              children:\n                - { name: 指标1：办事效率提升',
      },
    });
    expect(r.pairs(RULE)).toEqual([]);
  });

  it('not ok: 得分 over 分值', () => {
    const r = check('', { edit: { 'weight: 10, score: 8, note': 'weight: 10, score: 10.5, note' } });
    expect(r.messages(RULE)).toEqual(['指标「指标2：培训人次」得分 10.5 超过分值 10']);
    expect(r.pairs(RULE)).toEqual([[RULE, r.text.split('\n').findIndex((l) => l.includes('score: 10.5')) + 1]]);
  });

  it('not ok: 分值 without 得分, 得分 without 分值, a target with neither', () => {
    const r = check(yaml`
      projects: # 追加
        - name: 测试项目
          fund: general
          funding: { current: { full_year: 0.00, executed: 0.00 } }
          self_evaluation:
            implementer: 办公室
            goal: { expected: 甲, actual: 乙 }
            indicators:
              - name: 产出指标
                children:
                  - { name: 只有分值, weight: 30 }   # ← 违规
                  - { name: 只有得分, score: 30 }   # ← 违规
                  - { name: 只有指标值, target: ≥1个 }   # ← 违规
                  - { name: 齐全, weight: 60, score: 60 }
    `);
    expect(r.pairs(RULE)).toEqual(r.marks.map((line) => [RULE, line]));
    expect(r.messages(RULE)).toEqual([
      '指标「只有分值」填写了分值但没有得分',
      '指标「只有得分」填写了得分但没有分值',
      '指标「只有指标值」缺少分值和得分',
    ]);
  });

  it('not ok: an indicator with a target and a 得分 but no 分值 is reported once, for the missing 分值', () => {
    const r = check('', { edit: { 'actual: 80人次, weight: 10, score: 8': 'actual: 80人次, score: 8 # ← 违规' } });
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.messages(RULE)).toEqual(['指标「指标2：培训人次」填写了得分但没有分值']);
  });
});
