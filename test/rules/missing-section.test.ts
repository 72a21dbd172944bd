import { describe, expect, it } from 'vitest';
import { at, check, yaml } from '../helpers/year.ts';

const RULE = 'missing-section';

describe(RULE, () => {
  it('ok: every section present; an empty section written as {} counts as present', () => {
    expect(check('').pairs(RULE)).toEqual([]);
    expect(
      check(yaml`
      procurement: {}
    `).pairs(RULE),
    ).toEqual([]);
  });

  it('not ok: no 三公 section is a warning (“forgot” and “none” look the same on the page)', () => {
    const r = check(
      yaml`
      year: 2024   # ← 违规
    `,
      { omit: ['three_public'] },
    );
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.of(RULE)[0]!.severity).toBe('warning');
    expect(r.messages(RULE)[0]).toMatch(/未填写 three_public/);
  });

  it('not ok: no overview or expenditure is an error', () => {
    const r = check(
      yaml`
      year: 2024   # ← 违规
    `,
      { omit: ['overview', 'expenditure'] },
    );
    expect(r.pairs(RULE)).toEqual(at(RULE, r.mark, r.mark));
    expect(r.of(RULE).map((d) => d.severity)).toEqual(['error', 'error']);
  });

  it.each(['budget', 'three_public', 'admin_operating_cost', 'procurement', 'assets', 'projects'])(
    'the advice for a missing %s is a form the year file accepts: written as advised, nothing is reported',
    (key) => {
      const advice = /请写「(.+?)」/.exec(check('', { omit: [key] }).messages(RULE)[0] ?? '')?.[1];
      expect(advice).toMatch(new RegExp(`^${key}: (\\[\\]|\\{\\})$`));
      const r = check(`${advice}\n`, { omit: [key] });
      // The form is accepted (other rules may still miss what the base file's other sections refer to).
      expect(r.diagnostics.filter((d) => /^(load|yaml|schema)\//.test(d.ruleId))).toEqual([]);
      expect(r.pairs(RULE)).toEqual([]);
    },
  );
});
