import { describe, expect, it } from 'vitest';
import { check, yaml } from '../helpers/year.ts';

const RULE = 'catalogue-edition';

describe(RULE, () => {
  it('ok: a year with an edition of its own (2024) says nothing', () => {
    expect(check('').pairs(RULE)).toEqual([]);
  });

  it('not ok: a 2026 file is checked against the 2025 edition, and is told so at its year', () => {
    const r = check(
      yaml`
      year: 2026   # ← 违规
    `,
      { file: 'fixture/2026.yaml', prior: null },
    );
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.of(RULE)[0]!.severity).toBe('info');
    expect(r.messages(RULE)[0]).toMatch(/^没有 2026 年版的内置科目目录，使用 2025 年版（src\/catalogue\/2025\.yaml）；/);
  });

  it('not ok: a year before the first edition uses the first one and says it is the earliest', () => {
    const r = check(
      yaml`
      year: 2022   # ← 违规
    `,
      { file: 'fixture/2022.yaml', prior: null },
    );
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
    expect(r.messages(RULE)[0]).toMatch(/使用 2024 年版（src\/catalogue\/2024\.yaml），这是最早的版本/);
  });
});
