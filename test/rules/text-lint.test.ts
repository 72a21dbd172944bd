import { describe, expect, it } from 'vitest';
import { at, check, yaml } from '../helpers/year.ts';

const RULE = 'text-lint';

const report = (body: string) => yaml`
  year: 2020
  department: 江西省总工会
  reports:
    - title: 2020年度部门预算项目绩效自评报告
      body:
        ${body}
`;
const opts = { base: null, prior: null, file: 'fixture/2020.yaml' } as const;

describe(RULE, () => {
  it('ok: the corrected 2020 wording; reduplication of one character (常常, 一一) and 一X一X are Chinese', () => {
    const r = check(
      report(yaml`
      - p: 由各级经济技术部门对劳模困难情况进行自下而上的调查摸底。
      - p: 《江西工会困难职工家庭认定和档案管理办法》（赣工办发〔2020〕56号）。
      - p: 对困难职工帮扶一一落实，常常走访，一步一步推进。
    `),
      opts,
    );
    expect(r.pairs(RULE)).toEqual([]);
  });

  it('not ok: seed defect C-14, the 2020 report’s “帮扶帮扶”, “至下而上” and “赣工办发（2020）56号”', () => {
    const r = check(
      report(yaml`
      - p: 困难职工帮扶帮扶坚持依档帮扶。   # ← 违规
      - p: 由各级经济技术部门对劳模困难情况进行至下而上的调查摸底。   # ← 违规
      - p: 《江西工会困难职工家庭认定和档案管理办法》（赣工办发（2020）56号）。   # ← 违规
    `),
      opts,
    );
    expect(r.pairs(RULE)).toEqual(at(RULE, ...r.marks));
    expect(r.messages(RULE)).toEqual([
      '「帮扶帮扶」重复了「帮扶」',
      '「至下而上」应为「自下而上」',
      '文号「赣工办发（2020）56号」的年份应使用六角括号：赣工办发〔2020〕56号',
    ]);
  });

  it('not ok: every slip of a paragraph is reported, not only the first', () => {
    const r = check(
      report(yaml`
      - p: 项目项目资金按装到位，资金资金及时下拨。   # ← 违规
    `),
      opts,
    );
    expect(r.pairs(RULE)).toEqual(at(RULE, r.mark, r.mark, r.mark));
    expect(r.messages(RULE)).toEqual(['「项目项目」重复了「项目」', '「资金资金」重复了「资金」', '「按装」应为「安装」']);
  });

  it('not ok: the same in a disclosure (a 部门评价 summary)', () => {
    const r = check('', { edit: { 'summary: 项目按计划完成。': 'summary: 项目按计划计划完成。 # ← 违规' } });
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
  });

  it('ok: internal bodies with 、 inside their brackets, one per list item', () => {
    expect(check('').pairs(RULE)).toEqual([]);
  });

  it('not ok: two bodies written as one item with a Chinese comma (the count would be 1)', () => {
    const r = check(yaml`
      overview:
        units:
          - name: 江西省示例中心（本级）
            internal_bodies: [办公室，财务处]   # ← 违规
    `);
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.messages(RULE)[0]).toMatch(/内设机构「办公室，财务处」中有逗号/);
  });

  it('not ok: a slip in a block text points at its paragraph, not at the key', () => {
    const r = check(
      yaml`
      overview:
        duties: |
          负责示例事务。

          （一）帮扶帮扶困难职工。   # ← 违规
    `.replace('   # ← 违规', ''),
      {},
    );
    const line = r.text.split('\n').findIndex((l) => l.includes('帮扶帮扶')) + 1;
    expect(r.pairs(RULE)).toEqual([[RULE, line]]);
  });
});
