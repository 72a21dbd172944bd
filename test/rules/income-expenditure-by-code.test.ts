import { describe, expect, it } from 'vitest';
import { at, check, yaml } from '../helpers/year.ts';

const RULE = 'income-expenditure-by-code';

/** No carry-overs at all (as the seed): each 项 must spend what it received. */
const NO_BALANCES = yaml`
  income:
    - { code: "2012901", general: 305.00, other: 2.00 }
    - { code: "2080505", general: 40.00 }
    - { code: "2101101", general: 20.00 }
    - { code: "2296002", gov_fund: 45.00 }
    - { code: "2230199", state_capital: 30.00 }
`;

describe(RULE, () => {
  it('ok: without balances, income = expenditure row by row', () => {
    const r = check(NO_BALANCES, { omit: ['balances'] });
    expect(r.pairs(RULE)).toEqual([]);
    expect(r.pairs('balance-total')).toEqual([]);
  });

  it('ok: with carry-overs the rows need not agree (the base: 2012901 receives 302, spends 307)', () => {
    expect(check('').pairs(RULE)).toEqual([]);
  });

  it('not ok: 1.00 of 医疗 income booked under 养老 (the totals still agree)', () => {
    const r = check(NO_BALANCES, {
      omit: ['balances'],
      edit: {
        '- { code: "2080505", basic: { general: 40.00 } }': '- { code: "2080505", basic: { general: 41.00 } } # ← 违规',
        '- { code: "2101101", basic: { general: 20.00 } }': '- { code: "2101101", basic: { general: 19.00 } } # ← 违规',
      },
    });
    expect(r.pairs('balance-total')).toEqual([]);
    expect(r.pairs(RULE)).toEqual(at(RULE, ...r.marks));
    expect(r.messages(RULE)[0]).toMatch(/「2080505」本年收入 40.00，本年支出 41.00/);
  });

  it('not ok: income in a 项 with no spending, reported at the income row', () => {
    const r = check(
      NO_BALANCES.replace('gov_fund: 45.00 }', 'gov_fund: 45.00 }\n  - { code: "2296003", gov_fund: 0.00, other: 1.00 }   # ← 违规'),
      { omit: ['balances'] },
    );
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
  });
});
