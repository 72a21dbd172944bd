import { describe, expect, it } from 'vitest';
import { check } from '../helpers/year.ts';

const RULE = 'evaluation-funds';

describe(RULE, () => {
  it('ok: 使用 75 ≤ 到位 75 ≤ 计划 75 (the seed: 3100 / 3100 / 3100)', () => {
    expect(check('').pairs(RULE)).toEqual([]);
  });

  it('ok: 到位 in several parts, less than planned, all of it used', () => {
    const r = check('', {
      edit: {
        'received: { provincial: 75.00 }': 'received: { provincial: 60.00, local: 10.00 }',
        'used: { provincial: 75.00 }': 'used: { provincial: 60.00, local: 10.00 }',
      },
    });
    expect(r.pairs(RULE)).toEqual([]);
  });

  it('not ok: more used than received, more received than planned', () => {
    const r = check('', {
      edit: {
        'received: { provincial: 75.00 }': 'received: { provincial: 75.00, other: 5.00 } # ← 违规',
        'used: { provincial: 75.00 }': 'used: { provincial: 75.00, other: 6.00 } # ← 违规',
      },
    });
    expect(r.pairs(RULE)).toEqual([
      [RULE, r.marks[1]],
      [RULE, r.marks[0]],
    ]);
    expect(r.messages(RULE)).toEqual([
      '「信息化建设」实际使用 81.00 大于实际到位资金 80.00',
      '「信息化建设」实际到位资金 80.00 大于计划投资额 75.00',
    ]);
  });
});
