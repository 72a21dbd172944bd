import { describe, expect, it } from 'vitest';
import { check, yaml } from '../helpers/year.ts';

const RULE = 'catalogue-rename';

describe(RULE, () => {
  it('ok: adding a code, or restating a built-in one with its own name', () => {
    const r = check(yaml`
      catalogue:
        functional:
          - { code: "2012998", name: 工会专项事务 }
          - { code: "2012901", name: 行政运行 }
    `);
    expect(r.pairs(RULE)).toEqual([]);
  });

  it('not ok: renaming a built-in 项', () => {
    const r = check(yaml`
      catalogue:
        functional:
          - { code: "2012901", name: 行政运行支出 }   # ← 违规
    `);
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.messages(RULE)[0]).toMatch(/内置名称为「行政运行」，年度文件写作「行政运行支出」/);
  });
});
