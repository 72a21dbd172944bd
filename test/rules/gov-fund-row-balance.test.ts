import { describe, expect, it } from 'vitest';
import { at, check, yaml } from '../helpers/year.ts';

const RULE = 'gov-fund-row-balance';

/** Two 基金 项: 2296002 (社会福利) and 2296003 (体育), 5 + 50 = 45 + 10 and 3 + 10 = 12 + 1. */
const TWO_FUNDS = yaml`
  income: # 追加
    - { code: "2296003", gov_fund: 10.00 }
  expenditure: # 追加
    - { code: "2296003", project: { gov_fund: 12.00 } }
  budget:
    - { code: "201", initial: 305.00 }
    - { code: "208", initial: 40.00 }
    - { code: "210", initial: 20.00 }
    - { code: "223", initial: 30.00 }
    - { code: "229", initial: 57.00 }
  projects: # 追加
    - { name: 全民健身, fund: gov_fund, funding: { current: { full_year: 12.00, executed: 12.00 } }, score: 90 }
`;

describe(RULE, () => {
  it('ok: each 基金 项 balances on its own row (公开07)', () => {
    const r = check(
      TWO_FUNDS +
        yaml`
      balances:
        gov_fund:
          - { code: "2296002", opening: 5.00, closing: 10.00 }
          - { code: "2296003", opening: 3.00, closing: 1.00 }
    `,
    );
    expect(r.pairs(RULE)).toEqual([]);
    expect(r.pairs('balance-fund')).toEqual([]);
  });

  it('not ok: rows that do not balance although the 基金 total does (1.00 booked to the wrong 项)', () => {
    const r = check(
      TWO_FUNDS +
        yaml`
      balances:
        gov_fund:
          - { code: "2296002", opening: 5.00, closing: 11.00 }   # ← 违规
          - { code: "2296003", opening: 3.00, closing: 0.00 }   # ← 违规
    `,
    );
    expect(r.pairs('balance-fund')).toEqual([]);
    expect(r.pairs(RULE)).toEqual(at(RULE, ...r.marks));
  });

  it('not ok: 基金 spending in a 项 without any balance row, reported at the expenditure row', () => {
    const r = check(yaml`
      expenditure: # 追加
        - { code: "2296003", project: { gov_fund: 1.00 } }   # ← 违规
    `);
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.messages(RULE)[0]).toMatch(/「2296003」：年初 0.00 \+ 本年收入 0.00 ≠ 本年支出 1.00 \+ 年末 0.00/);
  });
});
