import { describe, expect, it } from 'vitest';
import { SEED_2023 } from '../helpers/seed.ts';
import { BASE_2023, check, lineWith } from '../helpers/year.ts';

const RULE = 'prior-year-department';

describe(RULE, () => {
  it('ok: the prior-year file is the same department’s', () => {
    expect(check('', { prior: BASE_2023 }).pairs(RULE)).toEqual([]);
  });

  it('ok: no prior-year file at all', () => {
    expect(check('', { prior: null }).pairs(RULE)).toEqual([]);
  });

  it('not ok: last year’s file belongs to another department (江西省总工会 next to 江西省示例协会)', () => {
    const r = check('', { prior: SEED_2023 });
    expect(r.pairs(RULE)).toEqual([[RULE, lineWith(r.text, 'department:')]]);
    expect(r.messages(RULE)[0]).toMatch(/上年数据文件的部门为「江西省总工会」，本年为「江西省示例协会」/);
  });
});
