import { describe, expect, it } from 'vitest';
import { at, check, yaml } from '../helpers/year.ts';

const RULE = 'glyph-coverage';

describe(RULE, () => {
  it('ok: the base year and the seed’s own characters (≦ ≧ “” 〔〕 ①) have glyphs in every face', () => {
    expect(check('').pairs(RULE)).toEqual([]);
    const r = check('', { edit: { 'summary: 项目按计划完成。': 'summary: 指标≦1200元/人、≧90%，“三公”经费，赣工办发〔2020〕56号，①。' } });
    expect(r.pairs(RULE)).toEqual([]);
  });

  it('not ok: a CJK Extension B character in a unit name (a 生僻字 the fonts lack) is an error', () => {
    const r = check(yaml`
      overview:
        units:
          - name: 江西省示例协会𠀀分会   # ← 违规
      `);
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.of(RULE)[0]!.severity).toBe('error');
    expect(r.messages(RULE)[0]).toMatch(/^「𠀀」（U\+20000）.*没有字形，PDF 中会显示为方框/);
  });

  it('not ok: each missing character of a string once, in a stand-alone report too', () => {
    const r = check(
      yaml`
      year: 2020
      department: 江西省总工会
      reports:
        - title: 报告
          body:
            - p: 𠀀𠀁𠀀   # ← 违规
    `,
      { base: null, prior: null, file: 'fixture/2020.yaml' },
    );
    expect(r.pairs(RULE)).toEqual(at(RULE, r.mark, r.mark));
  });
});
