import { describe, expect, it } from 'vitest';
import { BASE_2023, check, patch, yaml } from '../helpers/year.ts';

const RULE = 'prior-year-missing';

describe(RULE, () => {
  it('ok: the prior year gives every figure the narrative compares', () => {
    expect(check('').pairs(RULE)).toEqual([]);
  });

  it('not ok: no prior-year file', () => {
    const r = check(
      yaml`
      year: 2024   # ← 违规
    `,
      { prior: null },
    );
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.messages(RULE)[0]).toMatch(/没有找到 2023 年度数据文件（fixture\/2023.yaml）/);
  });

  it('not ok: a partial prior year without 商品和服务支出 and 三公', () => {
    const prior = patch(
      BASE_2023,
      yaml`
      summary:
        gp_basic_by_class: { "301": 218.00, "303": 38.00, "310": 0.00 }
    `,
      ['three_public'],
    );
    const r = check(
      yaml`
      year: 2024   # ← 违规
    `,
      { prior },
    );
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.messages(RULE)[0]).toMatch(/2023 年度数据中没有以下数字，情况说明中这些项目不写与上年对比：商品和服务支出、“三公”经费$/);
  });

  it('ok: a file of stand-alone reports only (like 2020) is not a prior year; it is as if there were none', () => {
    const prior = yaml`
      year: 2023
      department: 江西省示例协会
      reports:
        - { title: 2023年度自评报告, body: [{ p: 正文 }] }
    `;
    expect(check('', { prior }).messages(RULE)).toEqual([expect.stringMatching(/没有找到 2023 年度数据文件/)]);
  });
});
