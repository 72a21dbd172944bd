import { describe, expect, it } from 'vitest';
import { check, lineWith, yaml } from '../helpers/year.ts';

const RULE = 'change-reasons-sum';

describe(RULE, () => {
  it('ok: 收入 +22 = 12 − 2 + 12; 工资福利 +12 and 对个人和家庭 −2 from the tagged items', () => {
    expect(check('').pairs(RULE)).toEqual([]);
  });

  it('ok: a reason given as one sentence is not added up', () => {
    const r = check(yaml`
      explanations:
        expenditure_total: 彩票公益金资助项目支出增加
    `);
    expect(r.pairs(RULE)).toEqual([]);
  });

  it('not ok: 收入 items adding up to 23 for an increase of 22', () => {
    const r = check(yaml`
      changes:   # ← 违规
        - { text: 基本工资增加, amount: 12.00, economic: "301" }
        - { text: 退休费减少, amount: -2.00, economic: "303" }
        - { text: 彩票公益金资助项目增加, amount: 13.00 }
    `);
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.of(RULE)[0]).toMatchObject({ actual: '23', expected: '22' });
    expect(r.messages(RULE)[0]).toMatch(/本年收入合计比上年增加 22.00 万元，但所列原因合计 23 万元，相差 -1 万元/);
  });

  it('not ok: a tagged item off by 0.01 breaks both the 收入 total and its class (四 工资福利支出)', () => {
    const r = check('', { edit: { '基本工资增加, amount: 12.00': '基本工资增加, amount: 12.01' } });
    const changes = lineWith(r.text, 'changes:');
    expect(r.pairs(RULE)).toEqual([
      [RULE, changes],
      [RULE, changes],
    ]);
    expect(r.messages(RULE)[1]).toMatch(/^基本支出「工资福利支出」比上年增加 12.00 万元/);
  });

  it('not ok: itemised reasons of 本年支出合计 in explanations', () => {
    const r = check(yaml`
      explanations:
        expenditure_total:   # ← 违规
          items:
            - { text: 彩票公益金资助项目支出增加, amount: 10.00 }
    `);
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
  });

  it('not ok (warning): itemised reasons but no prior year to check them against', () => {
    const r = check('', { prior: null });
    expect(r.pairs(RULE)).toEqual([[RULE, lineWith(r.text, 'changes:')]]);
    expect(r.of(RULE)[0]!.severity).toBe('warning');
  });
});
