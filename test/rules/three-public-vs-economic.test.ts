import { describe, expect, it } from 'vitest';
import { check, yaml } from '../helpers/year.ts';

const RULE = 'three-public-vs-economic';

describe(RULE, () => {
  it('ok: 公开06 公务接待费 1.00 ≤ 接待费 1.50, 运行维护费 3.00 ≤ 3.20 (三公 also counts project money)', () => {
    expect(check('').pairs(RULE)).toEqual([]);
  });

  it('not ok: 公开06 公务用车运行维护费 larger than the 三公 运行维护费', () => {
    const r = check(yaml`
      basic_economic:
        "30231": 3.50   # ← 违规
        "30201": 19.50
    `);
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.pairs('basic-economic-total')).toEqual([]);
    expect(r.messages(RULE)[0]).toMatch(/30231 公务用车运行维护费 3.50 大于公开09表公务用车运行维护费决算数 3.20/);
  });

  it('not ok: 因公出国 money in 公开06 with a blank 三公 出国 line', () => {
    const r = check(
      yaml`
      basic_economic:
        "30212": 1.00   # ← 违规
        "30201": 19.00
    `,
      { omit: ['three_public.abroad'] },
    );
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
  });
});
