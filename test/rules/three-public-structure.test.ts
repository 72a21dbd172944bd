import { describe, expect, it } from 'vitest';
import { at, check, yaml } from '../helpers/year.ts';

const RULE = 'three-public-structure';

describe(RULE, () => {
  it('ok: 外事接待 0.30 / 1 批 / 5 人次 within 国内接待 1.50 / 10 批 / 60 人次', () => {
    expect(check('').pairs(RULE)).toEqual([]);
  });

  it('ok: no 外事接待 at all', () => {
    expect(check('', { omit: ['three_public.reception.domestic.foreign_affairs'] }).pairs(RULE)).toEqual([]);
  });

  it('not ok: 外事接待 larger than the 国内接待 it is part of, in money, batches and persons', () => {
    const r = check(yaml`
      three_public:
        reception:
          domestic:
            foreign_affairs:
              actual: 2.00   # ← 违规
              batches: 11    # ← 违规
              persons: 61    # ← 违规
    `);
    expect(r.pairs(RULE)).toEqual(at(RULE, ...r.marks));
    expect(r.messages(RULE)[0]).toMatch(/外事接待费 2.00 大于国内接待费 1.50/);
  });
});
