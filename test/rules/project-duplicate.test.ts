import { describe, expect, it } from 'vitest';
import { SEED_LABOUR_MODELS } from '../helpers/seed.ts';
import { check, lineWith, mark, yaml } from '../helpers/year.ts';

const RULE = 'project-duplicate';

describe(RULE, () => {
  it('ok: each project once', () => {
    expect(check('').pairs(RULE)).toEqual([]);
  });

  it('not ok: seed defect C-2, the 自评表 of 省劳模专项补助资金 published twice', () => {
    const second = mark(SEED_LABOUR_MODELS, '- name: 省劳模专项补助资金');
    const r = check(yaml`
      projects: # 追加
        ${SEED_LABOUR_MODELS}
        ${second}
    `);
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.messages(RULE)[0]).toMatch(/项目「省劳模专项补助资金」重复出现/);
    const first = r.text.split('\n').findIndex((l) => l.includes('- name: 省劳模专项补助资金')) + 1;
    expect(first).toBeLessThan(r.mark);
    expect(r.of(RULE)[0]!.related?.[0]?.place.line).toBe(first);
    expect(lineWith(r.text, '省劳模专项补助资金  #')).toBe(r.mark);
  });
});
