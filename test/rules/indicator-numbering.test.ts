import { describe, expect, it } from 'vitest';
import { SEED_LABOUR_MODELS } from '../helpers/seed.ts';
import { at, check, mark, yaml } from '../helpers/year.ts';

const RULE = 'indicator-numbering';

describe(RULE, () => {
  it('ok: 指标1, 指标2 … in order within each group; unnumbered names are not checked', () => {
    expect(check('').pairs(RULE)).toEqual([]);
    const fixed = SEED_LABOUR_MODELS.replace('指标3：生活困难补助标准', '指标2：生活困难补助标准').replace(
      '指标2：特殊困难帮扶标准',
      '指标3：特殊困难帮扶标准',
    );
    const r = check(yaml`
      projects: # 追加
        ${fixed}
    `);
    expect(r.pairs(RULE)).toEqual([]);
  });

  it('not ok: seed defect C-5, 省劳模 经济成本 numbered 指标1, 指标3, 指标2', () => {
    const r = check(yaml`
      projects: # 追加
        ${mark(SEED_LABOUR_MODELS, '指标3：生活困难补助标准', '指标2：特殊困难帮扶标准')}
    `);
    expect(r.pairs(RULE)).toEqual(at(RULE, ...r.marks));
    expect(r.messages(RULE)).toEqual([
      '「经济成本」下第 2 个指标编号为「指标3」，应为「指标2」',
      '「经济成本」下第 3 个指标编号为「指标2」，应为「指标3」',
    ]);
  });
});
