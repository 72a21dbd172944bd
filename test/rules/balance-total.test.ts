import { describe, expect, it } from 'vitest';
import { SEED_2023 } from '../helpers/seed.ts';
import { check, lineWith, yaml } from '../helpers/year.ts';

const RULE = 'balance-total';

describe(RULE, () => {
  it('ok: 收入总计 = 支出总计 with carry-overs in all three funds and non-fiscal money', () => {
    expect(check('').pairs(RULE)).toEqual([]);
  });

  it('not ok: a 年末结转和结余 that does not close the books', () => {
    const r = check(yaml`
      balances:   # ← 违规
        non_fiscal: { opening: 1.00, closing: 1.50 }
    `);
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.messages(RULE)[0]).toMatch(/收入总计为 461.00，支出总计为 461.50，相差 -0.5 万元.*年末结转和结余应为 19.00/);
  });

  it('ok: the seed’s partial 2023 (42.17 + 0 + 7794.44 = 7805.90 + 0 + 30.71)', () => {
    const r = check('', { prior: SEED_2023 });
    expect(r.priorPairs()).toEqual([]);
  });

  it('not ok: a partial prior year whose summary does not balance is an error of this year’s check', () => {
    const r = check('', { prior: SEED_2023.replace('closing_balance: 30.71', 'closing_balance: 30.17') });
    expect(r.priorPairs()).toEqual([[RULE, lineWith(r.priorText!, 'summary:')]]);
  });
});
