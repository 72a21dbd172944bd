import { describe, expect, it } from 'vitest';
import { check, yaml } from '../helpers/year.ts';

const RULE = 'stale-year';
const opts = { file: 'fixture/2025.yaml', prior: null } as const;

describe(RULE, () => {
  it('ok: the 2024 base file speaks of 2024; comparisons with the year before are no slip', () => {
    expect(check('').pairs(RULE)).toEqual([]);
    const r = check(
      yaml`
      year: 2025
      three_public:
        reception:
          purpose: 比2024年度减少接待批次，与2024年相比压减三成，上年（2024年）接待12批
    `,
      opts,
    );
    expect(r.pairs(RULE)).toEqual([]);
  });

  it('not ok: a 2025 file that still says 2024年春节期间 and 2024年12月27日 (carried from the 2024 file)', () => {
    const r = check(
      yaml`
      year: 2025
      three_public:
        reception:
          purpose: 2024年春节期间走访慰问劳模   # ← 违规
      overview:
        duties: |
          负责全省示例工作的组织协调和服务保障。

          土地划拨款已于2024年12月27日退还。   # ← 违规
    `,
      opts,
    );
    expect(
      r
        .pairs(RULE)
        .map(([, line]) => line)
        .sort((a, b) => a - b),
    ).toEqual(r.marks);
    expect(r.messages(RULE)).toContain(
      '「2024年春节期间走访慰问劳模」：本文件是 2025 年度，这里的 2024 年像是当年；从上年带入的文字请改为 2025 年的情况（「比2024年」这类与上年相比的写法不在此列）',
    );
    expect(r.of(RULE)[0]!.severity).toBe('warning');
  });

  it('not ok: 2024年度 and 2024年12月底前 as this year’s period, in a 2025 indicator target', () => {
    const r = check(
      yaml`
      year: 2025
      performance:
        texts:
          goals: 对2024年度财政拨款项目开展绩效自评。   # ← 违规
    `,
      opts,
    );
    expect(r.pairs(RULE)).toEqual([[RULE, r.mark]]);
  });
});
