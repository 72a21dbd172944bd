import { describe, expect, it } from 'vitest';
import { at, check, yaml } from '../helpers/year.ts';

const RULE = 'missing-section';

describe(RULE, () => {
  it('ok: every section present; an empty section written as {} counts as present', () => {
    expect(check('').pairs(RULE)).toEqual([]);
    expect(check(yaml`
      procurement: {}
    `).pairs(RULE)).toEqual([]);
  });

  it('not ok: no 三公 section is a warning (“forgot” and “none” look the same on the page)', () => {
    const r = check(yaml`
      year: 2024   # ← 违规
    `, { omit: ['three_public'] });
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.of(RULE)[0]!.severity).toBe('warning');
    expect(r.messages(RULE)[0]).toMatch(/未填写 three_public/);
  });

  it('not ok: no overview or expenditure is an error', () => {
    const r = check(yaml`
      year: 2024   # ← 违规
    `, { omit: ['overview', 'expenditure'] });
    expect(r.pairs(RULE)).toEqual(at(RULE, r.mark, r.mark));
    expect(r.of(RULE).map((d) => d.severity)).toEqual(['error', 'error']);
  });
});
