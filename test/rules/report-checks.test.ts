import { describe, expect, it } from 'vitest';
import { at, check, yaml } from '../helpers/year.ts';

const RULE = 'report-checks';

/** The 2020 report's figures (C-15): 5261.5 + 3.62 − 5259.13 = 5.69 + 0.3. */
const report = (checks: string) => yaml`
  year: 2020
  department: 江西省总工会
  reports:
    - title: 2020年度部门预算项目绩效自评报告
      values:
        年初项目资金: 5261.5
        上年结转厂务公开: 3.62
        实际支出: 5259.13
        结余厂务公开: 5.69
        结余副省专项: 0.3
        劳模人数: "7012"
        劳模慰问金: =劳模人数 * 1000 / 10000
      checks:
        ${checks}
      body:
        - p: 年度实际支出{=实际支出}万元。
`;
const opts = { base: null, prior: null, file: 'fixture/2020.yaml' } as const;

describe(RULE, () => {
  it('ok: the 2020 report’s own arithmetic (C-15 holds)', () => {
    const r = check(
      report(yaml`
      - 年初项目资金 + 上年结转厂务公开 - 实际支出 = 结余厂务公开 + 结余副省专项
      - 劳模慰问金 = 701.2
    `),
      opts,
    );
    expect(r.pairs()).toEqual([]);
  });

  it('ok: the 部门评价 report of the base (硬件 + 软件 = 实际使用资金)', () => {
    expect(check('').pairs(RULE)).toEqual([]);
  });

  it('not ok: the 副省专项 balance left out, an equation without “=”, a name that does not exist', () => {
    const r = check(
      report(yaml`
      - 年初项目资金 + 上年结转厂务公开 - 实际支出 = 结余厂务公开   # ← 违规
      - 年初项目资金 > 实际支出   # ← 违规
      - 年初项目资金 = 年初项目资金合计   # ← 违规
    `),
      opts,
    );
    expect(r.pairs(RULE)).toEqual(at(RULE, ...r.marks));
    expect(r.of(RULE)[0]).toMatchObject({ actual: '5.99', expected: '5.69' });
    expect(r.messages(RULE)[1]).toBe('「年初项目资金 > 实际支出」应写成「左边 = 右边」的等式');
    expect(r.messages(RULE)[2]).toMatch(/无法计算：未定义的名称「年初项目资金合计」/);
  });

  it('not ok: the 送温暖 uses not adding up to what was used (a 部门评价 report)', () => {
    const r = check('', {
      edit: { '硬件: 45.00': '硬件: 44.00', '- 硬件 + 软件 = 实际使用资金': '- 硬件 + 软件 = 实际使用资金 # ← 违规' },
    });
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
  });
});
