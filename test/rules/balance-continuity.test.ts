import { describe, expect, it } from 'vitest';
import { SEED_2023 } from '../helpers/seed.ts';
import { BASE_2024, check, lineWith, patch, yaml } from '../helpers/year.ts';

const RULE = 'balance-continuity';

/** 年初结转和结余 0.00, as the seed's 2024 (every fund starts from nothing; 国资 and 基金 still balance). */
const OPENING_ZERO = yaml`
  balances:   # ← 违规
    general: { opening: 0.00, closing: 0.00 }
    gov_fund:
      - { code: "2296002", opening: 0.00, closing: 5.00 }
    non_fiscal: { opening: 0.00, closing: 0.00 }
`;
const INCOME_305 = { '{ code: "2012901", general: 300.00': '{ code: "2012901", general: 305.00' };

describe(RULE, () => {
  it('ok: 年初 19.00 = last year’s 年末 19.00', () => {
    expect(check('').pairs(RULE)).toEqual([]);
  });

  it('ok: a full (not partial) prior year whose 年末 is computed from its balances', () => {
    const prior = patch(BASE_2024, 'year: 2023\n');
    expect(check('', { prior }).pairs(RULE)).toEqual([]);
  });

  it('ok: no prior-year file, nothing to compare', () => {
    expect(check(OPENING_ZERO, { edit: INCOME_305, prior: null }).pairs(RULE)).toEqual([]);
  });

  it('not ok: seed defect C-4, 2023 年末 30.71 but 2024 年初 0.00 with no explanation', () => {
    const r = check(OPENING_ZERO, { edit: INCOME_305, prior: SEED_2023 });
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.messages(RULE)[0]).toMatch(/本年年初结转和结余为 0.00，上年年末结转和结余为 30.71.*explanations.opening_balance/);
    expect(r.of(RULE)[0]!.severity).toBe('warning');
    expect(r.of(RULE)[0]!.related?.map((x) => x.place)).toEqual([
      { file: 'fixture/2023.yaml', line: lineWith(r.priorText!, 'closing_balance'), path: 'summary.closing_balance' },
    ]);
  });

  it('ok: the same difference, explained in explanations.opening_balance', () => {
    const r = check(
      OPENING_ZERO +
        yaml`
      explanations:
        opening_balance: 上年结余资金已按规定缴回财政
    `,
      { edit: INCOME_305, prior: SEED_2023 },
    );
    expect(r.pairs(RULE)).toEqual([]);
  });
});
